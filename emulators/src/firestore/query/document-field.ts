import { canonicalFieldPath, DOCUMENT_NAME_FIELD, getField, parseFieldPath } from '../field-path.ts';
import { InvalidArgumentError } from '../errors.ts';
import type { FieldReference, StoredDocument, Value } from '../types.ts';

/** A field path parsed once per query, read many times per document. */
export interface DocumentField {
  readonly segments: readonly string[];
  /** Canonical spelling, so `a.b` and `` `a`.b `` are recognised as the same field. */
  readonly key: string;
  readonly isDocumentName: boolean;
  read(document: StoredDocument): Value | undefined;
}

export function compileDocumentField(reference: FieldReference | undefined): DocumentField {
  if (!reference?.fieldPath) throw new InvalidArgumentError('A field reference must name a field path.');
  const segments = parseFieldPath(reference.fieldPath);
  const key = canonicalFieldPath(segments);
  const isDocumentName = key === DOCUMENT_NAME_FIELD;
  return {
    segments,
    key,
    isDocumentName,
    read: isDocumentName
      ? (document) => ({ referenceValue: document.name })
      : (document) => getField(document.fields, segments),
  };
}
