import { describe, expect, it } from 'vitest';
import { normalizeSearchText, searchPrefixesFor, searchPrefixMaxLength, searchPrefixOf } from './search-keys.ts';

describe('normalizeSearchText', () => {
  it('lower-cases, strips accents and collapses white space', () => {
    expect(normalizeSearchText('  Ádá   LOVELACE\t')).toBe('ada lovelace');
    expect(normalizeSearchText('Ｆｕｌｌ')).toBe('full'); // NFKD folds full-width letters too
  });
});

describe('searchPrefixOf', () => {
  it('normalizes the query and cuts it to the indexed length', () => {
    expect(searchPrefixOf(' Ada ')).toBe('ada');
    expect(searchPrefixOf('x'.repeat(50))).toBe('x'.repeat(searchPrefixMaxLength));
    expect(searchPrefixOf('')).toBe('');
  });
});

describe('searchPrefixesFor', () => {
  const keys = (username: string | null, displayName: string | null, disabled = false) => new Set(searchPrefixesFor({ username, displayName, disabled }));

  it('indexes every prefix of the username and of the display name, and the empty prefix', () => {
    const indexed = keys('ada.lovelace', 'Ada Lovelace');
    for (const prefix of ['', 'a', 'ad', 'ada', 'ada.', 'ada.lovelace', 'ada ', 'ada lovelace']) expect(indexed).toContain(prefix);
  });

  it('indexes the parts that start at a word, in the username and the display name', () => {
    const indexed = keys('ada_king-lovelace', 'Augusta Ada King');
    for (const prefix of ['king', 'king-lovelace', 'lovelace', 'ada king', 'king', 'augusta ada king']) expect(indexed).toContain(prefix);
    expect(indexed).not.toContain('velace'); // prefixes, not substrings
    expect(indexed).not.toContain('ugusta');
  });

  it('finds a display name whatever its case or accents, since the query is normalized alike', () => {
    expect(keys('zoe', 'Zoë Ñúñez')).toContain(searchPrefixOf('ZOE NUN'));
  });

  it('indexes nothing past the maximum length, and a bounded number of entries', () => {
    const indexed = keys('a.b.c.d.e.f.g.h', 'w '.repeat(40) + 'x'.repeat(80));
    for (const prefix of indexed) expect([...prefix].length).toBeLessThanOrEqual(searchPrefixMaxLength);
    expect(keys('x'.repeat(20), 'y'.repeat(80)).size).toBe(1 + 20 + 20);
    expect(keys('a-b-c-d-e-f', 'one two three four five six seven').size).toBeLessThanOrEqual(1 + 2 * 4 * searchPrefixMaxLength);
  });

  it('hides a profile without a username, and a disabled one', () => {
    expect(keys(null, 'Ada').size).toBe(0);
    expect(keys('ada', 'Ada', true).size).toBe(0);
  });
});
