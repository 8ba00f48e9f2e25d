import { randomBytes } from 'node:crypto';
import type { handleBidiStreamingCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { microsToTimestamp } from './clock.ts';
import { commitWrites, type CommitResult } from './commit.ts';
import { compileDocumentMask, type DocumentMask } from './document-mask.ts';
import { InvalidArgumentError, NotFoundError } from './errors.ts';
import { explainMetrics, type ExplainOptions } from './explain.ts';
import { serverStreamHandler, toServiceError, unaryHandler } from './grpc-calls.ts';
import { listCollectionDocuments, listCollectionIds, paginate, type ListedDocument } from './listing.ts';
import { compileQuery, runAggregation } from './query/index.ts';
import { parseCollectionId, parseDatabaseName, parseDocumentName, parseParentName, requireSameDatabase, type ParentName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { ReadConsistency, TransactionManager, TransactionOptions } from './transactions.ts';
import type { Aggregation, StoredDocument, StructuredQuery, Timestamp, Value } from './types.ts';
import { compareResourceNames, compareUtf8Strings } from './values.ts';
import type { Precondition, Write } from './writes.ts';

/** The bidirectional streams another part of the engine implements (listen.ts, write-stream.ts). */
export interface StreamHandlers {
  Listen?: handleBidiStreamingCall<unknown, unknown>;
  Write?: handleBidiStreamingCall<unknown, unknown>;
}

export interface FirestoreEngine {
  store: DocumentStore;
  transactions: TransactionManager;
}

type Consistent<T> = T & ReadConsistency;

const AUTO_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The google.firestore.v1.Firestore service: every unary and server-streaming RPC, plus the
 * bidirectional streams passed in. RPCs left out (PartitionQuery, ExecutePipeline, and the
 * streams until they exist) answer UNIMPLEMENTED, which grpc-js does for missing handlers.
 */
export function createFirestoreService({ store, transactions }: FirestoreEngine, streams: StreamHandlers = {}): UntypedServiceImplementation {
  const commit = (database: string, writes: readonly Write[], transaction?: Buffer): Promise<CommitResult> | CommitResult =>
    transaction?.length ? transactions.commit(database, transaction, writes) : commitWrites(store, database, writes);

  /** Which documents a parent's queries see: the database's documents below it, at a time. */
  const documentsUnder = (parent: ParentName) => (at: number | undefined) => store.documents(parent.database, at, `${parent.name}/`);

  return {
    GetDocument: unaryHandler(async (request: Consistent<{ name?: string; mask?: DocumentMask }>) => {
      const name = parseDocumentName(request.name);
      const mask = compileDocumentMask(request.mask);
      const session = transactions.openRead(name.database, consistencyOf(request));
      const { documents } = await session.getDocuments([name.name]);
      if (!documents[0]) throw new NotFoundError(`Document "${name.name}" not found.`);
      return mask(documents[0]);
    }),

    BatchGetDocuments: serverStreamHandler(async (request: Consistent<{ database?: string; documents?: string[]; mask?: DocumentMask }>, send, signal) => {
      const database = parseDatabaseName(request.database);
      const names = (request.documents ?? []).map((raw) => {
        const name = parseDocumentName(raw);
        requireSameDatabase(database, name);
        return name.name;
      });
      const mask = compileDocumentMask(request.mask);
      const session = transactions.openRead(database, consistencyOf(request), signal);
      const { documents, readTime } = await session.getDocuments(names);
      const responses = names.map((name, i) => {
        const document = documents[i];
        return document ? { found: mask(document) } : { missing: name };
      });
      streamWithTransaction(responses.length ? responses : [{}], microsToTimestamp(readTime), session.newTransaction, send);
    }),

    Commit: unaryHandler(async (request: { database?: string; writes?: Write[]; transaction?: Buffer }) =>
      commit(parseDatabaseName(request.database), request.writes ?? [], request.transaction),
    ),

    BeginTransaction: unaryHandler((request: { database?: string; options?: TransactionOptions }) => ({
      transaction: transactions.begin(parseDatabaseName(request.database), request.options),
    })),

    Rollback: unaryHandler((request: { database?: string; transaction?: Buffer }) => {
      transactions.rollback(parseDatabaseName(request.database), request.transaction ?? Buffer.alloc(0));
      return {};
    }),

    RunQuery: serverStreamHandler(
      async (request: Consistent<{ parent?: string; structuredQuery?: StructuredQuery; explainOptions?: ExplainOptions }>, send, signal) => {
        const parent = parseParentName(request.parent);
        if (!request.structuredQuery) throw new InvalidArgumentError('RunQuery needs a structured_query.');
        const query = compileQuery(parent.name, request.structuredQuery);
        // Explaining without analyze plans the query and runs nothing.
        if (request.explainOptions && !request.explainOptions.analyze) return send({ explainMetrics: explainMetrics() });
        const startedAt = performance.now();
        const documentsAt = documentsUnder(parent);
        const session = transactions.openRead(parent.database, consistencyOf(request), signal);
        const { documents, readTime } = await session.runQuery((at) => query.run(documentsAt(at)));
        const responses: object[] = documents.map((document) => ({ document }));
        if (request.explainOptions) responses.push({ explainMetrics: explainMetrics({ resultsReturned: documents.length, startedAt }) });
        streamWithTransaction(responses.length ? responses : [{}], microsToTimestamp(readTime), session.newTransaction, send);
      },
    ),

    RunAggregationQuery: serverStreamHandler(
      async (
        request: Consistent<{
          parent?: string;
          structuredAggregationQuery?: { structuredQuery?: StructuredQuery; aggregations?: Aggregation[] };
          explainOptions?: ExplainOptions;
        }>,
        send,
        signal,
      ) => {
        const parent = parseParentName(request.parent);
        const aggregationQuery = request.structuredAggregationQuery;
        if (!aggregationQuery?.structuredQuery) throw new InvalidArgumentError('RunAggregationQuery needs a structured_aggregation_query.');
        const query = compileQuery(parent.name, { ...aggregationQuery.structuredQuery, select: undefined });
        const aggregations = aggregationQuery.aggregations ?? [];
        // Aggregating nothing validates the aggregations before any lock is taken.
        runAggregation([], aggregations);
        if (request.explainOptions && !request.explainOptions.analyze) return send({ explainMetrics: explainMetrics() });
        const startedAt = performance.now();
        const documentsAt = documentsUnder(parent);
        const session = transactions.openRead(parent.database, consistencyOf(request), signal);
        const { documents, readTime } = await session.runQuery((at) => query.run(documentsAt(at)));
        const response: Record<string, unknown> = { result: { aggregateFields: runAggregation(documents, aggregations) } };
        if (request.explainOptions) response.explainMetrics = explainMetrics({ resultsReturned: 1, startedAt });
        streamWithTransaction([response], microsToTimestamp(readTime), session.newTransaction, send);
      },
    ),

    ListDocuments: unaryHandler(
      async (
        request: Consistent<{ parent?: string; collectionId?: string; pageSize?: number; pageToken?: string; orderBy?: string; mask?: DocumentMask; showMissing?: boolean }>,
      ) => {
        const parent = parseParentName(request.parent);
        const collectionId = parseCollectionId(request.collectionId);
        const descending = parseNameOrder(request.orderBy);
        const mask = compileDocumentMask(request.mask);
        const session = transactions.openRead(parent.database, consistencyOf(request));
        const prefix = `${parent.name}/${collectionId}/`;
        const { documents: all } = await session.runQuery((at) => store.documents(parent.database, at, prefix));
        const listed = listCollectionDocuments(all, prefix, request.showMissing ?? false);
        if (descending) listed.reverse();
        const compare = descending ? (a: string, b: string) => compareResourceNames(b, a) : compareResourceNames;
        const page = paginate(listed, (document) => document.name, compare, request.pageSize, request.pageToken);
        return {
          documents: page.items.map((document: ListedDocument) => ('fields' in document ? mask(document) : document)),
          nextPageToken: page.nextPageToken,
        };
      },
    ),

    ListCollectionIds: unaryHandler(async (request: { parent?: string; pageSize?: number; pageToken?: string; readTime?: Timestamp }) => {
      const parent = parseParentName(request.parent);
      const session = transactions.openRead(parent.database, request.readTime ? { readTime: request.readTime } : {});
      const { documents } = await session.runQuery(documentsUnder(parent));
      const ids = listCollectionIds(documents, `${parent.name}/`);
      const page = paginate(ids, (id) => id, compareUtf8Strings, request.pageSize, request.pageToken);
      return { collectionIds: page.items, nextPageToken: page.nextPageToken };
    }),

    BatchWrite: unaryHandler((request: { database?: string; writes?: Write[] }) => {
      const database = parseDatabaseName(request.database);
      const writes = request.writes ?? [];
      rejectDuplicateTargets(writes);
      const writeResults: CommitResult['writeResults'] = [];
      const statuses: { code: number; message?: string }[] = [];
      for (const write of writes) {
        try {
          writeResults.push(commitWrites(store, database, [write]).writeResults[0]!);
          statuses.push({ code: 0 });
        } catch (error) {
          const { code, details } = toServiceError(error);
          writeResults.push({});
          statuses.push({ code: code!, message: details! });
        }
      }
      return { writeResults, status: statuses };
    }),

    CreateDocument: unaryHandler(
      async (request: { parent?: string; collectionId?: string; documentId?: string; document?: { fields?: Record<string, Value> }; mask?: DocumentMask }) => {
        const parent = parseParentName(request.parent);
        const collectionId = parseCollectionId(request.collectionId);
        const name = parseDocumentName(`${parent.name}/${collectionId}/${request.documentId || autoId()}`).name;
        const write: Write = { update: { name, fields: request.document?.fields ?? {} }, currentDocument: { exists: false } };
        return writeAndRead(parent.database, name, write, request.mask);
      },
    ),

    UpdateDocument: unaryHandler(
      async (request: { document?: { name?: string; fields?: Record<string, Value> }; updateMask?: Write['updateMask']; mask?: DocumentMask; currentDocument?: Precondition }) => {
        if (!request.document) throw new InvalidArgumentError('UpdateDocument needs a document.');
        const name = parseDocumentName(request.document.name);
        const write: Write = { update: { name: name.name, fields: request.document.fields ?? {} } };
        if (request.updateMask) write.updateMask = request.updateMask;
        if (request.currentDocument) write.currentDocument = request.currentDocument;
        return writeAndRead(name.database, name.name, write, request.mask);
      },
    ),

    DeleteDocument: unaryHandler((request: { name?: string; currentDocument?: Precondition }) => {
      const name = parseDocumentName(request.name);
      const write: Write = { delete: name.name };
      if (request.currentDocument) write.currentDocument = request.currentDocument;
      commitWrites(store, name.database, [write]);
      return {};
    }),

    ...streams,
  };

  function writeAndRead(database: string, name: string, write: Write, mask: DocumentMask | undefined): StoredDocument {
    commitWrites(store, database, [write]);
    return compileDocumentMask(mask)(store.get(name)!);
  }
}

/** Picks the consistency selector fields, so a stray field elsewhere in the request cannot pose as one. */
function consistencyOf(request: ReadConsistency): ReadConsistency {
  const consistency: ReadConsistency = {};
  if (request.transaction?.length) consistency.transaction = request.transaction;
  if (request.newTransaction) consistency.newTransaction = request.newTransaction;
  if (request.readTime) consistency.readTime = request.readTime;
  return consistency;
}

/** Every response carries the read time; the first one also carries a transaction the request began. */
function streamWithTransaction(responses: object[], readTime: Timestamp, newTransaction: Buffer | undefined, send: (response: object) => void): void {
  responses.forEach((response, i) => send(i === 0 && newTransaction ? { ...response, transaction: newTransaction, readTime } : { ...response, readTime }));
}

function parseNameOrder(orderBy: string | undefined): boolean {
  const order = (orderBy ?? '').trim();
  if (order === '' || /^__name__( asc)?$/i.test(order)) return false;
  if (/^__name__ desc$/i.test(order)) return true;
  throw new InvalidArgumentError(`ListDocuments can only order by __name__, not "${order}".`);
}

function rejectDuplicateTargets(writes: readonly Write[]): void {
  const seen = new Set<string>();
  for (const write of writes) {
    const name = write.update?.name ?? write.delete ?? write.transform?.document;
    if (name === undefined) continue;
    if (seen.has(name)) throw new InvalidArgumentError(`BatchWrite does not allow more than one write to a document: ${name}.`);
    seen.add(name);
  }
}

/** 20 characters from 62, like the client SDKs' auto ids. */
function autoId(): string {
  return [...randomBytes(20)].map((byte) => AUTO_ID_ALPHABET[byte % AUTO_ID_ALPHABET.length]).join('');
}
