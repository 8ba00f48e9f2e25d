import { matchesFilter } from './filter.ts';
import { leastLoaded, remainingCapacity, type FlowControlLimits } from './flow-control.ts';
import type { PubSubError } from './errors.ts';
import { toWireMessage, type StoredMessage } from './messages.ts';
import type { ResourceName } from './names.ts';
import type { PushTokenRequest } from './oidc.ts';
import { pushRequest, type PushRequest } from './push-request.ts';
import { INITIAL_PUSH_WINDOW, narrowAfterFailure, widenAfterSuccess } from './push-window.ts';
import { subscriptionSettings, type SubscriptionSettings } from './subscription-config.ts';
import { SubscriptionBacklog, type BacklogEntry, type Lease } from './subscription-state.ts';
import type { ReceivedMessage, Subscription } from './wire.ts';

/** A StreamingPull stream as the subscription sees it; the gRPC adapter implements it. */
export interface StreamConsumer {
  /** Unique; the owner of the leases sent on this stream. */
  readonly id: string;
  /** Streams of one subscriber (same client id, else same connection) share flow control. */
  readonly group: string;
  readonly limits: FlowControlLimits;
  readonly ackDeadlineMs: number;
  /** False while the transport is buffering; the stream gets nothing until it drains. */
  ready(): boolean;
  deliver(messages: ReceivedMessage[]): void;
  close(error: PubSubError): void;
}

/** What a subscription needs from the rest of the engine and the outside world. */
export interface SubscriptionEnvironment {
  now(): number;
  newAckId(): string;
  forwardToDeadLetter(topic: string, entry: BacklogEntry, source: ResourceName): void;
  sendPush(request: PushRequest, timeoutMs: number, cancel: AbortSignal): Promise<boolean>;
  signPushToken(request: PushTokenRequest): Promise<string>;
  reportError(error: unknown): void;
}

interface PullWaiter {
  readonly maxMessages: number;
  resolve(messages: ReceivedMessage[]): void;
  reject(error: PubSubError): void;
}

const PULL_OWNER = 'pull';
const PUSH_OWNER = 'push';
// A push's lease outlives its HTTP timeout a little, so the request's outcome, not the lease
// timer, decides what happens to a push that hit the deadline.
const PUSH_LEASE_GRACE_MS = 1000;

/**
 * A live subscription: its resource, its backlog, and the consumers it delivers to (StreamingPull
 * streams, waiting Pull calls, or the push sender). Every change requests one coalesced dispatch,
 * which hands deliverable messages to consumers and arms the single timer for the next expiry.
 */
export class SubscriptionRuntime {
  private settingsValue: SubscriptionSettings;
  private readonly backlog: SubscriptionBacklog;
  private readonly streams = new Set<StreamConsumer>();
  private waiters: PullWaiter[] = [];
  private pushWindow = INITIAL_PUSH_WINDOW;
  private pushesInFlight = 0;
  private readonly stopPushes = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private dispatchRequested = false;
  private rotation = 0;
  private closed = false;

  constructor(
    readonly name: ResourceName,
    private resourceValue: Subscription,
    private readonly environment: SubscriptionEnvironment,
  ) {
    this.settingsValue = subscriptionSettings(resourceValue);
    this.backlog = new SubscriptionBacklog(this.backlogPolicy(), environment.newAckId);
  }

  get resource(): Subscription {
    return this.resourceValue;
  }

  get settings(): SubscriptionSettings {
    return this.settingsValue;
  }

  update(resource: Subscription): void {
    this.resourceValue = resource;
    this.settingsValue = subscriptionSettings(resource);
    this.backlog.policy = this.backlogPolicy();
    this.requestDispatch();
  }

  /** A message was published to the topic; one the filter rejects counts as acked at once. */
  offer(message: StoredMessage): void {
    if (!matchesFilter(this.settingsValue.filter, message.attributes)) return;
    this.backlog.add(message, this.environment.now());
    this.requestDispatch();
  }

