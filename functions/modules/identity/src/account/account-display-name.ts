import { profilesRepository } from '../profiles/profiles-repository.ts';

/**
 * The name account mail greets someone by: their profile's, else the one Firebase Auth holds
 * (a Google account's name, before their first visit created the profile), else none.
 */
export async function accountDisplayName(uid: string, authDisplayName: string | null | undefined): Promise<string | null> {
  const profile = await profilesRepository.find(uid);
  return profile?.displayName ?? authDisplayName ?? null;
}
