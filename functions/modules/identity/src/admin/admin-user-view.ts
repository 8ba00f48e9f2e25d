import type { AdminUser } from '@plaza/contracts';
import { firestore } from '@plaza/runtime';
import type { UserRecord } from 'firebase-admin/auth';
import { z } from 'zod';
import type { AccessRecord } from '../roles/access-record.ts';
import { accessStateFromClaims } from '../roles/access-state.ts';

// Only the field this view needs, read leniently: the profile's shape belongs to the profiles code.
const profileName = z.object({ displayName: z.string().nullable().optional() });

/** Display names from the accounts' profiles (`users/{uid}`), where they have one. */
export async function profileNames(uids: readonly string[]): Promise<Map<string, string | null>> {
  if (uids.length === 0) return new Map();
  const db = await firestore();
  const snapshots = await db.getAll(...uids.map((uid) => db.collection('users').doc(uid)));
  return new Map(
    snapshots.filter((s) => s.exists).map((s) => [s.id, profileName.safeParse(s.data()).data?.displayName ?? null]),
  );
}

/**
 * An account for the admin pages: Firebase Auth's record for who it is, identity's access record
 * for what it may do (its claims until identity has a record of it).
 */
export function adminUserView(user: UserRecord, access: AccessRecord | undefined, profileDisplayName: string | null | undefined): AdminUser {
  const state = access ?? accessStateFromClaims(user.customClaims, user.disabled);
  return {
    uid: user.uid,
    email: user.email ?? null,
    displayName: profileDisplayName ?? user.displayName ?? null,
    roles: state.roles,
    disabled: state.disabled || state.deleted,
    createdAt: isoOrNull(user.metadata.creationTime),
    lastSignInAt: isoOrNull(user.metadata.lastSignInTime),
  };
}

function isoOrNull(httpDate: string | undefined | null): string | null {
  if (!httpDate) return null;
  const time = new Date(httpDate);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}
