import { randomUUID } from 'node:crypto';
import { bidiStreamHandler } from './bidi-stream.ts';
import { commitWrites, type CommitWrites } from './commit.ts';
import { InvalidArgumentError, NotFoundError } from './errors.ts';
import { parseDatabaseName, type DatabaseName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { Timestamp } from './types.ts';
import type { Write, WriteResult } from './writes.ts';

/** google.firestore.v1.WriteRequest as decoded. */
export interface WriteRequest {
  database?: string;
  streamId?: string;
  writes?: Write[];
  streamToken?: Uint8Array;
  labels?: Record<string, string>;
}

/** google.firestore.v1.WriteResponse. */
export interface WriteResponse {
  streamId?: string;
  streamToken: Buffer;
  writeResults?: WriteResult[];
  commitTime?: Timestamp;
}

/**
 * The Write RPC, which the web SDK sends every write through: a handshake (the database, no
 * writes) answered with a stream id and token, then one atomic commit per request, answered in
 * order. A failed commit ends the stream with its status, which is how the SDK learns which of
 * its pipelined batches was rejected: the oldest one not yet answered.
 */
export function createWriteHandler(store: DocumentStore, commit: CommitWrites = (database, writes) => commitWrites(store, database, writes)) {
  return bidiStreamHandler<WriteRequest, WriteResponse>((stream) => {
    const session = new WriteSession(commit);
    return { onRequest: (request) => stream.send(session.handle(request)) };
  });
}

class WriteSession {
  private database: DatabaseName | undefined;
  /** Tokens are response positions; the client may pipeline, so it may echo any not older than its last. */
  private issued = 0;
  private acknowledged = 0;

  constructor(private readonly commit: CommitWrites) {}

  handle(request: WriteRequest): WriteResponse {
    if (this.database === undefined) return this.handshake(request);
    this.acknowledge(request.streamToken);
    if (request.database && request.database !== this.database) {
      throw new InvalidArgumentError(`This stream writes to "${this.database}", not "${request.database}".`);
    }
    const { commitTime, writeResults } = this.commit(this.database, request.writes ?? []);
    return { streamToken: this.nextToken(), commitTime, writeResults };
  }

  private handshake(request: WriteRequest): WriteResponse {
    const database = parseDatabaseName(request.database);
    // Streams are not kept once they end, so there is never one to resume.
    if (request.streamId) throw new NotFoundError(`Write stream "${request.streamId}" does not exist.`);
    if (request.writes?.length) throw new InvalidArgumentError('The first request on a write stream must not contain writes.');
    this.database = database;
    return { streamId: randomUUID(), streamToken: this.nextToken() };
  }

  private acknowledge(token: Uint8Array | undefined): void {
    const position = token?.length === 4 ? Buffer.from(token).readUInt32BE(0) : undefined;
    if (position === undefined || position < this.acknowledged || position > this.issued) {
      throw new InvalidArgumentError('Invalid stream token: send the token of the latest response received.');
    }
    this.acknowledged = position;
  }

  private nextToken(): Buffer {
    const token = Buffer.alloc(4);
    token.writeUInt32BE(++this.issued, 0);
    return token;
  }
}
