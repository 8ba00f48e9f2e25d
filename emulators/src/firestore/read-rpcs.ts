import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { microsToTimestamp } from './clock.ts';
import { compileDocumentMask, type DocumentMask } from './document-mask.ts';
import { InvalidArgumentError, NotFoundError } from './errors.ts';
import { explainMetrics, type ExplainOptions } from './explain.ts';
import { serverStreamHandler, unaryHandler } from './grpc-calls.ts';
import { listCollectionDocuments, listCollectionIds, paginate, type ListedDocument } from './listing.ts';
import { compileQuery, runAggregation } from './query/index.ts';
import { parseCollectionId, parseDatabaseName, parseDocumentName, parseParentName, requireSameDatabase, type ParentName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { ReadConsistency, TransactionManager } from './transactions.ts';
import type { Aggregation, StructuredQuery, Timestamp } from './types.ts';
import { compareResourceNames, compareUtf8Strings } from './values.ts';

type Consistent<T> = T & ReadConsistency;

/**
 * The reading RPCs. Each resolves its consistency selector (a snapshot read time, an existing
 * transaction, or a new one it begins and reports in its first response) through the
 * transaction manager, which takes the locks a read-write transaction needs.
 */
export function createReadRpcs(store: DocumentStore, transactions: TransactionManager): UntypedServiceImplementation {
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

    PartitionQuery: unaryHandler((request: { parent?: string; structuredQuery?: StructuredQuery; partitionCount?: string | number }) => {
      const parent = parseParentName(request.parent);
      if (parent.segments.length) throw new InvalidArgumentError('PartitionQuery only supports the database root as parent.');
      validatePartitionedQuery(request.structuredQuery);
      if (!(Number(request.partitionCount) > 0)) throw new InvalidArgumentError('partition_count must be positive.');
      compileQuery(parent.name, request.structuredQuery!);
      // The API may return fewer partitions than asked for; one partition (no split points) is
      // always a correct answer, and an in-memory scan gains nothing from splitting.
      return { partitions: [], nextPageToken: '' };
    }),

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

  };
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

/** Partitioning supports exactly one shape: a collection group scan in name order. */
function validatePartitionedQuery(query: StructuredQuery | undefined): void {
  if (!query) throw new InvalidArgumentError('PartitionQuery needs a structured_query.');
  if (query.from?.length !== 1 || !query.from[0]?.allDescendants) throw new InvalidArgumentError('PartitionQuery needs a collection group query.');
  const orderedByNameOnly = (query.orderBy ?? []).every((order, i) => i === 0 && order.field.fieldPath === '__name__' && order.direction !== 'DESCENDING');
  if (!orderedByNameOnly || query.where || query.limit || query.offset || query.startAt || query.endAt || query.select) {
    throw new InvalidArgumentError('PartitionQuery supports no filters, limits, offsets, cursors or projections, and only ascending __name__ order.');
  }
}
