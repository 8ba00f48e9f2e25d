/**
 * Transactions: why they work the way they do.
 *
 * Firestore serves server clients with PESSIMISTIC concurrency: a read inside a read-write
 * transaction locks the document, and a competing transaction waits instead of failing. The node
 * client relies on that: it retries ABORTED only a few times (5 attempts, with backoff), so an
 * optimistic engine where N concurrent read-modify-write transactions race and all but one
 * abort would exhaust those retries as soon as N is much above 5. With locks, N transactions
 * on one document simply queue (FIFO, so none starves) and all commit.
 *
 * - Locks are exclusive. Shared read locks would let two transactions read the same document and
 *   then deadlock upgrading to write it, which is exactly the common increment pattern.
 * - Non-transactional writes (batches, set, the Write stream) do not take locks: they must never
 *   hang behind a transaction a client forgot (or that is waiting on that very write). They
 *   change the document's version instead, and a transaction validates at commit that every
 *   document it read is still at the version it saw; if not it gets ABORTED and the client
 *   retries on fresh data. Locks make contention cheap; validation keeps it correct.
 * - Queries in a read-write transaction lock the documents they return and are re-run at commit:
 *   a document that entered or left the result (a phantom) aborts the transaction too.
 * - Blind writes lock at commit, so a transaction never clobbers a document another one is
 *   still working on.
 * - Nothing waits forever: a wait that would close a cycle is refused at once (ABORTED), other
 *   waits time out (ABORTED), and a transaction idle for too long (a crashed client) expires and
 *   frees its locks; the client's retry of an expired transaction is driven by the same
 *   "transaction has expired" INVALID_ARGUMENT the real service sends.
 * - Read-only transactions and reads outside transactions never lock: they read a snapshot at
 *   one time, which the multi-version store answers exactly.
 */
import { randomBytes } from 'node:crypto';
import { microsToTimestamp, timestampToMicros, type Micros } from './clock.ts';
import { commitWrites, type CommitResult } from './commit.ts';
import { AbortedError, FailedPreconditionError, InvalidArgumentError } from './errors.ts';
import { LockManager } from './lock-manager.ts';
import type { DatabaseName } from './resource-names.ts';
import { VERSION_RETENTION_MICROS, type DocumentStore } from './store.ts';
import type { StoredDocument, Timestamp } from './types.ts';
import { writeTarget, type Write } from './writes.ts';

/** google.firestore.v1.TransactionOptions as decoded. */
export interface TransactionOptions {
  readOnly?: { readTime?: Timestamp };
  readWrite?: { retryTransaction?: Buffer | Uint8Array };
}

/** The consistency selector shared by BatchGetDocuments, RunQuery, RunAggregationQuery and ListDocuments. */
export interface ReadConsistency {
  transaction?: Buffer | Uint8Array;
  newTransaction?: TransactionOptions;
  readTime?: Timestamp;
}

export interface TransactionSettings {
  /** How long a read or commit waits for another transaction's lock before ABORTED. */
  lockTimeoutMs: number;
  /** How long a transaction may go without a request before it expires and frees its locks. */
  idleTimeoutMs: number;
}

export const DEFAULT_TRANSACTION_SETTINGS: TransactionSettings = { lockTimeoutMs: 15_000, idleTimeoutMs: 30_000 };

/** How far ahead of the engine's clock a requested read time may be (clients' clocks drift). */
const MAX_FUTURE_READ_MICROS: Micros = 60_000_000;

interface TransactionBase {
  id: string;
  database: DatabaseName;
  idleTimer: NodeJS.Timeout;
}

interface ReadOnlyTransaction extends TransactionBase {
  mode: 'readOnly';
  readTime: Micros;
}

interface ReadWriteTransaction extends TransactionBase {
  mode: 'readWrite';
  /** Each document read, with its version when first read: commit requires it unchanged. */
  readVersions: Map<string, Micros>;
  /** Queries run, with the names they returned: commit re-runs them to catch phantoms. */
  queries: { rerun: () => StoredDocument[]; names: string[] }[];
}

type Transaction = ReadOnlyTransaction | ReadWriteTransaction;

/**
 * One read request's view of the data: it knows whether (and which) transaction it runs in,
 * takes the locks a read-write transaction needs, and says which read time to report.
 */
export interface ReadSession {
  /** Set when the request began a transaction; the first response must carry it. */
  readonly newTransaction: Buffer | undefined;
  getDocuments(names: readonly string[]): Promise<{ documents: (StoredDocument | undefined)[]; readTime: Micros }>;
  /**
   * Runs `query` over the documents visible to this read (it receives the snapshot time, or
   * undefined for the latest state) and returns its results.
   */
  runQuery(query: (at: Micros | undefined) => StoredDocument[]): Promise<{ documents: StoredDocument[]; readTime: Micros }>;
}

