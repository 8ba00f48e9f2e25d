import { redeliveryDelayMs, type RedeliveryPolicy, type ReleaseReason } from './backoff.ts';
import type { StoredMessage } from './messages.ts';
import { deliverable } from './ordering.ts';

/**
 * One subscription's messages and leases, with no I/O and no timers: the caller passes the clock
 * and decides when to call `expire`. A message is either in the backlog (waiting, possibly until
 * `availableAt`) or leased to one owner (a stream, the unary Pull or the push sender) until it is
 * acked, nacked, its deadline passes or its owner goes away.
 */
export interface BacklogEntry {
  readonly message: StoredMessage;
  readonly orderingKey: string;
  /** Publish order within this subscription; redelivered messages keep their place. */
  readonly sequence: number;
  /** Nacks, expired deadlines and failed pushes so far; the next delivery attempt is failures + 1. */
  failures: number;
  availableAt: number;
}

export interface Lease {
  readonly ackId: string;
  readonly entry: BacklogEntry;
  readonly owner: string;
  deadline: number;
}

export interface BacklogPolicy {
  readonly ordered: boolean;
  /** Set when the subscription has a dead-letter policy. */
  readonly maxDeliveryAttempts?: number;
  readonly redelivery: RedeliveryPolicy;
}

export interface TakeLimits {
  readonly maxMessages: number;
  /** Stop before going over, except that the first message always goes (else a big one would stall). */
  readonly maxBytes: number;
}

export interface LeaseTarget {
  readonly owner: string;
  readonly ackDeadlineMs: number;
}

export interface Outstanding {
  messages: number;
  bytes: number;
}

const messageBytes = (entry: BacklogEntry): number => entry.message.data.length;

export class SubscriptionBacklog {
  private backlog: BacklogEntry[] = [];
  private readonly leases = new Map<string, Lease>();
  private readonly leasesByOwner = new Map<string, Set<Lease>>();
  // Leases of each ordering key (ordered subscriptions only); a key is in flight while it has any.
  private readonly leasesByKey = new Map<string, Set<Lease>>();
  // Backlog entries waiting for a future time, so the next wake-up is found without a full scan.
  private readonly delayed = new Set<BacklogEntry>();
  private nextSequence = 0;

  constructor(
    public policy: BacklogPolicy,
    private readonly newAckId: () => string,
  ) {}

  add(message: StoredMessage, now: number): void {
    this.backlog.push({
      message,
      orderingKey: message.orderingKey,
      sequence: this.nextSequence++,
      failures: 0,
      availableAt: now,
    });
  }

  /**
   * Leases deliverable messages, asking `assign` who gets each one. The messages of one ordering
   * key taken together go to the same owner, so they arrive in one batch, in order.
   */
  take(now: number, limits: TakeLimits, assign: (entry: BacklogEntry) => LeaseTarget): Lease[] {
    if (limits.maxMessages <= 0 || limits.maxBytes <= 0) return [];
    const taken = new Set<BacklogEntry>();
    const leases: Lease[] = [];
    const busyKeys = new Set(this.leasesByKey.keys());
    const targetOfKey = new Map<string, LeaseTarget>();
    let bytes = 0;
    for (const entry of deliverable(this.backlog, now, this.policy.ordered, (key) => busyKeys.has(key))) {
      if (taken.size >= limits.maxMessages) break;
      if (taken.size > 0 && bytes + messageBytes(entry) > limits.maxBytes) break;
      taken.add(entry);
      bytes += messageBytes(entry);
      const gated = this.gated(entry);
      const target = (gated && targetOfKey.get(entry.orderingKey)) || assign(entry);
      if (gated) targetOfKey.set(entry.orderingKey, target);
      leases.push(this.lease(entry, target.owner, now + target.ackDeadlineMs));
    }
    if (taken.size > 0) this.backlog = this.backlog.filter((entry) => !taken.has(entry));
    return leases;
  }

  /** Removes acked messages; unknown or stale ack ids are ignored, as the real service does. */
  acknowledge(ackIds: Iterable<string>): void {
    for (const ackId of ackIds) {
      const lease = this.leases.get(ackId);
      if (lease) this.endLease(lease);
    }
  }

  /** Extends leases; 0 seconds is a nack. Returns the entries whose delivery attempts ran out. */
  modifyAckDeadline(ackIds: Iterable<string>, seconds: number, now: number): BacklogEntry[] {
    const exhausted: BacklogEntry[] = [];
    for (const ackId of ackIds) {
      const lease = this.leases.get(ackId);
      if (!lease) continue;
      if (seconds === 0) this.release(lease, 'nack', now, exhausted);
      else lease.deadline = now + seconds * 1000;
    }
    return exhausted;
  }

