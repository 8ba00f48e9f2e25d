import type { Permission, Role } from '@plaza/contracts';

/** The signed-in caller, as verified from a Firebase ID token or session cookie. */
export interface AuthUser {
  uid: string;
  email: string | null;
  emailVerified: boolean;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  /** Every claim of the verified token, custom claims included. */
  claims: Readonly<Record<string, unknown>>;
}
