import type { PushRequest } from './push-request.ts';

/**
 * Sends one push and says whether the endpoint acked it. Only the statuses the real service takes
 * as an ack count (102, 200, 201, 202, 204); any other status, a network error, or no answer
 * within the ack deadline is a failure to retry.
 */
const ACK_STATUSES = new Set([102, 200, 201, 202, 204]);

export async function sendPush(request: PushRequest, timeoutMs: number, cancel: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body),
      redirect: 'manual',
      signal: AbortSignal.any([cancel, AbortSignal.timeout(timeoutMs)]),
    });
    // The body is not needed; dropping it frees the connection for the next push.
    await response.body?.cancel();
    return ACK_STATUSES.has(response.status);
  } catch {
    return false;
  }
}
