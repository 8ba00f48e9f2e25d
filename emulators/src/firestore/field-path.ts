/**
 * Field paths as the Firestore API spells them: dot-separated segments, where a segment that is
 * not a simple identifier is quoted in backticks with `\` escaping `\`, `` ` `` and `.`.
 *
 * The helpers that change fields never mutate their input: they copy the maps along the path and
 * share everything else, so a stored document can be handed out while a new version is built.
 */
import { InvalidArgumentError } from './errors.ts';
import type { Value } from './types.ts';
import { compareUtf8Strings } from './values.ts';

/** The pseudo-field that names the document itself in filters, orders, cursors and projections. */
export const DOCUMENT_NAME_FIELD = '__name__';

const SIMPLE_SEGMENT = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
const ESCAPABLE = new Set(['\\', '`', '.']);

export function parseFieldPath(path: string): string[] {
  if (path === '') throw invalidPath(path, 'it is empty');
  const segments: string[] = [];
  let i = 0;
  while (i <= path.length) {
    const [segment, end] = path[i] === '`' ? readQuotedSegment(path, i) : readSimpleSegment(path, i);
    segments.push(segment);
    if (end < path.length && path[end] !== '.') throw invalidPath(path, `unexpected '${path[end]}' after a quoted segment`);
    i = end + 1;
  }
  return segments;
}

function readSimpleSegment(path: string, start: number): [string, number] {
  const dot = path.indexOf('.', start);
  const end = dot === -1 ? path.length : dot;
  const segment = path.slice(start, end);
  if (segment === '') throw invalidPath(path, 'it has an empty segment');
  if (!SIMPLE_SEGMENT.test(segment)) throw invalidPath(path, `segment '${segment}' must be quoted in backticks`);
  return [segment, end];
}

function readQuotedSegment(path: string, start: number): [string, number] {
  let segment = '';
  for (let i = start + 1; i < path.length; i++) {
    const c = path[i]!;
    if (c === '`') {
      if (segment === '') throw invalidPath(path, 'it has an empty segment');
      return [segment, i + 1];
    }
    if (c === '\\') {
      const escaped = path[++i];
      if (escaped === undefined || !ESCAPABLE.has(escaped)) throw invalidPath(path, 'it has an invalid escape sequence');
      segment += escaped;
    } else {
      segment += c;
    }
  }
  throw invalidPath(path, 'a backtick is not closed');
}

function invalidPath(path: string, reason: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid field path '${path}': ${reason}.`);
}

/** The inverse of parseFieldPath, quoting only the segments that need it (as the official clients do). */
export function canonicalFieldPath(segments: readonly string[]): string {
  return segments
    .map((segment) => (SIMPLE_SEGMENT.test(segment) ? segment : '`' + segment.replace(/[\\`]/g, '\\$&') + '`'))
    .join('.');
}

/** Segment by segment in UTF-8 order, so `a.b` sorts before `a_b` and before `a.b.c`. */
export function compareFieldPaths(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const comparison = compareUtf8Strings(a[i]!, b[i]!);
    if (comparison !== 0) return comparison;
  }
  return a.length - b.length;
}

/** The value at a path, or undefined when a segment is missing or an intermediate value is not a map. */
export function getField(fields: Record<string, Value>, segments: readonly string[]): Value | undefined {
  let value: Value | undefined = { mapValue: { fields } };
  for (const segment of segments) {
    const children: Record<string, Value> | undefined = value.mapValue?.fields;
    value = children !== undefined && Object.hasOwn(children, segment) ? children[segment] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/** Returns new fields with `value` at the path; intermediate values that are not maps become maps. */
export function setField(
  fields: Record<string, Value>,
  segments: readonly string[],
  value: Value,
): Record<string, Value> {
  const [head, ...rest] = segments;
  if (head === undefined) throw new InvalidArgumentError('A field path must have at least one segment.');
  if (rest.length === 0) return { ...fields, [head]: value };
  const children = (Object.hasOwn(fields, head) ? fields[head]?.mapValue?.fields : undefined) ?? {};
  return { ...fields, [head]: { mapValue: { fields: setField(children, rest, value) } } };
}

/** Returns new fields without the path, or `fields` itself when there is nothing to delete. */
export function deleteField(fields: Record<string, Value>, segments: readonly string[]): Record<string, Value> {
  const [head, ...rest] = segments;
  if (head === undefined || !Object.hasOwn(fields, head)) return fields;
  if (rest.length === 0) {
    const { [head]: _deleted, ...remaining } = fields;
    return remaining;
  }
  const children = fields[head]?.mapValue?.fields;
  if (children === undefined) return fields;
  const updated = deleteField(children, rest);
  return updated === children ? fields : { ...fields, [head]: { mapValue: { fields: updated } } };
}
