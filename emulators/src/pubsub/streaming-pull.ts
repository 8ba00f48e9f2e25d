import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { PubSubEngine } from './engine.ts';
import { invalidArgument, type PubSubError } from './errors.ts';
import type { FlowControlLimits } from './flow-control.ts';
import { toGrpcStatus } from './grpc-status.ts';
import { checkAckDeadlineSeconds, checkAckIds, checkLeaseSeconds } from './subscription-config.ts';
import type { StreamConsumer, SubscriptionRuntime } from './subscription.ts';
import type { ReceivedMessage, StreamingPullRequest, StreamingPullResponse } from './wire.ts';

type StreamingPullCall = ServerDuplexStream<StreamingPullRequest, StreamingPullResponse>;

let lastStreamId = 0;

/** Acks and deadline changes may ride on any request of the stream, as in the real service. */
function applyAcks(subscription: SubscriptionRuntime, request: StreamingPullRequest): void {
  const ackIds = checkAckIds(request.ackIds, false);
  const modifyIds = checkAckIds(request.modifyDeadlineAckIds, false);
  const modifySeconds = request.modifyDeadlineSeconds ?? [];
  if (modifyIds.length !== modifySeconds.length) {
    throw invalidArgument('modify_deadline_seconds and modify_deadline_ack_ids must have the same length.');
  }
  if (ackIds.length > 0) subscription.acknowledge(ackIds);
  const bySeconds = new Map<number, string[]>();
  modifyIds.forEach((ackId, i) => {
    const seconds = checkAckDeadlineSeconds(modifySeconds[i]!, 'modify_deadline_seconds');
    bySeconds.set(seconds, [...(bySeconds.get(seconds) ?? []), ackId]);
  });
  for (const [seconds, ids] of bySeconds) subscription.modifyAckDeadline(ids, seconds);
}

class StreamingPullConsumer implements StreamConsumer {
  readonly id = `stream-${++lastStreamId}`;
  ackDeadlineMs: number;
  private endedValue = false;

  constructor(
    readonly group: string,
    readonly limits: FlowControlLimits,
    ackDeadlineSeconds: number,
    private readonly call: StreamingPullCall,
    readonly subscription: SubscriptionRuntime,
    private readonly reportError: (error: unknown) => void,
  ) {
    this.ackDeadlineMs = ackDeadlineSeconds * 1000;
  }

  get ended(): boolean {
    return this.endedValue;
  }

  ready(): boolean {
    return !this.endedValue && !this.call.writableNeedDrain;
  }

  deliver(messages: ReceivedMessage[]): void {
    const { settings } = this.subscription;
    const flushed = this.call.write({
      receivedMessages: messages,
      subscriptionProperties: {
        exactlyOnceDeliveryEnabled: settings.exactlyOnce,
        messageOrderingEnabled: settings.ordered,
      },
    });
    if (!flushed) this.call.once('drain', () => this.subscription.requestDispatch());
  }

  close(error: PubSubError): void {
    this.end();
    this.call.emit('error', toGrpcStatus(error, this.reportError));
  }

  /** Idempotent: the stream may end from either side, or both at once. */
  end(): void {
    if (this.endedValue) return;
    this.endedValue = true;
    this.subscription.detach(this);
  }
}

/**
 * Serves one StreamingPull call: the first request names the subscription and the subscriber's
 * flow control; later ones carry acks, deadline changes and keep-alives. When the stream ends its
 * unacked messages go back to the subscription at once.
 */
export function serveStreamingPull(
  engine: PubSubEngine,
  call: StreamingPullCall,
  reportError: (error: unknown) => void,
): void {
  let consumer: StreamingPullConsumer | undefined;
  let failed = false;

  const fail = (error: unknown): void => {
    if (failed) return;
    failed = true;
    consumer?.end();
    call.emit('error', toGrpcStatus(error, reportError));
  };

  const open = (request: StreamingPullRequest): StreamingPullConsumer => {
    const subscription = engine.subscription(request.subscription);
    const ackDeadlineSeconds = checkLeaseSeconds(request.streamAckDeadlineSeconds ?? 0, 'stream_ack_deadline_seconds');
    const maxMessages = Number(request.maxOutstandingMessages ?? 0);
    const maxBytes = Number(request.maxOutstandingBytes ?? 0);
    if (maxMessages < 0 || maxBytes < 0) throw invalidArgument('Flow control limits must not be negative.');
    // The Node client sends no client id; its streams share one connection, hence one peer.
    const group = request.clientId || call.getPeer();
    const opened = new StreamingPullConsumer(
      group,
      { maxMessages, maxBytes },
      ackDeadlineSeconds,
      call,
      subscription,
      reportError,
    );
    applyAcks(subscription, request);
    subscription.attach(opened);
    return opened;
  };

  call.on('data', (request: StreamingPullRequest) => {
    if (failed || consumer?.ended) return;
    try {
      if (!consumer) {
        consumer = open(request);
        return;
      }
      if (request.streamAckDeadlineSeconds) {
        consumer.ackDeadlineMs =
          checkLeaseSeconds(request.streamAckDeadlineSeconds, 'stream_ack_deadline_seconds') * 1000;
      }
      applyAcks(consumer.subscription, request);
    } catch (error) {
      fail(error);
    }
  });
  call.on('end', () => {
    consumer?.end();
    if (!failed) call.end();
  });
  call.on('cancelled', () => consumer?.end());
  call.on('error', () => consumer?.end());
}