  pull(maxMessages: number): ReceivedMessage[] {
    const leases = this.backlog.take(this.environment.now(), { maxMessages, maxBytes: Infinity }, () => ({
      owner: PULL_OWNER,
      ackDeadlineMs: this.settingsValue.ackDeadlineMs,
    }));
    if (leases.length > 0) this.requestDispatch();
    return leases.map((lease) => this.received(lease));
  }

  /** Waits for at least one message; `cancel` ends the wait with nothing. */
  waitForMessages(maxMessages: number, cancel: AbortSignal): Promise<ReceivedMessage[]> {
    return new Promise((resolve, reject) => {
      const waiter: PullWaiter = {
        maxMessages,
        resolve: (messages) => {
          cancel.removeEventListener('abort', onAbort);
          resolve(messages);
        },
        reject,
      };
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve([]);
      };
      cancel.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.requestDispatch();
    });
  }

  acknowledge(ackIds: readonly string[]): void {
    this.backlog.acknowledge(ackIds);
    this.requestDispatch();
  }

  modifyAckDeadline(ackIds: readonly string[], seconds: number): void {
    this.deadLetter(this.backlog.modifyAckDeadline(ackIds, seconds, this.environment.now()));
    this.requestDispatch();
  }

  attach(stream: StreamConsumer): void {
    this.streams.add(stream);
    this.requestDispatch();
  }

  /** The stream ended: what it held is available to other consumers at once. */
  detach(stream: StreamConsumer): void {
    if (!this.streams.delete(stream)) return;
    this.backlog.releaseOwner(stream.id, this.environment.now());
    this.requestDispatch();
  }

  requestDispatch(): void {
    if (this.dispatchRequested || this.closed) return;
    this.dispatchRequested = true;
    queueMicrotask(() => {
      this.dispatchRequested = false;
      this.dispatch();
    });
  }

  /** Deleted or reset: consumers get `error`, in-flight pushes are abandoned, timers cleared. */
  close(error: PubSubError): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.stopPushes.abort();
    for (const stream of this.streams) stream.close(error);
    this.streams.clear();
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters = [];
    this.backlog.clear();
  }

  private backlogPolicy(): SubscriptionBacklog['policy'] {
    const settings = this.settingsValue;
    return {
      ordered: settings.ordered,
      ...(settings.deadLetter ? { maxDeliveryAttempts: settings.deadLetter.maxDeliveryAttempts } : {}),
      redelivery: { push: settings.push !== undefined, ...(settings.retry ? { retry: settings.retry } : {}) },
    };
  }

  private dispatch(): void {
    if (this.closed) return;
    try {
      const now = this.environment.now();
      this.deadLetter(this.backlog.expire(now));
      this.serveWaiters(now);
      this.serveStreams(now);
      this.servePush(now);
      this.armTimer(now);
    } catch (error) {
      this.environment.reportError(error);
    }
  }

  private serveWaiters(now: number): void {
    while (this.waiters.length > 0) {
      const waiter = this.waiters[0]!;
      const leases = this.backlog.take(now, { maxMessages: waiter.maxMessages, maxBytes: Infinity }, () => ({
        owner: PULL_OWNER,
        ackDeadlineMs: this.settingsValue.ackDeadlineMs,
      }));
      if (leases.length === 0) return;
      this.waiters.shift();
      waiter.resolve(leases.map((lease) => this.received(lease)));
    }
  }

  private serveStreams(now: number): void {
    const groups = new Map<string, StreamConsumer[]>();
    for (const stream of this.streams) {
      const group = groups.get(stream.group);
      if (group) group.push(stream);
      else groups.set(stream.group, [stream]);
    }
    // Rotating where ties start spreads single messages over equally loaded streams.
    this.rotation += 1;
    for (const members of groups.values()) {
      const loads = members.map((stream) => this.backlog.outstanding(stream.id));
      const capacity = remainingCapacity(
        members.map((stream, i) => ({
          limits: stream.limits,
          outstandingMessages: loads[i]!.messages,
          outstandingBytes: loads[i]!.bytes,
        })),
      );
      const ready = members
        .map((stream, i) => ({ stream, load: loads[i]!.messages }))
        .filter(({ stream }) => stream.ready());
      if (ready.length === 0) continue;
      const shift = this.rotation % ready.length;
      const candidates = [...ready.slice(shift), ...ready.slice(0, shift)];
      const counts = candidates.map(({ load }) => load);
      const batches = new Map<StreamConsumer, ReceivedMessage[]>();
      const leases = this.backlog.take(now, capacity, () => {
        const index = leastLoaded(counts);
        counts[index]! += 1;
        const { stream } = candidates[index]!;
        return { owner: stream.id, ackDeadlineMs: stream.ackDeadlineMs };
      });
      for (const lease of leases) {
        const stream = candidates.find((candidate) => candidate.stream.id === lease.owner)!.stream;
        const batch = batches.get(stream);
        if (batch) batch.push(this.received(lease));
        else batches.set(stream, [this.received(lease)]);
      }
      for (const [stream, messages] of batches) stream.deliver(messages);
    }
  }

  private servePush(now: number): void {
    const push = this.settingsValue.push;
    if (!push) return;
    while (this.pushesInFlight < this.pushWindow.limit) {
      const [lease] = this.backlog.take(now, { maxMessages: 1, maxBytes: Infinity }, () => ({
        owner: PUSH_OWNER,
        ackDeadlineMs: this.settingsValue.ackDeadlineMs + PUSH_LEASE_GRACE_MS,
      }));
      if (!lease) return;
      this.pushesInFlight += 1;
      void this.push(lease);
    }
  }

  private async push(lease: Lease): Promise<void> {
    const push = this.settingsValue.push!;
    let acked = false;
    try {
      const request = pushRequest(push, this.name.name, lease.entry.message, this.deliveryAttempt(lease.entry));
      if (push.oidc) {
        const token = await this.environment.signPushToken({
          serviceAccountEmail: push.oidc.serviceAccountEmail,
          audience: push.oidc.audience || push.endpoint,
        });
        request.headers.authorization = `Bearer ${token}`;
      }
      acked = await this.environment.sendPush(request, this.settingsValue.ackDeadlineMs, this.stopPushes.signal);
    } catch (error) {
      this.environment.reportError(error);
    } finally {
      this.pushesInFlight -= 1;
    }
    if (this.closed) return;
    if (acked) {
      this.backlog.acknowledge([lease.ackId]);
      this.pushWindow = widenAfterSuccess(this.pushWindow);
    } else {
      this.deadLetter(this.backlog.fail(lease.ackId, this.environment.now()));
      this.pushWindow = narrowAfterFailure(this.pushWindow);
    }
    this.requestDispatch();
  }

  private armTimer(now: number): void {
    const at = this.backlog.nextWakeAt(now);
    if (at === undefined || (this.timer && this.timerAt <= at)) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.dispatch();
    }, Math.max(0, at - now));
    // Redelivery timers must never keep a process alive on their own.
    this.timer.unref();
  }

  private deadLetter(entries: readonly BacklogEntry[]): void {
    const policy = this.settingsValue.deadLetter;
    if (!policy) return;
    for (const entry of entries) this.environment.forwardToDeadLetter(policy.topic, entry, this.name);
  }

  private deliveryAttempt(entry: BacklogEntry): number | undefined {
    return this.settingsValue.deadLetter ? entry.failures + 1 : undefined;
  }

  private received(lease: Lease): ReceivedMessage {
    const attempt = this.deliveryAttempt(lease.entry);
    return {
      ackId: lease.ackId,
      message: toWireMessage(lease.entry.message),
      ...(attempt !== undefined ? { deliveryAttempt: attempt } : {}),
    };
  }
}
