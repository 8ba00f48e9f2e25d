import type { AuthUser } from './auth-user.ts';

/**
 * Who a private deployment admits (`ACCESS_ALLOWLIST`): exact addresses and whole domains
 * (`@plaza.example`, that domain only, not its subdomains). An empty list admits everyone.
 * Only a verified address counts: an unverified one proves nothing about who signed up with it.
 * Entries and addresses are compared in lower case.
 */
export class AccessPolicy {
  readonly #emails = new Set<string>();
  readonly #domains = new Set<string>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const normalized = entry.trim().toLowerCase();
      if (normalized.startsWith('@')) this.#domains.add(normalized.slice(1));
      else if (normalized) this.#emails.add(normalized);
    }
  }

  get isOpen(): boolean {
    return this.#emails.size === 0 && this.#domains.size === 0;
  }

  admits(user: Pick<AuthUser, 'email' | 'emailVerified'>): boolean {
    if (this.isOpen) return true;
    if (!user.email || !user.emailVerified) return false;
    const email = user.email.toLowerCase();
    return this.#emails.has(email) || this.#domains.has(email.slice(email.lastIndexOf('@') + 1));
  }
}
