import { defaultRoles, permissionsForRoles, roles as knownRoles, type Role } from '@plaza/contracts';
import type { AuthUser } from './auth-user.ts';

/** The claims of a verified Firebase ID token or session cookie that we read. */
export interface VerifiedClaims {
  uid: string;
  email?: string;
  email_verified?: boolean;
  /** Custom claim set by an admin (firebase-admin setCustomUserClaims). */
  roles?: unknown;
  [claim: string]: unknown;
}

/**
 * Roles come from the `roles` custom claim. A user without the claim is a member; roles this
 * build does not know are ignored rather than rejected, so adding a role is backwards compatible.
 */
export function userFromClaims(claims: VerifiedClaims): AuthUser {
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is Role => (knownRoles as readonly unknown[]).includes(role))
    : [...defaultRoles];
  return {
    uid: claims.uid,
    email: claims.email ?? null,
    emailVerified: claims.email_verified ?? false,
    roles,
    permissions: permissionsForRoles(roles),
    claims,
  };
}
