import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiSchemaSource, schemaFile } from '../scripts/api-schema-source.ts';

describe('the generated API types', () => {
  it('are what the gateway document generates now (run `npm run generate:api` when this fails)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(await apiSchemaSource());
  });
});
