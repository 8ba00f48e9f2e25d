import type { PublicProfile } from '@plaza/contracts';
import { firestore } from '@plaza/runtime';
import { profileSchema, publicProfile } from './profile.ts';
import { profilesCollection } from './profiles-repository.ts';
import { usernameClaimSchema, usernamesCollection } from './usernames-repository.ts';

export interface UserSearchPage {
  items: PublicProfile[];
  /** The last username of this page when another page follows. */
  lastUsername: string | undefined;
}

/**
 * One query on the username claims (`searchPrefixes` array-contains, ordered by document id,
 * which is the username: served by Firestore's automatic single-field index, no composite index),
 * then one batched read of the profiles. It asks for one claim more than the page, so the last
 * page says so instead of leading to an empty one. The cursor is the last claim scanned, so a
 * profile left out on the way (hidden between two writes) never shifts a page.
 */
export async function searchUsers({ prefix, afterUsername, limit }: { prefix: string; afterUsername: string | undefined; limit: number }): Promise<UserSearchPage> {
  const db = await firestore();
  let query = db.collection(usernamesCollection).where('searchPrefixes', 'array-contains', prefix).orderBy('__name__').limit(limit + 1);
  if (afterUsername !== undefined) query = query.startAfter(afterUsername);
  const claims = (await query.get()).docs;
  const page = claims.slice(0, limit);
  const profiles = page.length === 0 ? [] : await db.getAll(...page.map((claim) => db.collection(profilesCollection).doc(usernameClaimSchema.parse(claim.data()).uid)));
  const items = profiles.flatMap((snapshot, index) => {
    if (!snapshot.exists) return [];
    const profile = publicProfile(profileSchema.parse(snapshot.data()));
    // Only a profile that still holds the claim it was found by.
    return profile && profile.username === page[index]!.id ? [profile] : [];
  });
  return { items, lastUsername: claims.length > limit ? page.at(-1)?.id : undefined };
}

/** A member's public profile by username; undefined when nobody (visible) holds it. */
export async function findPublicProfile(username: string): Promise<PublicProfile | undefined> {
  const snapshot = await (await firestore()).collection(profilesCollection).where('username', '==', username).limit(1).get();
  const doc = snapshot.docs[0];
  return doc ? publicProfile(profileSchema.parse(doc.data())) : undefined;
}
