/**
 * `select`: keep only the listed fields. Per the API, an empty list keeps every field and `__name__`
 * alone keeps none. Projected documents are new objects; the stored ones are never touched.
 */
import { keepOnlyFields } from '../document-mask.ts';
import type { StoredDocument, StructuredQuery } from '../types.ts';
import { compileDocumentField } from './document-field.ts';

export type DocumentProjection = (document: StoredDocument) => StoredDocument;

export function compileProjection(select: StructuredQuery['select']): DocumentProjection {
  const selected = (select?.fields ?? []).map(compileDocumentField);
  if (selected.length === 0) return (document) => document;
  return keepOnlyFields(selected.filter((field) => !field.isDocumentName).map((field) => field.segments));
}
