import { createRequire } from 'node:module';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { afterAll } from 'vitest';
import { firestoreEmulator } from './emulator.ts';

/**
 * A bare google.firestore.v1.Firestore gRPC client built from the protos the official client
 * ships. Tests use it where the SDKs cannot say what they mean: malformed requests, doubles
 * that happen to be whole numbers, and the exact value types the server returns.
 */

/** google.firestore.v1.Value as proto-loader decodes it with the options below. */
export interface Value {
  nullValue?: 'NULL_VALUE';
  booleanValue?: boolean;
  integerValue?: string;
  doubleValue?: number;
  timestampValue?: { seconds?: string; nanos?: number };
  stringValue?: string;
  bytesValue?: Buffer;
  referenceValue?: string;
  geoPointValue?: { latitude?: number; longitude?: number };
  arrayValue?: { values?: Value[] };
  mapValue?: { fields?: Record<string, Value> };
  valueType?: string;
}

export interface RawDocument {
  name: string;
  fields?: Record<string, Value>;
  createTime?: { seconds?: string; nanos?: number };
  updateTime?: { seconds?: string; nanos?: number };
}

/** Builders for wire values, so a test states the exact proto type it sends. */
export const wire = {
  null: (): Value => ({ nullValue: 'NULL_VALUE' }),
  bool: (booleanValue: boolean): Value => ({ booleanValue }),
  int: (value: number | bigint | string): Value => ({ integerValue: String(value) }),
  double: (doubleValue: number): Value => ({ doubleValue }),
  string: (stringValue: string): Value => ({ stringValue }),
  array: (...values: Value[]): Value => ({ arrayValue: { values } }),
  map: (fields: Record<string, Value>): Value => ({ mapValue: { fields } }),
};

const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  bytes: Buffer,
  defaults: false,
  oneofs: true,
};

type UnaryMethod = (
  request: object,
  metadata: grpc.Metadata,
  callback: (error: grpc.ServiceError | null, response: unknown) => void,
) => grpc.ClientUnaryCall;
type ServerStreamMethod = (request: object, metadata: grpc.Metadata) => grpc.ClientReadableStream<unknown>;
type ServiceClient = grpc.Client & Record<string, unknown>;
type ServiceConstructor = new (address: string, credentials: grpc.ChannelCredentials) => ServiceClient;

let serviceConstructor: ServiceConstructor | undefined;

function firestoreServiceConstructor(): ServiceConstructor {
  if (serviceConstructor) return serviceConstructor;
  // The package's exports map hides build/protos, so find it next to the resolved entry point.
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@google-cloud/firestore');
  const protosDir = path.resolve(path.dirname(entry), '..', 'protos');
  const definition = protoLoader.loadSync('google/firestore/v1/firestore.proto', {
    ...LOADER_OPTIONS,
    includeDirs: [protosDir],
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    google: { firestore: { v1: { Firestore?: ServiceConstructor } } };
  };
  serviceConstructor = loaded.google.firestore.v1.Firestore;
  if (!serviceConstructor) throw new Error('google.firestore.v1.Firestore not found in the shipped protos');
  return serviceConstructor;
}

export class RawFirestore {
  private readonly client: ServiceClient;

  constructor(readonly projectId: string) {
    const Service = firestoreServiceConstructor();
    this.client = new Service(firestoreEmulator().hostPort, grpc.credentials.createInsecure());
  }

  /** projects/{p}/databases/(default) */
  get database(): string {
    return `projects/${this.projectId}/databases/(default)`;
  }

  /** The full resource name of a document or collection path such as `users/alice`. */
  name(relativePath: string): string {
    return `${this.database}/documents/${relativePath}`;
  }

  unary<Response>(method: string, request: object): Promise<Response> {
    const call = this.method<UnaryMethod>(method);
    return new Promise((resolve, reject) => {
      call(request, this.metadata(), (error, response) => (error ? reject(error) : resolve(response as Response)));
    });
  }

  serverStream<Response>(method: string, request: object): Promise<Response[]> {
    const call = this.method<ServerStreamMethod>(method)(request, this.metadata());
    const responses: Response[] = [];
    return new Promise((resolve, reject) => {
      call.on('data', (response: Response) => responses.push(response));
      call.on('error', reject);
      call.on('end', () => resolve(responses));
    });
  }

  /** Commits writes outside any transaction. */
  commit(writes: object[]): Promise<{ writeResults?: { updateTime?: object; transformResults?: Value[] }[]; commitTime?: object }> {
    return this.unary('commit', { database: this.database, writes });
  }

  /** Writes a whole document with fields given as wire values. */
  async setDocument(relativePath: string, fields: Record<string, Value>): Promise<void> {
    await this.commit([{ update: { name: this.name(relativePath), fields } }]);
  }

  getDocument(relativePath: string): Promise<RawDocument> {
    return this.unary('getDocument', { name: this.name(relativePath) });
  }

  close(): void {
    this.client.close();
  }

  private method<M>(name: string): M {
    const method = this.client[name];
    if (typeof method !== 'function') throw new Error(`no RPC ${name} on google.firestore.v1.Firestore`);
    return method.bind(this.client) as M;
  }

  private metadata(): grpc.Metadata {
    const metadata = new grpc.Metadata();
    // What the admin SDKs send to an emulator: privileged access that bypasses security rules.
    metadata.set('authorization', 'Bearer owner');
    return metadata;
  }
}

/** A raw client for the project, closed after the file's tests. */
export function useRawFirestore(projectId: string): RawFirestore {
  const raw = new RawFirestore(projectId);
  afterAll(() => raw.close());
  return raw;
}
