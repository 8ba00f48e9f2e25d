import { ProblemError } from '@plaza/runtime';
import type { z } from 'zod';

/**
 * A cursor clients pass back without reading it (base64url JSON), so what a page ends on can
 * change without breaking them beyond one page. A cursor we did not write is a 400 naming
 * `query.cursor`, never a 500 or a silent first page.
 */
export function opaqueCursor<Schema extends z.ZodType<object>>(schema: Schema) {
  return {
    encode(value: z.infer<Schema>): string {
      return Buffer.from(JSON.stringify(value)).toString('base64url');
    },
    decode(text: string | undefined): z.infer<Schema> | undefined {
      if (text === undefined) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      } catch {
        parsed = undefined;
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        throw new ProblemError(400, 'validation_failed', 'The cursor is not one this API returned.', {
          errors: [{ path: 'query.cursor', message: 'Unknown cursor' }],
        });
      }
      return result.data;
    },
  };
}
