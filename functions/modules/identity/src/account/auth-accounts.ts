import { firebaseAuth } from '@plaza/runtime';
import type { UserRecord } from 'firebase-admin/auth';

/** firebase-admin's error codes are on `code`, e.g. `auth/user-not-found`. */
export function isAuthError(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

/** Firebase Auth's record of an account, the source of truth for its address and verification. */
export const authAccounts = {
  async get(uid: string): Promise<UserRecord> {
    return (await firebaseAuth()).getUser(uid);
  },

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    try {
      return await (await firebaseAuth()).getUserByEmail(email);
    } catch (error) {
      if (isAuthError(error, 'auth/user-not-found')) return undefined;
      throw error;
    }
  },
};
