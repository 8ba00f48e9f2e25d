import { describe, expect, it } from 'vitest';
import { formatWhen } from './format.ts';

describe('formatWhen', () => {
  it('formats in the given language and zone', () => {
    expect(formatWhen('2026-03-04T05:06:00.000Z', '—', 'en-GB', 'UTC')).toBe('4 Mar 2026, 05:06');
  });
  it('answers the fallback for nothing or nonsense', () => {
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen(undefined, 'never')).toBe('never');
    expect(formatWhen('not a date', 'never')).toBe('never');
  });
});
