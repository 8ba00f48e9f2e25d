import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { matchesFilter, parseFilter } from './filter.ts';

const matches = (filter: string, attributes: Record<string, string>): boolean =>
  matchesFilter(parseFilter(filter), attributes);

describe('parseFilter', () => {
  it('treats an empty or blank filter as matching everything', () => {
    expect(parseFilter('')).toBeUndefined();
    expect(parseFilter('   ')).toBeUndefined();
    expect(matchesFilter(undefined, {})).toBe(true);
  });

  it('builds the expression tree', () => {
    expect(parseFilter('attributes.a = "x" AND NOT hasPrefix(attributes."b.c", \'p\')')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'equals', key: 'a', value: 'x' },
        { kind: 'not', operand: { kind: 'hasPrefix', key: 'b.c', value: 'p' } },
      ],
    });
  });

  it.each([
    ['attributes.a = "x" AND attributes.b = "y" OR attributes.c = "z"', 'mixing AND and OR'],
    ['attributes.a = x', 'expected a string literal'],
    ['attributes.a == "x"', "expected a string literal"],
    ['attributes.a = "x', 'unterminated string'],
    ['attributes:', 'expected an attribute key'],
    ['attributes:""', 'empty attribute key'],
    ['(attributes:a', "expected ')'"],
    ['attributes:a)', "unexpected ')'"],
    ['data = "x"', "unexpected 'data'"],
    ['hasPrefix(attributes.a)', "expected ','"],
    ['attributes.a = "x" and attributes:b', "unexpected 'and'"],
    ['attributes:a AND', 'expected a condition at the end'],
    ['attributes.a = "\\q"', 'unknown escape'],
    ['attributes:a # comment', "unexpected character '#'"],
  ])('rejects %s (%s) with INVALID_ARGUMENT', (filter, reason) => {
    expect(() => parseFilter(filter)).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT }));
    expect(() => parseFilter(filter)).toThrow(reason);
  });

  it('rejects filters over 256 bytes', () => {
    const longest = `attributes:${'k'.repeat(256 - 'attributes:'.length)}`;
    expect(parseFilter(longest)).toEqual({ kind: 'exists', key: 'k'.repeat(245) });
    expect(() => parseFilter(`${longest}k`)).toThrow('longer than 256 bytes');
  });

  it('decodes escapes in string literals', () => {
    expect(parseFilter('attributes.k = "a\\"b\\\\c\\n\\x41\\u00e9\\101"')).toEqual({
      kind: 'equals',
      key: 'k',
      value: 'a"b\\c\nAéA',
    });
  });
});

describe('matchesFilter', () => {
  const attributes = { domain: 'com', 'iana.org/language_tag': 'en', empty: '' };

  it.each([
    ['attributes:domain', true],
    ['attributes:missing', false],
    ['attributes:empty', true],
    ['attributes."iana.org/language_tag" = "en"', true],
    ['attributes.domain = "com"', true],
    ['attributes.domain = "Com"', false],
    ['attributes.domain != "com"', false],
    ['attributes.domain != "org"', true],
    ['attributes.missing != "org"', true],
    ['attributes.missing = ""', false],
    ['hasPrefix(attributes.domain, "co")', true],
    ['hasPrefix(attributes.domain, "")', true],
    ['hasPrefix(attributes.missing, "")', false],
    ['NOT attributes:domain', false],
    ['-attributes:missing', true],
    ['NOT NOT attributes:domain', true],
    ['attributes:domain AND attributes:missing', false],
    ['attributes:domain OR attributes:missing', true],
    ['attributes:missing OR (attributes:domain AND attributes.domain = "com")', true],
    ['(attributes:missing OR attributes:domain) AND NOT attributes.domain = "com"', false],
  ])('%s → %s', (filter, expected) => {
    expect(matches(filter, attributes)).toBe(expected);
  });

  it('does not see inherited properties as attributes', () => {
    expect(matches('attributes:toString', {})).toBe(false);
    expect(matches('attributes.constructor != "x"', {})).toBe(true);
  });
});
