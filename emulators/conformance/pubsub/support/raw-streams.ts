import type { v1 } from '@google-cloud/pubsub';
import type { google } from '@google-cloud/pubsub/build/protos/protos.js';

type ReceivedMessage = google.pubsub.v1.IReceivedMessage;

export interface RawStream {
  readonly received: ReceivedMessage[];
  cancel(): void;
}

/**
 * A StreamingPull stream opened directly on the generated client, to watch exactly what the
 * server sends (the handwritten client buffers and leases on its own).
 */
export function openRawStream(
  subscriber: v1.SubscriberClient,
  request: google.pubsub.v1.IStreamingPullRequest,
): RawStream {
  const stream = subscriber.streamingPull();
  const received: ReceivedMessage[] = [];
  stream.on('data', (response: google.pubsub.v1.IStreamingPullResponse) => {
    received.push(...(response.receivedMessages ?? []));
  });
  // A cancelled stream ends with CANCELLED; that is the point of cancelling it.
  stream.on('error', () => undefined);
  stream.write(request);
  return { received, cancel: () => stream.cancel() };
}
