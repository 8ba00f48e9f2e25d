import { invalidArgument } from './errors.ts';
import type { FieldMask } from './wire.ts';

/**
 * Applies an Update* request's field mask: each path (snake_case, top-level, as the client sends
 * it) must name an updatable field; a field absent from the patch is cleared.
 */
export function applyFieldMask<T extends object>(
  current: T,
  patch: T,
  mask: FieldMask | undefined,
  updatable: Readonly<Record<string, keyof T>>,
  request: string,
): T {
  const paths = mask?.paths ?? [];
  if (paths.length === 0) throw invalidArgument(`The update_mask in the ${request} must name at least one field.`);
  const next: T = { ...current };
  for (const path of paths) {
    const field = Object.hasOwn(updatable, path) ? updatable[path] : undefined;
    if (!field) throw invalidArgument(`Invalid update_mask provided in the ${request}: ${path} cannot be updated.`);
    if (patch[field] === undefined) delete next[field];
    else next[field] = patch[field];
  }
  return next;
}
