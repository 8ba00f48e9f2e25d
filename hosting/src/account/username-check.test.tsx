import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromAvailability, invalidUsernameMessage, planUsernameCheck, usernameCheckText, type UsernameAvailability } from './username-check.ts';
import { useUsernameCheck, type AvailabilityLookup } from './use-username-check.ts';

describe('planUsernameCheck', () => {
  it('checks nothing for an empty box or the current name', () => {
    expect(planUsernameCheck('  ', 'ada')).toEqual({ status: 'idle' });
    expect(planUsernameCheck(' Ada ', 'ada')).toEqual({ status: 'unchanged', username: 'ada' });
  });
  it('refuses a malformed name without asking the API', () => {
    expect(planUsernameCheck('ad', null)).toEqual({ status: 'invalid', username: 'ad', message: invalidUsernameMessage });
    expect(planUsernameCheck('ada lovelace', null).status).toBe('invalid');
  });
  it('asks about the normalized name', () => {
    expect(planUsernameCheck(' Ada.L ', 'ada')).toEqual({ status: 'checking', username: 'ada.l' });
  });
});

describe('fromAvailability and usernameCheckText', () => {
  it('shows the API message when a name is unavailable', () => {
    const check = fromAvailability({ username: 'admin', available: false, reason: 'reserved', message: 'This username is reserved.' });
    expect(check).toEqual({ status: 'unavailable', username: 'admin', message: 'This username is reserved.' });
    expect(usernameCheckText(check)).toEqual({ text: 'This username is reserved.', error: true });
  });
  it('says when a name is free', () => {
    expect(usernameCheckText(fromAvailability({ username: 'ada', available: true, reason: null, message: null }))).toEqual({ text: '@ada is available.', error: false });
  });
  it('says nothing for the current name', () => {
    expect(usernameCheckText({ status: 'unchanged', username: 'ada' })).toBeUndefined();
  });
});

describe('useUsernameCheck', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const answers: Record<string, UsernameAvailability> = {
    ada: { username: 'ada', available: false, reason: 'taken', message: 'Someone already has this username.' },
    'ada.l': { username: 'ada.l', available: true, reason: null, message: null },
  };

  it('waits for a pause in typing, asks once, and shows the answer', async () => {
    const lookup = vi.fn<AvailabilityLookup>((username) => Promise.resolve(answers[username]!));
    const { result, rerender } = renderHook(({ typed }) => useUsernameCheck(typed, null, { lookup }), { initialProps: { typed: 'ad' } });
    expect(result.current.status).toBe('invalid');
    rerender({ typed: 'ada' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    rerender({ typed: 'ada.' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    rerender({ typed: 'ada.l' });
    expect(result.current).toEqual({ status: 'checking', username: 'ada.l' });
    await act(() => vi.advanceTimersByTimeAsync(299));
    expect(lookup).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('ada.l');
    expect(result.current).toEqual({ status: 'available', username: 'ada.l' });
  });

  it('drops an answer that arrives after the box changed', async () => {
    let release: (answer: UsernameAvailability) => void = () => undefined;
    const lookup = vi.fn<AvailabilityLookup>((username) => (username === 'ada' ? new Promise((resolve) => (release = resolve)) : Promise.resolve(answers[username]!)));
    const { result, rerender } = renderHook(({ typed }) => useUsernameCheck(typed, null, { lookup }), { initialProps: { typed: 'ada' } });
    await act(() => vi.advanceTimersByTimeAsync(300));
    rerender({ typed: 'ada.l' });
    await act(async () => release(answers.ada!));
    expect(result.current).toEqual({ status: 'checking', username: 'ada.l' });
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(result.current).toEqual({ status: 'available', username: 'ada.l' });
  });

  it('reports a failed check without blocking', async () => {
    const lookup = vi.fn<AvailabilityLookup>(() => Promise.reject(new Error('offline')));
    const { result } = renderHook(() => useUsernameCheck('grace', null, { lookup }));
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(result.current).toEqual({ status: 'failed', username: 'grace', message: 'Error: offline' });
  });
});
