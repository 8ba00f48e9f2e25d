import type { v1 } from '@google-cloud/pubsub';
import type { google } from '@google-cloud/pubsub/build/protos/protos.js';

export type ReceivedMessage = google.pubsub.v1.IReceivedMessage;

/** One unary Pull that answers at once, empty when nothing is deliverable. */
export async function pullNow(
  subscriber: v1.SubscriberClient,
  subscription: string,
  maxMessages = 100,
): Promise<ReceivedMessage[]> {
  const [response] = await subscriber.pull({ subscription, maxMessages, returnImmediately: true });
  return response.receivedMessages ?? [];
}

export const dataOf = (message: ReceivedMessage): string => Buffer.from(message.message?.data ?? '').toString('utf8');
