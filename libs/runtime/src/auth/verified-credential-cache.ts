import type { AuthUser } from './auth-user.ts';

/**
 * How long a verified credential is trusted without asking Firebase Auth again. Each
 * verification checks revocation and the disabled flag with one Auth lookup; within this
 * window a revoked, disabled or deleted user still passes on an instance that cached the
 * credential (the instance that revoked forgets at once: `forgetVerifiedCredentials`). ADR 10
 * weighs the numbers.
 */
export const verifiedCredentialMaxAgeMs = 10_000;

/**
 * Remembers verified credentials for a short while so a client's burst of calls costs one
 * verification (and one Auth lookup). An entry never outlives the token's own `exp` nor
 * `maxAgeMs`, and `forgetUser` drops every entry of a user whose access was just taken away.
 */
export class VerifiedCredentialCache {
  readonly #entries = new Map<string, { user: AuthUser; expiresAt: number }>();
  /** The cached credentials of each user, so a revocation finds them without a scan. */
  readonly #credentialsByUid = new Map<string, Set<string>>();

  constructor(
    private readonly maxAgeMs = verifiedCredentialMaxAgeMs,
    // Bounded so a flood of distinct valid tokens cannot grow memory without limit.
    private readonly maxEntries = 10_000,
  ) {}

  get(credential: string, now = Date.now()): AuthUser | undefined {
    const entry = this.#entries.get(credential);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.user;
    this.#delete(credential, entry.user.uid);
    return undefined;
  }

  /** `tokenExpiresAt` is the credential's `exp`, in milliseconds. */
  set(credential: string, user: AuthUser, tokenExpiresAt: number, now = Date.now()): void {
    const expiresAt = Math.min(tokenExpiresAt, now + this.maxAgeMs);
    if (expiresAt <= now) return;
    if (this.#entries.size >= this.maxEntries && !this.#entries.has(credential)) {
      // Maps iterate in insertion order: the first entry is the oldest.
      const oldest = this.#entries.entries().next().value;
      if (oldest) this.#delete(oldest[0], oldest[1].user.uid);
    }
    this.#entries.set(credential, { user, expiresAt });
    let credentials = this.#credentialsByUid.get(user.uid);
    if (!credentials) this.#credentialsByUid.set(user.uid, (credentials = new Set()));
    credentials.add(credential);
  }

  /** Drops every cached credential of `uid`: the next request with any of them is verified again. */
  forgetUser(uid: string): void {
    for (const credential of this.#credentialsByUid.get(uid) ?? []) this.#entries.delete(credential);
    this.#credentialsByUid.delete(uid);
  }

  #delete(credential: string, uid: string): void {
    this.#entries.delete(credential);
    const credentials = this.#credentialsByUid.get(uid);
    credentials?.delete(credential);
    if (credentials?.size === 0) this.#credentialsByUid.delete(uid);
  }
}

/**
 * The process's caches, one per credential kind: a token verified as one kind is never taken
 * for the other. Process-wide rather than per service so that `forgetVerifiedCredentials`
 * reaches every service of the process; verification does not depend on the service either
 * (one firebase-admin app, one project).
 */
export const verifiedCredentials = {
  idToken: new VerifiedCredentialCache(),
  sessionCookie: new VerifiedCredentialCache(),
} as const;

/**
 * Call right after revoking a user's sessions, disabling or deleting the account, or changing
 * their roles: this instance then verifies (and checks revocation of) that user's next request
 * instead of trusting a credential it verified in the last few seconds. Other instances catch
 * up within `verifiedCredentialMaxAgeMs`.
 */
export function forgetVerifiedCredentials(uid: string): void {
  verifiedCredentials.idToken.forgetUser(uid);
  verifiedCredentials.sessionCookie.forgetUser(uid);
}
