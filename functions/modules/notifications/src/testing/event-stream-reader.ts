/** One Server-Sent Events block as EventSource would parse it; a comment line is `comment`. */
export interface ServerSentEvent {
  event?: string;
  data?: string;
  id?: string;
  retry?: string;
  comment?: string;
}

function parseBlock(block: string): ServerSentEvent {
  const parsed: ServerSentEvent = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      parsed.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = line.slice(0, colon) as keyof ServerSentEvent;
    const value = line.slice(colon + 1).replace(/^ /, '');
    parsed[field] = field === 'data' && parsed.data !== undefined ? `${parsed.data}\n${value}` : value;
  }
  return parsed;
}

/** Reads a text/event-stream response event by event, each read bounded in time. */
export function eventStreamReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;

  /** The next event, or undefined once the stream has ended. */
  async function next(timeoutMs = 5_000): Promise<ServerSentEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parseBlock(block);
      }
      if (done) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms; buffered: ${JSON.stringify(buffer)}`)), Math.max(0, deadline - Date.now()));
      });
      const chunk = await Promise.race([reader.read(), timedOut]).finally(() => clearTimeout(timer));
      if (chunk.done) done = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Reads events (keepalive comments left out) until `done` is true of those read; returns them. */
  async function until(done: (events: ServerSentEvent[]) => boolean, timeoutMs = 5_000): Promise<ServerSentEvent[]> {
    const seen: ServerSentEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = await next(Math.max(1, deadline - Date.now()));
      if (!event) throw new Error(`the stream ended before the event looked for; saw ${JSON.stringify(seen)}`);
      if (event.comment !== undefined) continue;
      seen.push(event);
      if (done(seen)) return seen;
    }
  }

  return { next, until, cancel: () => reader.cancel() };
}
