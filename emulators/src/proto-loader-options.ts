/**
 * How both engines decode their protos with @grpc/proto-loader: camelCase fields, int64 as
 * decimal strings (exact, unlike numbers), enums as their names, bytes as Buffer, only the fields
 * that were set (no defaults, so presence can be told from emptiness), and a virtual property
 * naming the member set in each oneof.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  bytes: Buffer,
  defaults: false,
  oneofs: true,
} as const;
