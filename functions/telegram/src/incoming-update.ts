import type { Update } from 'grammy/types';
import { z } from 'zod';

/**
 * The least a body must be to be an Update: a JSON object with a non-negative integer
 * `update_id`. grammY reads the rest; anything less is answered 200 and logged, since Telegram
 * would otherwise redeliver it for a day and nothing can ever make it valid.
 */
const updateShape = z.looseObject({
  update_id: z.number().int().min(0),
  message: z.looseObject({ message_id: z.number().int(), chat: z.looseObject({ id: z.number().int() }) }).optional(),
});

export type IncomingUpdate = { ok: true; updateId: number; update: Update } | { ok: false; reason: string };

export function readIncomingUpdate(body: string): IncomingUpdate {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const parsed = updateShape.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not an Update: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}` };
  // The rest of the Update is grammY's to read; its filters tolerate fields it does not know.
  return { ok: true, updateId: parsed.data.update_id, update: parsed.data as unknown as Update };
}
