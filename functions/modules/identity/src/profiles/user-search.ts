import { firestore } from '@plaza/runtime';
import { profileSchema, publicProfile, type Profile } from '../profile.ts';
import { profilesCollection } from '../profiles-repository.ts';
import type { PublicProfile } from '@plaza/contracts';

export interface UserSearchPage {
  items: PublicProfile[];
  /** The last username of this page when another page follows. */
  lastUsername: string | undefined;
}

/**
 * One indexed query (`searchPrefixes` array-contains, ordered by username: the composite index
 * in libs/contracts' Firestore index list), reading one document more than the page to know
 * whether a next page exists, so the last page says so instead of leading to an empty one.
 */
export async function searchUsers({ prefix, afterUsername, limit }: { prefix: string; afterUsername: string | undefined; limit: number }): Promise<UserSearchPage> {
  let query = (await firestore())
    .collection(profilesCollection)
    .where('searchPrefixes', 'array-contains', prefix)
    .orderBy('username')
    .limit(limit + 1);
  if (afterUsername !== undefined) query = query.startAfter(afterUsername);
  const snapshot = await query.get();
  const profiles: Profile[] = snapshot.docs.map((doc) => profileSchema.parse(doc.data()));
  const page = profiles.slice(0, limit);
  // searchPrefixes is empty for the hidden, so every profile here has a public face.
  const items = page.flatMap((profile) => publicProfile(profile) ?? []);
  return { items, lastUsername: profiles.length > limit ? page.at(-1)?.username ?? undefined : undefined };
}

/** A member's public profile by username; undefined when nobody (visible) holds it. */
export async function findPublicProfile(username: string): Promise<PublicProfile | undefined> {
  const snapshot = await (await firestore()).collection(profilesCollection).where('username', '==', username).limit(1).get();
  const doc = snapshot.docs[0];
  return doc ? publicProfile(profileSchema.parse(doc.data())) : undefined;
}
