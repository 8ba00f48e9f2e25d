import { describe, expect, it } from 'vitest';
import { INITIAL_PUSH_WINDOW, MAX_PUSH_WINDOW, narrowAfterFailure, widenAfterSuccess } from './push-window.ts';

describe('push window', () => {
  it('grows by one per success up to the cap', () => {
    expect(widenAfterSuccess(INITIAL_PUSH_WINDOW).limit).toBe(INITIAL_PUSH_WINDOW.limit + 1);
    expect(widenAfterSuccess({ limit: MAX_PUSH_WINDOW }).limit).toBe(MAX_PUSH_WINDOW);
  });

  it('halves on failure but keeps one push going', () => {
    expect(narrowAfterFailure({ limit: 9 }).limit).toBe(4);
    let window = INITIAL_PUSH_WINDOW;
    for (let i = 0; i < 10; i += 1) window = narrowAfterFailure(window);
    expect(window.limit).toBe(1);
  });
});