const EXPIRED_MESSAGE = 'The referenced transaction has expired or is no longer valid.';

export class TransactionManager {
  private readonly transactions = new Map<string, Transaction>();
  private readonly locks = new LockManager();

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: TransactionSettings = DEFAULT_TRANSACTION_SETTINGS,
  ) {}

  begin(database: DatabaseName, options: TransactionOptions = {}): Buffer {
    if (options.readOnly && options.readWrite) throw new InvalidArgumentError('A transaction cannot be both read-only and read-write.');
    const id = randomBytes(16);
    const key = id.toString('base64');
    if (options.readOnly) {
      const readTime = options.readOnly.readTime ? this.snapshotTime(options.readOnly.readTime) : this.store.clock.readTime();
      this.transactions.set(key, { id: key, database, idleTimer: this.startIdleTimer(key), mode: 'readOnly', readTime });
    } else {
      const retried = options.readWrite?.retryTransaction;
      // The retry replaces the failed attempt; its locks would only stand in the new attempt's way.
      if (retried?.length) this.end(Buffer.from(retried).toString('base64'), 'The transaction was retried.');
      this.transactions.set(key, { id: key, database, idleTimer: this.startIdleTimer(key), mode: 'readWrite', readVersions: new Map(), queries: [] });
    }
    return id;
  }

  /** Resolves a read request's consistency selector into a session for that one request. */
  openRead(database: DatabaseName, consistency: ReadConsistency, signal?: AbortSignal): ReadSession {
    const selectors = [consistency.transaction, consistency.newTransaction, consistency.readTime].filter((s) => s !== undefined);
    if (selectors.length > 1) throw new InvalidArgumentError('Only one of transaction, new_transaction and read_time may be set.');
    if (consistency.readTime) return this.snapshotSession(this.snapshotTime(consistency.readTime), undefined);
    const newTransaction = consistency.newTransaction ? this.begin(database, consistency.newTransaction) : undefined;
    const transactionId = newTransaction ?? consistency.transaction;
    if (!transactionId) return this.snapshotSession(undefined, undefined);
    const transaction = this.lookup(database, transactionId);
    const session =
      transaction.mode === 'readOnly' ? this.snapshotSession(transaction.readTime, newTransaction) : this.lockingSession(transaction, newTransaction, signal);
    return newTransaction ? this.endOnFailure(session, transaction) : session;
  }

  async commit(database: DatabaseName, transactionId: Buffer | Uint8Array, writes: readonly Write[]): Promise<CommitResult> {
    const transaction = this.lookup(database, transactionId);
    try {
      if (transaction.mode === 'readOnly') {
        if (writes.length) throw new InvalidArgumentError('Cannot modify entities in a read-only transaction.');
        return { commitTime: microsToTimestamp(this.store.clock.readTime()), writeResults: [] };
      }
      const names = writes.map((write) => writeTarget(write, database));
      await this.locks.acquire(transaction.id, names, { timeoutMs: this.settings.lockTimeoutMs });
      this.validate(transaction);
      return commitWrites(this.store, database, writes);
    } finally {
      this.end(transaction.id, 'The transaction committed.');
    }
  }

  rollback(database: DatabaseName, transactionId: Buffer | Uint8Array): void {
    this.end(this.lookup(database, transactionId).id, 'The transaction was rolled back.');
  }

  /** Ends every transaction, or those of one database (reset): their waits are aborted, their locks freed. */
  clear(database?: DatabaseName): void {
    for (const transaction of [...this.transactions.values()]) {
      if (database === undefined || transaction.database === database) this.end(transaction.id, 'The data was reset.');
    }
  }

  private lookup(database: DatabaseName, transactionId: Buffer | Uint8Array): Transaction {
    if (!transactionId.length) throw new InvalidArgumentError('Missing transaction id.');
    const transaction = this.transactions.get(Buffer.from(transactionId).toString('base64'));
    if (!transaction) throw new InvalidArgumentError(EXPIRED_MESSAGE);
    if (transaction.database !== database) throw new InvalidArgumentError(`The transaction belongs to ${transaction.database}, not ${database}.`);
    transaction.idleTimer.refresh();
    return transaction;
  }

  private end(id: string, reason: string): void {
    const transaction = this.transactions.get(id);
    if (!transaction) return;
    clearTimeout(transaction.idleTimer);
    this.transactions.delete(id);
    this.locks.releaseAll(id, reason);
  }

  private startIdleTimer(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.end(id, EXPIRED_MESSAGE), this.settings.idleTimeoutMs);
    timer.unref();
    return timer;
  }

  /**
   * A read time the store can answer exactly: not older than the versions it keeps, and not
   * beyond now unless by a little (then the clock moves up so later commits land after it).
   */
  private snapshotTime(readTime: Timestamp): Micros {
    const requested = timestampToMicros(readTime, 'read_time');
    const now = this.store.clock.readTime();
    if (requested < now - VERSION_RETENTION_MICROS) {
      throw new FailedPreconditionError('read_time is older than the one hour of versions Firestore keeps.');
    }
    if (requested > now + MAX_FUTURE_READ_MICROS) throw new InvalidArgumentError('read_time is in the future.');
    this.store.clock.advanceTo(requested);
    return requested;
  }

  private snapshotSession(at: Micros | undefined, newTransaction: Buffer | undefined): ReadSession {
    const readTime = (): Micros => at ?? this.store.clock.readTime();
    return {
      newTransaction,
      getDocuments: async (names) => {
        const time = readTime();
        return { documents: names.map((name) => this.store.get(name, time)), readTime: time };
      },
      runQuery: async (query) => {
        const time = readTime();
        return { documents: query(time), readTime: time };
      },
    };
  }

  /** Reads under locks see the latest data; what they saw is recorded for the commit's validation. */
  private lockingSession(transaction: ReadWriteTransaction, newTransaction: Buffer | undefined, signal?: AbortSignal): ReadSession {
    const lockAll = (names: Iterable<string>): Promise<void> =>
      this.withAbortOnFailure(transaction, () =>
        this.locks.acquire(transaction.id, names, { timeoutMs: this.settings.lockTimeoutMs, ...(signal ? { signal } : {}) }),
      );
    const record = (name: string): void => {
      if (!transaction.readVersions.has(name)) transaction.readVersions.set(name, this.store.lastChangeTime(name));
    };
    return {
      newTransaction,
      getDocuments: async (names) => {
        await lockAll(names);
        this.requireActive(transaction);
        names.forEach(record);
        return { documents: names.map((name) => this.store.get(name)), readTime: this.store.clock.readTime() };
      },
      runQuery: async (query) => {
        // Locking can wait, and the data may move meanwhile: re-run until every result is locked.
        let documents = query(undefined);
        for (let unlocked = this.unlocked(transaction, documents); unlocked.length; unlocked = this.unlocked(transaction, documents)) {
          await lockAll(unlocked);
          this.requireActive(transaction);
          documents = query(undefined);
        }
        documents.forEach((document) => record(document.name));
        transaction.queries.push({ rerun: () => query(undefined), names: documents.map((document) => document.name) });
        return { documents, readTime: this.store.clock.readTime() };
      },
    };
  }

  private unlocked(transaction: ReadWriteTransaction, documents: StoredDocument[]): string[] {
    return documents.map((document) => document.name).filter((name) => !this.locks.holds(transaction.id, name));
  }

  /** A lock wait that fails (timeout, deadlock, cancel) leaves the transaction unusable: end it so its locks free up now. */
  private async withAbortOnFailure(transaction: Transaction, wait: () => Promise<void>): Promise<void> {
    try {
      await wait();
    } catch (error) {
      this.end(transaction.id, 'The transaction was aborted.');
      throw error;
    }
  }

  /** A transaction begun by a read that then fails was never reported to the client, which therefore cannot end it. */
  private endOnFailure(session: ReadSession, transaction: Transaction): ReadSession {
    const guard = async <T>(read: () => Promise<T>): Promise<T> => {
      try {
        return await read();
      } catch (error) {
        this.end(transaction.id, 'The read that began the transaction failed.');
        throw error;
      }
    };
    return {
      newTransaction: session.newTransaction,
      getDocuments: (names) => guard(() => session.getDocuments(names)),
      runQuery: (query) => guard(() => session.runQuery(query)),
    };
  }

  /** The transaction may have expired or been rolled back while the request waited. */
  private requireActive(transaction: Transaction): void {
    if (this.transactions.get(transaction.id) !== transaction) throw new AbortedError(EXPIRED_MESSAGE);
  }

  private validate(transaction: ReadWriteTransaction): void {
    this.requireActive(transaction);
    for (const [name, version] of transaction.readVersions) {
      if (this.store.lastChangeTime(name) !== version) {
        throw new AbortedError(`Transaction aborted: ${name} changed after the transaction read it.`);
      }
    }
    for (const query of transaction.queries) {
      const names = query.rerun().map((document) => document.name);
      if (names.length !== query.names.length || names.some((name, i) => name !== query.names[i])) {
        throw new AbortedError('Transaction aborted: the results of a query it ran have changed.');
      }
    }
  }
}
