import type { AuthUser } from './auth-user.ts';

/**
 * Remembers verified credentials for a short while so a client's burst of calls verifies its
 * token once. Safe because an entry never outlives the token's own `exp`, and verification
 * without a revocation check (what we do) gives the same answer for the whole life of a
 * token anyway. Once revocation is checked, a revoked token can live on for at most
 * `maxAgeMs` on the instance that cached it.
 */
export class VerifiedCredentialCache {
  readonly #entries = new Map<string, { user: AuthUser; expiresAt: number }>();

  constructor(
    private readonly maxAgeMs = 60_000,
    // Bounded so a flood of distinct valid tokens cannot grow memory without limit.
    private readonly maxEntries = 10_000,
  ) {}

  get(credential: string, now = Date.now()): AuthUser | undefined {
    const entry = this.#entries.get(credential);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.user;
    this.#entries.delete(credential);
    return undefined;
  }

  /** `tokenExpiresAt` is the credential's `exp`, in milliseconds. */
  set(credential: string, user: AuthUser, tokenExpiresAt: number, now = Date.now()): void {
    const expiresAt = Math.min(tokenExpiresAt, now + this.maxAgeMs);
    if (expiresAt <= now) return;
    if (this.#entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(credential, { user, expiresAt });
  }
}
