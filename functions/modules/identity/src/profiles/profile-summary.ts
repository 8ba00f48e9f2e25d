import { profilesRepository } from './profiles-repository.ts';

/** What another module may show a member about their own profile (the Telegram bot's /me). */
export interface ProfileSummary {
  readonly uid: string;
  readonly username: string | null;
  readonly displayName: string | null;
  readonly bio: string | null;
  readonly createdAt: string;
  readonly disabled: boolean;
}

/**
 * A read-only query for other modules, which may not read `users/{uid}` themselves: the profile
 * of `uid`, or undefined when identity has none (never signed in to the dashboard).
 */
export async function findProfileSummary(uid: string): Promise<ProfileSummary | undefined> {
  const profile = await profilesRepository.find(uid);
  if (!profile) return undefined;
  const { username, displayName, bio, createdAt, disabled } = profile;
  return { uid, username, displayName, bio, createdAt, disabled };
}
