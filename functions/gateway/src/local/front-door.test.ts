import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it, vi } from 'vitest';
import { createFrontDoor, hostingForwardedCookie } from './front-door.ts';
import { readHostingConfig } from './hosting-config.ts';
import { listen } from './listen.ts';

describe('the front door forwards cookies as Firebase Hosting does', () => {
  it('keeps only __session', () => {
    expect(hostingForwardedCookie('theme=dark; __session=abc.def; _ga=GA1')).toBe('__session=abc.def');
  });

  it('forwards no cookie when there is no session', () => {
    expect(hostingForwardedCookie('theme=dark; x__session=1')).toBeUndefined();
    expect(hostingForwardedCookie(undefined)).toBeUndefined();
  });
});

describe('the front door forwarding a stream', () => {
  it('ends the forwarded stream quietly when the browser goes away', async () => {
    let upstreamEnded!: () => void;
    const ended = new Promise<void>((resolve) => (upstreamEnded = resolve));
    const upstream = new Hono().get('/api/stream', (c) =>
      streamSSE(c, async (stream) => {
        stream.onAbort(upstreamEnded);
        await stream.writeSSE({ data: 'first' });
        await ended;
      }),
    );
    const service = await listen(upstream.fetch, 0);
    const hosting = await readHostingConfig();
    const frontDoor = await listen(createFrontDoor({ hosting, services: { gateway: service.origin }, firebaseInit: {} }).fetch, 0);
    const errors = vi.spyOn(console, 'error');
    try {
      const browser = new AbortController();
      const response = await fetch(`${frontDoor.origin}/api/stream`, { signal: browser.signal });
      const first = await response.body!.getReader().read();
      expect(new TextDecoder().decode(first.value)).toContain('data: first');
      browser.abort();
      await ended;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      await frontDoor.close();
      await service.close();
    }
  });
});
