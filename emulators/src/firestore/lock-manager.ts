import { AbortedError } from './errors.ts';

/** Who holds or waits for locks: a read-write transaction, by its id. */
export type LockOwner = string;

interface Waiter {
  owner: LockOwner;
  granted: Promise<void>;
  grant: () => void;
  abort: (error: AbortedError) => void;
}

interface Lock {
  holder: LockOwner;
  /** First come, first served: nobody starves while others keep arriving. */
  queue: Waiter[];
}

export interface LockRequest {
  /** How long to wait for each lock before giving up with ABORTED. */
  timeoutMs: number;
  /** Cancels the wait (the client went away); the locks granted so far stay held. */
  signal?: AbortSignal;
}

/**
 * Exclusive, re-entrant locks on document names with FIFO wait queues. A wait that would close a
 * cycle of owners waiting on each other is refused at once with ABORTED (the requester is the one
 * sacrificed, which keeps the rule local and the older work intact); every other wait is bounded
 * by a timeout, which also turns undetectable stalls into a retryable ABORTED.
 */
export class LockManager {
  private readonly locks = new Map<string, Lock>();
  private readonly held = new Map<LockOwner, Set<string>>();
  private readonly waiting = new Map<LockOwner, Set<string>>();

  /** Takes the locks one after another in a fixed (sorted) order, so two batches never deadlock each other. */
  async acquire(owner: LockOwner, names: Iterable<string>, request: LockRequest): Promise<void> {
    for (const name of [...new Set(names)].sort()) {
      await this.acquireOne(owner, name, request);
    }
  }

  holds(owner: LockOwner, name: string): boolean {
    return this.held.get(owner)?.has(name) ?? false;
  }

  /** Frees the owner's locks (handing each to its next waiter) and aborts the owner's own waits. */
  releaseAll(owner: LockOwner, reason = 'The transaction ended.'): void {
    for (const name of this.waiting.get(owner) ?? []) {
      const lock = this.locks.get(name);
      for (const waiter of lock?.queue.filter((w) => w.owner === owner) ?? []) waiter.abort(new AbortedError(reason));
    }
    for (const name of this.held.get(owner) ?? []) this.handOver(name);
    this.held.delete(owner);
  }

  private acquireOne(owner: LockOwner, name: string, { timeoutMs, signal }: LockRequest): Promise<void> {
    const lock = this.locks.get(name);
    if (!lock) {
      this.locks.set(name, { holder: owner, queue: [] });
      this.markHeld(owner, name);
      return Promise.resolve();
    }
    if (lock.holder === owner) return Promise.resolve();
    // Two reads of one transaction may race for the same document; the second rides on the first wait.
    const ownWait = lock.queue.find((w) => w.owner === owner);
    if (ownWait) return ownWait.granted;
    if (signal?.aborted) return Promise.reject(new AbortedError('The request was cancelled.'));
    if (this.wouldDeadlock(owner, lock)) {
      return Promise.reject(new AbortedError('Transaction aborted: it would deadlock with another transaction on the same documents.'));
    }
    let resolve!: () => void;
    let reject!: (error: AbortedError) => void;
    const granted = new Promise<void>((onGranted, onAborted) => {
      resolve = onGranted;
      reject = onAborted;
    });
    const settle = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
      lock.queue.splice(lock.queue.indexOf(waiter), 1);
      this.waiting.get(owner)?.delete(name);
    };
    const waiter: Waiter = {
      owner,
      granted,
      grant: () => {
        settle();
        lock.holder = owner;
        this.markHeld(owner, name);
        resolve();
      },
      abort: (error) => {
        settle();
        reject(error);
      },
    };
    const onCancel = (): void => waiter.abort(new AbortedError('The request was cancelled.'));
    const timer = setTimeout(
      () => waiter.abort(new AbortedError('Transaction lock timeout: aborted due to contention on the same documents.')),
      timeoutMs,
    );
    timer.unref();
    signal?.addEventListener('abort', onCancel, { once: true });
    lock.queue.push(waiter);
    let names = this.waiting.get(owner);
    if (!names) this.waiting.set(owner, (names = new Set()));
    names.add(name);
    return granted;
  }

  private markHeld(owner: LockOwner, name: string): void {
    let names = this.held.get(owner);
    if (!names) this.held.set(owner, (names = new Set()));
    names.add(name);
  }

  private handOver(name: string): void {
    const lock = this.locks.get(name);
    if (!lock) return;
    const next = lock.queue[0];
    if (next) next.grant();
    else this.locks.delete(name);
  }

  /**
   * In a FIFO queue a waiter waits for the holder AND for everyone queued ahead of it; following
   * those edges from the lock's side back to `owner` means the new wait would never end.
   */
  private wouldDeadlock(owner: LockOwner, lock: Lock): boolean {
    const pending = [lock.holder, ...lock.queue.map((w) => w.owner)];
    const seen = new Set<LockOwner>();
    while (pending.length) {
      const current = pending.pop()!;
      if (current === owner) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const name of this.waiting.get(current) ?? []) pending.push(...this.blockersOf(current, name));
    }
    return false;
  }

  private blockersOf(waiterOwner: LockOwner, name: string): LockOwner[] {
    const lock = this.locks.get(name);
    if (!lock) return [];
    const position = lock.queue.findIndex((w) => w.owner === waiterOwner);
    return [lock.holder, ...lock.queue.slice(0, position).map((w) => w.owner)];
  }
}
