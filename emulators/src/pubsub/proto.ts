import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS } from '../proto-loader-options.ts';

/**
 * The Publisher and Subscriber service definitions, from the protos @google-cloud/pubsub ships
 * (and the google/api protos of its google-gax), so the engine speaks exactly the client's API.
 * Parsed once per process.
 */
export interface PubSubServices {
  readonly publisher: ServiceDefinition;
  readonly subscriber: ServiceDefinition;
}

let loaded: PubSubServices | undefined;

function protoDirectories(): string[] {
  const require = createRequire(import.meta.url);
  // Both packages' main files live in build/src, beside build/protos.
  const pubsubMain = require.resolve('@google-cloud/pubsub');
  const gaxMain = createRequire(pubsubMain).resolve('google-gax');
  return [join(dirname(pubsubMain), '..', 'protos'), join(dirname(gaxMain), '..', 'protos')];
}

export function pubsubServices(): PubSubServices {
  if (!loaded) {
    const definition = loadSync('google/pubsub/v1/pubsub.proto', {
      ...PROTO_LOADER_OPTIONS,
      includeDirs: protoDirectories(),
    });
    loaded = {
      publisher: definition['google.pubsub.v1.Publisher'] as ServiceDefinition,
      subscriber: definition['google.pubsub.v1.Subscriber'] as ServiceDefinition,
    };
  }
  return loaded;
}
