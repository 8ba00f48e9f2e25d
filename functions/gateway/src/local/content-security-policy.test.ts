import { describe, expect, it } from 'vitest';
import { withPolicySources } from './content-security-policy.ts';

describe('withPolicySources', () => {
  const policy = "default-src 'self'; connect-src 'self' https://identitytoolkit.googleapis.com; frame-src 'self'";

  it('adds sources to the named directives only', () => {
    expect(withPolicySources(policy, { 'connect-src': ['http://127.0.0.1:9099'], 'frame-src': ['http://127.0.0.1:9099'] })).toBe(
      "default-src 'self'; connect-src 'self' https://identitytoolkit.googleapis.com http://127.0.0.1:9099; frame-src 'self' http://127.0.0.1:9099",
    );
  });

  it('does not repeat a source or invent a directive the policy lacks', () => {
    expect(withPolicySources(policy, { 'connect-src': ["'self'"], 'worker-src': ['http://x'] })).toBe(policy);
  });
});
