import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

/** One HTTP request the emulator pushed, with the JSON body parsed when it is JSON. */
export interface ReceivedPush {
  readonly headers: IncomingHttpHeaders;
  readonly body: PushBody;
  readonly rawBody: Buffer;
  readonly receivedAt: number;
}

export interface PushBody {
  message: {
    data: string;
    attributes?: Record<string, string>;
    messageId: string;
    message_id: string;
    publishTime: string;
    publish_time: string;
    orderingKey?: string;
  };
  subscription: string;
  deliveryAttempt?: number;
}

/** Decides the status of each push; returning undefined leaves the request hanging. */
export type PushResponder = (push: ReceivedPush, index: number) => number | undefined;

export interface PushEndpoint {
  readonly url: string;
  readonly pushes: ReceivedPush[];
  /** The most requests that were ever awaiting an answer at once. */
  readonly maxConcurrent: number;
}

/**
 * A push endpoint on 127.0.0.1 standing in for a consumer, answering with `respond`'s status.
 * Closed after the test file.
 */
export async function startPushEndpoint(respond: PushResponder): Promise<PushEndpoint> {
  const pushes: ReceivedPush[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const server = createServer((request, response) => {
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    response.on('close', () => {
      concurrent -= 1;
    });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const json = request.headers['content-type'] === 'application/json';
      const push: ReceivedPush = {
        headers: request.headers,
        body: json ? (JSON.parse(rawBody.toString('utf8')) as PushBody) : ({} as PushBody),
        rawBody,
        receivedAt: Date.now(),
      };
      pushes.push(push);
      const status = respond(push, pushes.length - 1);
      if (status !== undefined) response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`,
    pushes,
    get maxConcurrent() {
      return maxConcurrent;
    },
  };
}
