/**
 * Test support for the stream RPCs: a bare gRPC client that says what the SDKs never would (bad
 * tokens, garbage, abrupt cancels), and a queue to await what arrives instead of sleeping.
 */
import { credentials, makeGenericClientConstructor, type ClientDuplexStream, type StatusObject } from '@grpc/grpc-js';
import { loadFirestoreService } from './proto.ts';

const WAIT_MS = 5_000;

export type StreamMethod = 'Listen' | 'Write';

export class FirestoreTestClient {
  private readonly client;

  constructor(port: number) {
    const Client = makeGenericClientConstructor(loadFirestoreService(), 'Firestore');
    this.client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  }

  open<Request, Response>(method: StreamMethod): TestStream<Request, Response> {
    const start = this.client[method] as () => ClientDuplexStream<Request, Response>;
    return new TestStream(start.call(this.client));
  }

  /** A stream whose requests go out as raw bytes, unencoded. */
  openRaw(method: StreamMethod): TestStream<Buffer, Buffer> {
    const identity = (bytes: Buffer) => bytes;
    return new TestStream(this.client.makeBidiStreamRequest(`/google.firestore.v1.Firestore/${method}`, identity, identity));
  }

  close(): void {
    this.client.close();
  }
}

/** Values as they arrive, awaited by count or by content instead of by sleeping. */
export class Arrivals<T> {
  readonly items: T[] = [];
  private wake: (() => void) | undefined;
  private endedBecause: string | undefined;

  readonly push = (item: T): void => {
    this.items.push(item);
    this.wake?.();
  };

  /** No more will come: waits still pending fail at once, with `reason`. */
  end(reason: string): void {
    this.endedBecause = reason;
    this.wake?.();
  }

  /** Waits until `count` items have arrived in total, and returns them all. */
  async count(count: number): Promise<T[]> {
    await this.until(() => this.items.length >= count, `${count} items`);
    return this.items;
  }

  /** Waits until an item from index `from` on satisfies `predicate`, and returns every item up to it. */
  async find(predicate: (item: T) => boolean, from = 0): Promise<T[]> {
    const found = () => this.items.findIndex((item, i) => i >= from && predicate(item));
    await this.until(() => found() >= 0, 'a matching item');
    return this.items.slice(0, found() + 1);
  }

  private async until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!condition()) {
      const got = JSON.stringify(this.items);
      if (this.endedBecause !== undefined) throw new Error(`${this.endedBecause} before ${what} arrived; got ${got}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`Timed out waiting for ${what}; got ${got}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}

/** One call: its responses as Arrivals, its final status as a promise. */
export class TestStream<Request, Response> {
  readonly responses = new Arrivals<Response>();
  readonly status: Promise<StatusObject>;

  constructor(private readonly call: ClientDuplexStream<Request, Response>) {
    call.on('data', this.responses.push);
    // The status promise reports failures; without a listener an error status would be thrown.
    call.on('error', () => {});
    this.status = new Promise((resolve) =>
      call.on('status', (status: StatusObject) => {
        this.responses.end(`The stream ended with status ${status.code} (${status.details})`);
        resolve(status);
      }),
    );
  }

  send(request: Request): void {
    this.call.write(request);
  }

  /** Half-closes, as the SDKs do when they are done with a stream. */
  end(): void {
    this.call.end();
  }

  cancel(): void {
    this.call.cancel();
  }
}