  /** A push attempt failed: the message waits out its backoff, or is exhausted. */
  fail(ackId: string, now: number): BacklogEntry[] {
    const exhausted: BacklogEntry[] = [];
    const lease = this.leases.get(ackId);
    if (lease) this.release(lease, 'pushFailed', now, exhausted);
    return exhausted;
  }

  expire(now: number): BacklogEntry[] {
    const exhausted: BacklogEntry[] = [];
    for (const lease of [...this.leases.values()]) {
      // An earlier expiry may already have sent this one back with its ordering key.
      if (lease.deadline <= now && this.leases.has(lease.ackId)) this.release(lease, 'expired', now, exhausted);
    }
    return exhausted;
  }

  /** The owner went away without refusing anything: its messages are available again at once. */
  releaseOwner(owner: string, now: number): void {
    for (const lease of [...(this.leasesByOwner.get(owner) ?? [])]) {
      if (this.leases.has(lease.ackId)) this.release(lease, 'subscriberGone', now, []);
    }
  }

  outstanding(owner: string): Outstanding {
    const result = { messages: 0, bytes: 0 };
    for (const lease of this.leasesByOwner.get(owner) ?? []) {
      result.messages += 1;
      result.bytes += messageBytes(lease.entry);
    }
    return result;
  }

  /** The earliest future moment a lease expires or a waiting message becomes available. */
  nextWakeAt(now: number): number | undefined {
    let next: number | undefined;
    for (const lease of this.leases.values()) next = Math.min(next ?? Infinity, lease.deadline);
    for (const entry of this.delayed) {
      if (entry.availableAt <= now) this.delayed.delete(entry);
      else next = Math.min(next ?? Infinity, entry.availableAt);
    }
    return next;
  }

  clear(): void {
    this.backlog = [];
    this.leases.clear();
    this.leasesByOwner.clear();
    this.leasesByKey.clear();
    this.delayed.clear();
  }

  private lease(entry: BacklogEntry, owner: string, deadline: number): Lease {
    const lease: Lease = { ackId: this.newAckId(), entry, owner, deadline };
    this.leases.set(lease.ackId, lease);
    let owned = this.leasesByOwner.get(owner);
    if (!owned) this.leasesByOwner.set(owner, (owned = new Set()));
    owned.add(lease);
    this.delayed.delete(entry);
    if (this.gated(entry)) {
      let sameKey = this.leasesByKey.get(entry.orderingKey);
      if (!sameKey) this.leasesByKey.set(entry.orderingKey, (sameKey = new Set()));
      sameKey.add(lease);
    }
    return lease;
  }

  private endLease(lease: Lease): void {
    this.leases.delete(lease.ackId);
    const owned = this.leasesByOwner.get(lease.owner);
    owned?.delete(lease);
    if (owned?.size === 0) this.leasesByOwner.delete(lease.owner);
    const sameKey = this.leasesByKey.get(lease.entry.orderingKey);
    sameKey?.delete(lease);
    if (sameKey?.size === 0) this.leasesByKey.delete(lease.entry.orderingKey);
  }

  private release(lease: Lease, reason: ReleaseReason, now: number, exhausted: BacklogEntry[]): void {
    this.endLease(lease);
    const { entry } = lease;
    const counted = reason !== 'subscriberGone' && reason !== 'behindRedelivery';
    if (counted) entry.failures += 1;
    const max = this.policy.maxDeliveryAttempts;
    if (counted && max !== undefined && entry.failures >= max) {
      exhausted.push(entry);
      return;
    }
    entry.availableAt = now + redeliveryDelayMs(this.policy.redelivery, reason, entry.failures);
    if (entry.availableAt > now) this.delayed.add(entry);
    this.insertInPublishOrder(entry);
    // Later messages of its key were delivered on the assumption this one would be acked first;
    // they come again after it, as the real service redelivers them.
    for (const later of [...(this.leasesByKey.get(entry.orderingKey) ?? [])]) {
      if (later.entry.sequence > entry.sequence) this.release(later, 'behindRedelivery', now, exhausted);
    }
  }

  private insertInPublishOrder(entry: BacklogEntry): void {
    let low = 0;
    let high = this.backlog.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.backlog[middle]!.sequence < entry.sequence) low = middle + 1;
      else high = middle;
    }
    this.backlog.splice(low, 0, entry);
  }

  private gated(entry: BacklogEntry): boolean {
    return this.policy.ordered && entry.orderingKey !== '';
  }
}
