import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import { compileProjection } from './projection.ts';
import { int, map, storedDocument, str } from './test-fixtures.ts';

const document = storedDocument('c/d', { a: map({ b: int(1), c: int(2) }), s: str('x'), t: str('y') });
const selecting = (...fieldPaths: string[]) => ({ fields: fieldPaths.map((fieldPath) => ({ fieldPath })) });

describe('compileProjection', () => {
  it('keeps the whole document without a projection or with an empty one', () => {
    expect(compileProjection(undefined)(document)).toBe(document);
    expect(compileProjection({})(document)).toBe(document);
  });

  it('keeps only the selected fields, nested ones inside their maps', () => {
    const snapshot = structuredClone(document);
    const projected = compileProjection(selecting('s', 'a.c', 'missing', 'a.b.deeper'))(document);
    expect(projected).toEqual({ ...document, fields: { s: str('x'), a: map({ c: int(2) }) } });
    expect(document).toEqual(snapshot);
  });

  it('keeps a whole map when both it and one of its fields are selected', () => {
    expect(compileProjection(selecting('a.b', 'a'))(document).fields).toEqual({ a: map({ b: int(1), c: int(2) }) });
  });

  it('keeps only the name for __name__', () => {
    expect(compileProjection(selecting('__name__'))(document)).toEqual({ ...document, fields: {} });
  });

  it('rejects malformed field paths', () => {
    expect(() => compileProjection(selecting('a.'))).toThrow(InvalidArgumentError);
  });
});
