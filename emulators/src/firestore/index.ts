import { Server as GrpcServer } from '@grpc/grpc-js';
import type { RunningService, ServiceOptions } from '../service.ts';
import { commitWrites, type CommitWrites } from './commit.ts';
import { exportDataFile, importDataFile } from './data-file.ts';
import { createAdminHttpHandler } from './http-admin.ts';
import { createListenHandler } from './listen.ts';
import { loadFirestoreService } from './proto.ts';
import { listenOnSharedPort } from '../shared-port.ts';
import { createFirestoreService } from './service.ts';
import { DocumentStore } from './store.ts';
import { DEFAULT_TRANSACTION_SETTINGS, TransactionManager, type TransactionSettings } from './transactions.ts';
import { createWriteHandler } from './write-stream.ts';

export type { CommitEvent, CommitListener, DocumentChange } from './store.ts';
export { DocumentStore } from './store.ts';
export type { CommitResult, CommitWrites } from './commit.ts';

export interface FirestoreEmulatorOptions extends ServiceOptions {
  /** An export (see data-file.ts) to load before serving. */
  dataFile?: string;
  /** Lock-wait and idle-expiry timeouts of read-write transactions. */
  transactions?: Partial<TransactionSettings>;
}

export interface FirestoreEmulator extends RunningService {
  /** Every document and the change feed, for the Listen and Write streams and for tests. */
  readonly store: DocumentStore;
  /** Non-transactional atomic commit, as the Commit RPC does it. */
  readonly commit: CommitWrites;
  /** Writes all data to one JSON file. */
  exportData(file: string): Promise<void>;
  /** Replaces all data with the contents of an export. */
  importData(file: string): Promise<void>;
}

/** Firestore's API request size limit; grpc-js would otherwise refuse anything over 4 MiB. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** Starts the Firestore engine: gRPC and the emulator's HTTP endpoints on one port. */
export async function startFirestoreEmulator(options: FirestoreEmulatorOptions = {}): Promise<FirestoreEmulator> {
  const store = new DocumentStore();
  const transactions = new TransactionManager(store, { ...DEFAULT_TRANSACTION_SETTINGS, ...options.transactions });
  if (options.dataFile) await importDataFile(store, options.dataFile);

  const commit: CommitWrites = (database, writes) => commitWrites(store, database, writes);
  const grpc = new GrpcServer({ 'grpc.max_receive_message_length': MAX_REQUEST_BYTES });
  grpc.addService(
    loadFirestoreService(),
    createFirestoreService({ store, transactions }, { Listen: createListenHandler(store), Write: createWriteHandler(store, commit) }),
  );
  const server = await listenOnSharedPort({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    grpc,
    http: createAdminHttpHandler((database) => {
      transactions.clear(database);
      store.clear(database);
    }),
  });
  const host = `${hostForUrl(server.host)}:${server.port}`;

  return {
    port: server.port,
    host,
    env: { FIRESTORE_EMULATOR_HOST: host },
    store,
    commit,
    exportData: (file) => exportDataFile(store, file),
    importData: async (file) => {
      transactions.clear();
      await importDataFile(store, file);
    },
    reset: async () => {
      transactions.clear();
      store.clear();
    },
    stop: async () => {
      transactions.clear();
      await server.close();
    },
  };
}

/** IPv6 literals need brackets in host:port. */
function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
