/**
 * Firestore v1 wire types as @grpc/proto-loader decodes them with PROTO_LOADER_OPTIONS
 * (../proto-loader-options.ts): int64 as decimal strings, only the fields that were set, and a
 * virtual `valueType` naming the member of the Value oneof.
 */

export interface Timestamp {
  seconds?: string | number;
  nanos?: number;
}

export interface LatLng {
  latitude?: number;
  longitude?: number;
}

export interface ArrayValue {
  values?: Value[];
}

export interface MapValue {
  fields?: Record<string, Value>;
}

export type ValueType =
  | 'nullValue'
  | 'booleanValue'
  | 'integerValue'
  | 'doubleValue'
  | 'timestampValue'
  | 'stringValue'
  | 'bytesValue'
  | 'referenceValue'
  | 'geoPointValue'
  | 'arrayValue'
  | 'mapValue';

export interface Value {
  nullValue?: 'NULL_VALUE' | 0;
  booleanValue?: boolean;
  /** int64 as a decimal string. */
  integerValue?: string;
  doubleValue?: number;
  timestampValue?: Timestamp;
  stringValue?: string;
  bytesValue?: Buffer | Uint8Array;
  /** projects/{p}/databases/{d}/documents/{path} */
  referenceValue?: string;
  geoPointValue?: LatLng;
  arrayValue?: ArrayValue;
  mapValue?: MapValue;
  /** Set by proto-loader's `oneofs: true`; absent on values we build ourselves, so never rely on it. */
  valueType?: ValueType;
}

/** A stored document, exactly as returned on the wire. */
export interface StoredDocument {
  /** projects/{p}/databases/{d}/documents/{collection}/{id}[/{collection}/{id}...] */
  name: string;
  fields: Record<string, Value>;
  createTime: Timestamp;
  updateTime: Timestamp;
}

export type FieldOperator =
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL'
  | 'EQUAL'
  | 'NOT_EQUAL'
  | 'ARRAY_CONTAINS'
  | 'IN'
  | 'ARRAY_CONTAINS_ANY'
  | 'NOT_IN';

export type UnaryOperator = 'IS_NAN' | 'IS_NULL' | 'IS_NOT_NAN' | 'IS_NOT_NULL';

export interface FieldReference {
  /** A dotted field path; segments may be backtick-quoted. `__name__` is the document id. */
  fieldPath: string;
}

export interface Filter {
  compositeFilter?: { op: 'AND' | 'OR'; filters?: Filter[] };
  fieldFilter?: { field: FieldReference; op: FieldOperator; value: Value };
  unaryFilter?: { op: UnaryOperator; field: FieldReference };
  filterType?: 'compositeFilter' | 'fieldFilter' | 'unaryFilter';
}

export interface Order {
  field: FieldReference;
  direction?: 'ASCENDING' | 'DESCENDING' | 'DIRECTION_UNSPECIFIED';
}

export interface Cursor {
  values?: Value[];
  before?: boolean;
}

export interface StructuredQuery {
  select?: { fields?: FieldReference[] };
  from?: { collectionId?: string; allDescendants?: boolean }[];
  where?: Filter;
  orderBy?: Order[];
  startAt?: Cursor;
  endAt?: Cursor;
  offset?: number;
  /** google.protobuf.Int32Value */
  limit?: { value?: number };
}

export interface Aggregation {
  alias?: string;
  count?: { upTo?: { value?: string | number } };
  sum?: { field: FieldReference };
  avg?: { field: FieldReference };
  operator?: 'count' | 'sum' | 'avg';
}
