import { describe, expect, test } from 'vitest';
import { LockManager } from './lock-manager.ts';

const LONG = { timeoutMs: 10_000 };
const settled = async (promise: Promise<unknown>): Promise<string> => {
  const marker = Symbol();
  const outcome = await Promise.race([promise.then(() => 'granted', (error: Error) => `aborted: ${error.message}`), new Promise((r) => setImmediate(() => r(marker)))]);
  return outcome === marker ? 'waiting' : (outcome as string);
};

describe('LockManager', () => {
  test('grants a free lock at once and is re-entrant', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a', 'b'], LONG);
    await locks.acquire('t1', ['a'], LONG);
    expect(locks.holds('t1', 'a') && locks.holds('t1', 'b')).toBe(true);
  });

  test('waiters are served first come, first served as holders release', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    const order: string[] = [];
    const second = locks.acquire('t2', ['a'], LONG).then(() => order.push('t2'));
    const third = locks.acquire('t3', ['a'], LONG).then(() => order.push('t3'));
    expect(await settled(second)).toBe('waiting');
    locks.releaseAll('t1');
    await second;
    expect(await settled(third)).toBe('waiting');
    locks.releaseAll('t2');
    await third;
    expect(order).toEqual(['t2', 't3']);
  });

  test('a wait times out with ABORTED and leaves the queue', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    await expect(locks.acquire('t2', ['a'], { timeoutMs: 5 })).rejects.toMatchObject({ code: 10 });
    locks.releaseAll('t1');
    await locks.acquire('t3', ['a'], { timeoutMs: 5 });
    expect(locks.holds('t3', 'a')).toBe(true);
  });

  test('a wait that closes a cycle is refused at once', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    await locks.acquire('t2', ['b'], LONG);
    const t1WaitsForB = locks.acquire('t1', ['b'], LONG);
    await expect(locks.acquire('t2', ['a'], LONG)).rejects.toThrow(/deadlock/);
    locks.releaseAll('t2');
    await t1WaitsForB;
  });

  test('a cycle through a FIFO queue (waiting behind a waiter) is detected too', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    await locks.acquire('t3', ['b'], LONG);
    const t3 = locks.acquire('t3', ['a'], LONG); // t3 waits for t1
    const t2 = locks.acquire('t2', ['a'], LONG); // t2 queues behind t3
    await expect(locks.acquire('t3', ['c'], LONG)).resolves.toBeUndefined();
    await locks.acquire('t2', ['d'], LONG);
    await expect(locks.acquire('t3', ['d'], LONG)).rejects.toThrow(/deadlock/); // t3 → t2 → t3
    locks.releaseAll('t1');
    await t3;
    locks.releaseAll('t3');
    await t2;
  });

  test('two reads of one owner waiting on the same lock share the wait', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    const first = locks.acquire('t2', ['a'], LONG);
    const second = locks.acquire('t2', ['a'], LONG);
    locks.releaseAll('t1');
    await Promise.all([first, second]);
    expect(locks.holds('t2', 'a')).toBe(true);
  });

  test('releasing an owner aborts its own pending waits', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    const waiting = locks.acquire('t2', ['a'], LONG);
    locks.releaseAll('t2', 'rolled back');
    await expect(waiting).rejects.toThrow('rolled back');
    locks.releaseAll('t1');
    await locks.acquire('t3', ['a'], { timeoutMs: 5 });
  });

  test('a cancelled request stops waiting', async () => {
    const locks = new LockManager();
    await locks.acquire('t1', ['a'], LONG);
    const controller = new AbortController();
    const waiting = locks.acquire('t2', ['a'], { ...LONG, signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 10 });
  });
});
