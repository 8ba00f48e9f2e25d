/**
 * Thrown by a consumer's handler when retrying cannot help (say, a mail server answered 550 for a
 * recipient). The runtime then publishes the pushed message to the subscription's dead-letter
 * topic, records the event as done and acks, instead of letting Pub/Sub retry it for nothing.
 */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
