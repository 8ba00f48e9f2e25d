import { getField, parseFieldPath, setField } from './field-path.ts';
import type { StoredDocument, Value } from './types.ts';

/** google.firestore.v1.DocumentMask as decoded: present but empty means "no fields". */
export interface DocumentMask {
  fieldPaths?: string[];
}

/**
 * Keeps only the masked fields. Unlike a query's `select`, an empty mask returns no fields at all
 * (the node client's listDocuments relies on that to fetch names only).
 */
export function compileDocumentMask(mask: DocumentMask | undefined): (document: StoredDocument) => StoredDocument {
  if (!mask) return (document) => document;
  return keepOnlyFields((mask.fieldPaths ?? []).map((path) => parseFieldPath(path)));
}

/** A copy of a document with only the given field paths (nested ones inside their maps). */
export function keepOnlyFields(paths: readonly (readonly string[])[]): (document: StoredDocument) => StoredDocument {
  return (document) => {
    let fields: Record<string, Value> = {};
    for (const path of paths) {
      const value = getField(document.fields, path);
      if (value !== undefined) fields = setField(fields, path, value);
    }
    return { ...document, fields };
  };
}
