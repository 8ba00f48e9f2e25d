import { describe, expect, it } from 'vitest';
import { displayNameSchema } from './display-name.ts';

describe('displayNameSchema', () => {
  it('trims, and allows null to remove the name', () => {
    expect(displayNameSchema.parse('  Ada  ')).toBe('Ada');
    expect(displayNameSchema.parse(null)).toBeNull();
  });

  it.each(['', '   ', 'x'.repeat(81)])('rejects %j', (name) => {
    expect(displayNameSchema.safeParse(name).success).toBe(false);
  });
});
