import { afterEach, describe, expect, it, vi } from 'vitest';
import { openNotificationSource, type NotificationSourceHandlers, type StreamState } from './notification-source.ts';

/** The browser's EventSource, as far as the dashboard uses it: the test plays the server. */
class ScriptedEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: ScriptedEventSource[] = [];
  readyState = ScriptedEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    super();
    ScriptedEventSource.opened.push(this);
  }
  open() {
    this.readyState = ScriptedEventSource.OPEN;
    this.onopen?.();
  }
  send(event: string, data: unknown) {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(data) }));
  }
  fail(closed: boolean) {
    this.readyState = closed ? ScriptedEventSource.CLOSED : ScriptedEventSource.CONNECTING;
    this.onerror?.();
  }
  close() {
    this.readyState = ScriptedEventSource.CLOSED;
  }
}

function recording() {
  const seen = { unread: [] as number[], titles: [] as string[], states: [] as StreamState[] };
  const handlers: NotificationSourceHandlers = {
    unread: (count) => seen.unread.push(count),
    notification: (item) => seen.titles.push(item.title),
    state: (state) => seen.states.push(state),
  };
  return { seen, handlers };
}

const item = { id: 'n1', kind: 'welcome', title: 'Welcome', body: 'Hi', createdAt: '2026-12-04T10:00:00.000Z', readAt: null };

afterEach(() => {
  ScriptedEventSource.opened = [];
  vi.useRealTimers();
});

describe('openNotificationSource', () => {
  it('passes on the count and the items of the stream, and its state', () => {
    const { seen, handlers } = recording();
    const close = openNotificationSource(handlers, { EventSourceImpl: ScriptedEventSource as unknown as typeof EventSource });
    const [source] = ScriptedEventSource.opened;
    expect(source?.url).toBe('/api/v1/notifications/stream');
    source!.open();
    source!.send('unread', { unread: 2 });
    source!.send('notification', item);
    source!.fail(false);
    expect(seen).toEqual({ unread: [2], titles: ['Welcome'], states: ['connecting', 'live', 'reconnecting'] });
    close();
    expect(source!.readyState).toBe(ScriptedEventSource.CLOSED);
  });

  it('opens a new stream a while after the API refused one, and not after close', () => {
    vi.useFakeTimers();
    const { seen, handlers } = recording();
    const close = openNotificationSource(handlers, { reopenAfterMs: 1_000, EventSourceImpl: ScriptedEventSource as unknown as typeof EventSource });
    ScriptedEventSource.opened[0]!.fail(true);
    expect(seen.states.at(-1)).toBe('offline');
    vi.advanceTimersByTime(999);
    expect(ScriptedEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ScriptedEventSource.opened).toHaveLength(2);
    ScriptedEventSource.opened[1]!.fail(true);
    close();
    vi.advanceTimersByTime(5_000);
    expect(ScriptedEventSource.opened).toHaveLength(2);
  });
});
