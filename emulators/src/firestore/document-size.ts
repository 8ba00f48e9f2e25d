import { InvalidArgumentError } from './errors.ts';
import type { StoredDocument, Value } from './types.ts';
import { valueType } from './values.ts';

/** 1 MiB, Firestore's per-document limit. */
const MAX_DOCUMENT_BYTES = 1_048_576;

/**
 * Storage size as Firestore bills and limits it (https://firebase.google.com/docs/firestore/storage-size):
 * the document name's size, plus each field name's string size and value size, plus 32 bytes.
 */
export function documentSize(document: Pick<StoredDocument, 'name' | 'fields'>): number {
  return documentNameSize(document.name) + fieldsSize(document.fields) + 32;
}

export function assertDocumentFits(document: Pick<StoredDocument, 'name' | 'fields'>): void {
  const size = documentSize(document);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new InvalidArgumentError(
      `Document '${document.name}' cannot be written because its size (${size.toLocaleString('en-US')} bytes) exceeds the maximum allowed size of ${MAX_DOCUMENT_BYTES.toLocaleString('en-US')} bytes.`,
    );
  }
}

/** Each collection and document id in the path counts as a string, plus 16 bytes. */
export function documentNameSize(name: string): number {
  const path = name.slice(name.indexOf('/documents/') + '/documents/'.length);
  return path.split('/').reduce((sum, segment) => sum + stringSize(segment), 16);
}

function stringSize(text: string): number {
  return Buffer.byteLength(text, 'utf8') + 1;
}

function fieldsSize(fields: Record<string, Value>): number {
  let size = 0;
  for (const [name, value] of Object.entries(fields)) size += stringSize(name) + valueSize(value);
  return size;
}

function valueSize(value: Value): number {
  switch (valueType(value)) {
    case 'nullValue':
    case 'booleanValue':
      return 1;
    case 'integerValue':
    case 'doubleValue':
    case 'timestampValue':
      return 8;
    case 'geoPointValue':
      return 16;
    case 'stringValue':
      return stringSize(value.stringValue!);
    case 'bytesValue':
      return value.bytesValue!.length;
    case 'referenceValue':
      return documentNameSize(value.referenceValue!);
    case 'arrayValue':
      return (value.arrayValue!.values ?? []).reduce((sum, element) => sum + valueSize(element), 0);
    case 'mapValue':
      return fieldsSize(value.mapValue!.fields ?? {});
  }
}
