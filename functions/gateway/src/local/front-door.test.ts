import { describe, expect, it } from 'vitest';
import { hostingForwardedCookie } from './front-door.ts';

describe('the front door forwards cookies as Firebase Hosting does', () => {
  it('keeps only __session', () => {
    expect(hostingForwardedCookie('theme=dark; __session=abc.def; _ga=GA1')).toBe('__session=abc.def');
  });

  it('forwards no cookie when there is no session', () => {
    expect(hostingForwardedCookie('theme=dark; x__session=1')).toBeUndefined();
    expect(hostingForwardedCookie(undefined)).toBeUndefined();
  });
});
