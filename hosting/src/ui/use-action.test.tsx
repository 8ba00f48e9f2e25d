import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAction } from './use-action.ts';

describe('useAction', () => {
  it('keeps one act across renders, even for an inline run, and calls the latest run', async () => {
    const calls: string[] = [];
    const { result, rerender } = renderHook(({ label }) => useAction(async () => void calls.push(label)), { initialProps: { label: 'first' } });
    const firstAct = result.current.act;
    rerender({ label: 'second' });
    expect(result.current.act).toBe(firstAct);
    await act(() => result.current.act());
    expect(calls).toEqual(['second']);
  });

  it('is busy while running and keeps what it failed with', async () => {
    let finish: () => void = () => {};
    const { result } = renderHook(() => useAction(() => new Promise<void>((_resolve, reject) => (finish = () => reject(new Error('refused'))))));
    let running: Promise<void> = Promise.resolve();
    act(() => void (running = result.current.act()));
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      await running;
    });
    expect(result.current.busy).toBe(false);
    expect((result.current.error as Error).message).toBe('refused');
  });
});
