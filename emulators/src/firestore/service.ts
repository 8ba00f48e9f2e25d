import type { handleBidiStreamingCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { createReadRpcs } from './read-rpcs.ts';
import type { DocumentStore } from './store.ts';
import type { TransactionManager } from './transactions.ts';
import { createWriteRpcs } from './write-rpcs.ts';

/** The bidirectional streams another part of the engine implements (listen.ts, write-stream.ts). */
export interface StreamHandlers {
  Listen?: handleBidiStreamingCall<unknown, unknown>;
  Write?: handleBidiStreamingCall<unknown, unknown>;
}

export interface FirestoreEngine {
  store: DocumentStore;
  transactions: TransactionManager;
}

/**
 * The google.firestore.v1.Firestore service: every unary and server-streaming RPC, plus the
 * bidirectional streams passed in. RPCs left out (ExecutePipeline, and any stream not passed)
 * answer UNIMPLEMENTED, which grpc-js does for missing handlers.
 */
export function createFirestoreService({ store, transactions }: FirestoreEngine, streams: StreamHandlers = {}): UntypedServiceImplementation {
  return { ...createReadRpcs(store, transactions), ...createWriteRpcs(store, transactions), ...streams };
}
