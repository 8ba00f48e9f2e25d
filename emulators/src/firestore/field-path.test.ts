import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.ts';
import {
  canonicalFieldPath,
  compareFieldPaths,
  deleteField,
  getField,
  parseFieldPath,
  setField,
} from './field-path.ts';
import { map, str } from './query/test-fixtures.ts';

describe('parseFieldPath', () => {
  it.each([
    ['a', ['a']],
    ['a.b_2._c', ['a', 'b_2', '_c']],
    ['__name__', ['__name__']],
    ['`a.b`', ['a.b']],
    ['`a b`.`0`.c', ['a b', '0', 'c']],
    ['`a\\`b`', ['a`b']],
    ['`a\\\\b`', ['a\\b']],
    ['`a\\.b`', ['a.b']],
    ['`ünï`', ['ünï']],
  ])('parses %s', (path, segments) => {
    expect(parseFieldPath(path)).toEqual(segments);
  });

  it.each(['', '.', 'a.', '.a', 'a..b', '0a', 'a-b', 'a b', '``', '`a', '`a`b', '`a\\x`', '`a\\', 'a`b`'])(
    'rejects %j',
    (path) => {
      expect(() => parseFieldPath(path)).toThrow(InvalidArgumentError);
    },
  );
});

describe('canonicalFieldPath', () => {
  it('quotes only segments that are not simple identifiers', () => {
    expect(canonicalFieldPath(['a', 'b.c', '0', 'x`y\\z'])).toBe('a.`b.c`.`0`.`x\\`y\\\\z`');
  });

  it('round-trips through parseFieldPath', () => {
    const segments = ['plain', 'with space', 'dot.ted', 'back`tick', 'back\\slash', '🙂'];
    expect(parseFieldPath(canonicalFieldPath(segments))).toEqual(segments);
  });
});

describe('compareFieldPaths', () => {
  it('compares segment by segment, shorter prefix first', () => {
    expect(compareFieldPaths(['a', 'b'], ['a_b'])).toBeLessThan(0);
    expect(compareFieldPaths(['a'], ['a', 'b'])).toBeLessThan(0);
    expect(compareFieldPaths(['b'], ['a', 'z'])).toBeGreaterThan(0);
    expect(compareFieldPaths(['x', 'y'], ['x', 'y'])).toBe(0);
  });
});

describe('getField', () => {
  const fields = { a: map({ b: map({ c: str('deep') }) }), s: str('flat') };

  it('reads top-level and nested values', () => {
    expect(getField(fields, ['s'])).toEqual(str('flat'));
    expect(getField(fields, ['a', 'b', 'c'])).toEqual(str('deep'));
    expect(getField(fields, ['a', 'b'])).toEqual(map({ c: str('deep') }));
  });

  it('is undefined for missing segments and non-map intermediates', () => {
    expect(getField(fields, ['missing'])).toBeUndefined();
    expect(getField(fields, ['a', 'x', 'c'])).toBeUndefined();
    expect(getField(fields, ['s', 'length'])).toBeUndefined();
    expect(getField(fields, ['toString'])).toBeUndefined();
  });
});

describe('setField', () => {
  it('sets a nested value without mutating the input', () => {
    const fields = { a: map({ keep: str('k'), b: str('old') }), other: str('o') };
    const snapshot = structuredClone(fields);
    const updated = setField(fields, ['a', 'b'], str('new'));
    expect(updated).toEqual({ a: map({ keep: str('k'), b: str('new') }), other: str('o') });
    expect(fields).toEqual(snapshot);
    expect(updated['other']).toBe(fields.other);
  });

  it('creates missing maps and replaces non-map intermediates', () => {
    expect(setField({}, ['a', 'b'], str('v'))).toEqual({ a: map({ b: str('v') }) });
    expect(setField({ a: str('scalar') }, ['a', 'b'], str('v'))).toEqual({ a: map({ b: str('v') }) });
  });

  it('rejects an empty path', () => {
    expect(() => setField({}, [], str('v'))).toThrow(InvalidArgumentError);
  });
});

describe('deleteField', () => {
  it('deletes a nested value without mutating the input', () => {
    const fields = { a: map({ b: str('x'), c: str('y') }) };
    const snapshot = structuredClone(fields);
    expect(deleteField(fields, ['a', 'b'])).toEqual({ a: map({ c: str('y') }) });
    expect(deleteField(fields, ['a'])).toEqual({});
    expect(fields).toEqual(snapshot);
  });

  it('returns the same object when there is nothing to delete', () => {
    const fields = { a: map({ b: str('x') }), s: str('s') };
    expect(deleteField(fields, ['missing'])).toBe(fields);
    expect(deleteField(fields, ['a', 'missing'])).toBe(fields);
    expect(deleteField(fields, ['s', 'inner'])).toBe(fields);
  });
});
