import { describe, expect, it } from 'vitest';
import type { StoredMessage } from './messages.ts';
import { SubscriptionBacklog, type BacklogPolicy, type Lease } from './subscription-state.ts';

const message = (id: string, orderingKey = '', size = 1): StoredMessage => ({
  messageId: id,
  data: Buffer.alloc(size),
  attributes: {},
  orderingKey,
  publishTimeMs: 0,
});

function backlog(policy: Partial<BacklogPolicy> = {}): SubscriptionBacklog {
  let next = 0;
  return new SubscriptionBacklog({ ordered: false, redelivery: { push: false }, ...policy }, () => `ack-${++next}`);
}

const ids = (leases: readonly Lease[]): string[] => leases.map((lease) => lease.entry.message.messageId);
const take = (state: SubscriptionBacklog, now: number, maxMessages = 100, owner = 'o', ackDeadlineMs = 10_000) =>
  state.take(now, { maxMessages, maxBytes: Infinity }, () => ({ owner, ackDeadlineMs }));

describe('SubscriptionBacklog', () => {
  it('leases messages in publish order up to the message limit', () => {
    const state = backlog();
    for (const id of ['1', '2', '3']) state.add(message(id), 0);
    const first = take(state, 0, 2);
    expect(ids(first)).toEqual(['1', '2']);
    expect(first.map((lease) => lease.deadline)).toEqual([10_000, 10_000]);
    expect(ids(take(state, 0))).toEqual(['3']);
    expect(take(state, 0)).toEqual([]);
  });

  it('stops before the byte limit but always lets the first message through', () => {
    const state = backlog();
    state.add(message('big', '', 50), 0);
    state.add(message('small', '', 5), 0);
    const leases = state.take(0, { maxMessages: 10, maxBytes: 10 }, () => ({ owner: 'o', ackDeadlineMs: 1 }));
    expect(ids(leases)).toEqual(['big']);
    expect(state.outstanding('o')).toEqual({ messages: 1, bytes: 50 });
  });

  it('forgets acked messages and ignores unknown ack ids', () => {
    const state = backlog();
    state.add(message('1'), 0);
    const [lease] = take(state, 0);
    state.acknowledge([lease!.ackId, 'nonsense']);
    expect(state.outstanding('o').messages).toBe(0);
    expect(state.expire(1_000_000)).toEqual([]);
    expect(take(state, 1_000_000)).toEqual([]);
  });

  it('redelivers a nacked message at once with a new ack id and counts the failure', () => {
    const state = backlog();
    state.add(message('1'), 0);
    const [lease] = take(state, 0);
    expect(state.modifyAckDeadline([lease!.ackId], 0, 5)).toEqual([]);
    const [again] = take(state, 5);
    expect(again!.entry.message.messageId).toBe('1');
    expect(again!.ackId).not.toBe(lease!.ackId);
    expect(again!.entry.failures).toBe(1);
    state.acknowledge([lease!.ackId]);
    expect(state.outstanding('o').messages).toBe(1);
  });

  it('extends a lease from now on a non-zero deadline change', () => {
    const state = backlog();
    state.add(message('1'), 0);
    const [lease] = take(state, 0);
    state.modifyAckDeadline([lease!.ackId], 30, 8_000);
    expect(state.expire(20_000)).toEqual([]);
    expect(state.outstanding('o').messages).toBe(1);
    state.expire(38_000);
    expect(state.outstanding('o').messages).toBe(0);
    expect(ids(take(state, 38_000))).toEqual(['1']);
  });

  it('puts a redelivered message back in its publish position', () => {
    const state = backlog();
    for (const id of ['1', '2', '3']) state.add(message(id), 0);
    const [first] = take(state, 0, 1);
    state.modifyAckDeadline([first!.ackId], 0, 0);
    expect(ids(take(state, 0))).toEqual(['1', '2', '3']);
  });

  it('waits out the retry policy backoff and reports the wake-up time', () => {
    const state = backlog({ redelivery: { push: false, retry: { minimumMs: 100, maximumMs: 1000 } } });
    state.add(message('1'), 0);
    const [lease] = take(state, 0);
    expect(state.nextWakeAt(0)).toBe(10_000);
    state.modifyAckDeadline([lease!.ackId], 0, 10);
    expect(state.nextWakeAt(10)).toBe(110);
    expect(take(state, 109)).toEqual([]);
    const [second] = take(state, 110);
    state.modifyAckDeadline([second!.ackId], 0, 120);
    expect(state.nextWakeAt(120)).toBe(320);
    expect(take(state, 319)).toEqual([]);
    expect(ids(take(state, 320))).toEqual(['1']);
  });

  it('releases an owner’s leases at once, without counting a failure', () => {
    const state = backlog({ redelivery: { push: false, retry: { minimumMs: 1000, maximumMs: 1000 } } });
    state.add(message('1'), 0);
    state.add(message('2'), 0);
    take(state, 0, 1, 'stream-a');
    take(state, 0, 1, 'stream-b');
    state.releaseOwner('stream-a', 5);
    expect(state.outstanding('stream-a')).toEqual({ messages: 0, bytes: 0 });
    expect(state.outstanding('stream-b').messages).toBe(1);
    const [again] = take(state, 5);
    expect(again!.entry.message.messageId).toBe('1');
    expect(again!.entry.failures).toBe(0);
  });

  it('hands out a message that ran out of delivery attempts instead of redelivering it', () => {
    const state = backlog({ maxDeliveryAttempts: 3 });
    state.add(message('1'), 0);
    for (let attempt = 1; attempt < 3; attempt += 1) {
      const [lease] = take(state, attempt);
      expect(state.modifyAckDeadline([lease!.ackId], 0, attempt)).toEqual([]);
    }
    const [last] = take(state, 3);
    const exhausted = state.expire(3 + 10_000);
    expect(exhausted.map((entry) => [entry.message.messageId, entry.failures])).toEqual([['1', 3]]);
    expect(state.outstanding('o').messages).toBe(0);
    expect(take(state, Infinity)).toEqual([]);
    expect(last!.entry.failures).toBe(3);
  });

  it('counts failed pushes toward dead lettering', () => {
    const state = backlog({ maxDeliveryAttempts: 5, redelivery: { push: true } });
    state.add(message('1'), 0);
    let now = 0;
    const exhausted = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const [lease] = take(state, now);
      exhausted.push(...state.fail(lease!.ackId, now));
      now += 60_000;
    }
    expect(exhausted.map((entry) => entry.failures)).toEqual([5]);
  });

  describe('with message ordering', () => {
    const publish = (state: SubscriptionBacklog, entries: ReadonlyArray<readonly [string, string]>) => {
      for (const [id, key] of entries) state.add(message(id, key), 0);
    };

    it('hands out a key’s messages as one ordered batch, the next ones once all are acked', () => {
      const state = backlog({ ordered: true });
      publish(state, [['a1', 'a'], ['b1', 'b'], ['a2', 'a'], ['n', '']]);
      const first = take(state, 0);
      expect(ids(first)).toEqual(['a1', 'b1', 'a2', 'n']);
      state.add(message('a3', 'a'), 0);
      expect(take(state, 0)).toEqual([]);
      state.acknowledge([first[0]!.ackId]);
      expect(take(state, 0)).toEqual([]);
      state.acknowledge([first[2]!.ackId]);
      expect(ids(take(state, 0))).toEqual(['a3']);
    });

    it('gives a key’s batch to a single owner', () => {
      const state = backlog({ ordered: true });
      publish(state, [['a1', 'a'], ['b1', 'b'], ['a2', 'a'], ['b2', 'b']]);
      let turn = 0;
      const leases = state.take(0, { maxMessages: 10, maxBytes: Infinity }, () => ({
        owner: `stream-${turn++ % 2}`,
        ackDeadlineMs: 1000,
      }));
      expect(leases.map((lease) => `${lease.entry.message.messageId}@${lease.owner}`)).toEqual([
        'a1@stream-0',
        'b1@stream-1',
        'a2@stream-0',
        'b2@stream-1',
      ]);
    });

    it('redelivers a nacked message with the rest of its key behind it, after the backoff', () => {
      const state = backlog({ ordered: true, redelivery: { push: false, retry: { minimumMs: 100, maximumMs: 100 } } });
      publish(state, [['a1', 'a'], ['a2', 'a']]);
      const [first] = take(state, 0);
      state.modifyAckDeadline([first!.ackId], 0, 0);
      expect(state.outstanding('o').messages).toBe(0);
      expect(take(state, 50)).toEqual([]);
      const again = take(state, 100);
      expect(ids(again)).toEqual(['a1', 'a2']);
      expect(again.map((lease) => lease.entry.failures)).toEqual([1, 0]);
    });

    it('sends back the later messages of a key whose earlier one expired', () => {
      const state = backlog({ ordered: true });
      publish(state, [['a1', 'a'], ['a2', 'a']]);
      const [, second] = take(state, 0);
      state.modifyAckDeadline([second!.ackId], 600, 0);
      state.expire(10_000);
      expect(state.outstanding('o').messages).toBe(0);
      expect(take(state, 10_000).map((lease) => [lease.entry.message.messageId, lease.entry.failures])).toEqual([
        ['a1', 1],
        ['a2', 0],
      ]);
    });

    it('lets the rest of a key go on once its head is dead-lettered', () => {
      const state = backlog({ ordered: true, maxDeliveryAttempts: 1 });
      publish(state, [['a1', 'a'], ['a2', 'a']]);
      const [first] = take(state, 0, 1);
      expect(state.modifyAckDeadline([first!.ackId], 0, 0)).toHaveLength(1);
      expect(ids(take(state, 0))).toEqual(['a2']);
    });

    it('frees the key when its stream goes away', () => {
      const state = backlog({ ordered: true });
      publish(state, [['a1', 'a'], ['a2', 'a']]);
      take(state, 0, 10, 'gone');
      state.releaseOwner('gone', 0);
      expect(ids(take(state, 0))).toEqual(['a1', 'a2']);
    });
  });

  it('clears everything', () => {
    const state = backlog({ ordered: true });
    state.add(message('a1', 'a'), 0);
    state.add(message('a2', 'a'), 0);
    take(state, 0);
    state.clear();
    expect(state.outstanding('o').messages).toBe(0);
    expect(state.nextWakeAt(0)).toBeUndefined();
    state.add(message('a3', 'a'), 0);
    expect(ids(take(state, 0))).toEqual(['a3']);
  });
});
