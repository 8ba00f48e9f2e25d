import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS } from '../proto-loader-options.ts';

const require = createRequire(import.meta.url);

/**
 * The prebuilt protobufjs JSON descriptor that ships with @google-cloud/firestore: the same
 * definitions the client speaks, without parsing .proto files (about as fast as it gets, ~50 ms).
 * The package does not export the path, so it is resolved from its package.json.
 */
function firestoreDescriptorPath(): string {
  return join(dirname(require.resolve('@google-cloud/firestore/package.json')), 'build', 'protos', 'v1.json');
}

let cached: ServiceDefinition | undefined;

/** The google.firestore.v1.Firestore service, loaded once per process. */
export function loadFirestoreService(): ServiceDefinition {
  if (!cached) {
    const packageDefinition = fromJSON(require(firestoreDescriptorPath()), PROTO_LOADER_OPTIONS);
    cached = packageDefinition['google.firestore.v1.Firestore'] as ServiceDefinition;
  }
  return cached;
}
