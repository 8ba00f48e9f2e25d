import { userRegistered } from '@plaza/contracts';
import { runUseCase, type AuthUser, type Logger } from '@plaza/runtime';
import { newProfile, type Profile } from './profile.ts';
import { profilesRepository } from './profiles-repository.ts';

/**
 * The profile of the signed-in user, created on first sight together with userRegistered in one
 * transaction, so the event exists if and only if the profile does. The plain read first keeps
 * the common case (a known user) free of a transaction. The request's logger makes the outbox's
 * lines carry the request id and trace.
 */
export async function registerOnFirstSight(user: AuthUser, logger: Logger): Promise<Profile> {
  const known = await profilesRepository.find(user.uid);
  if (known) return known;
  return runUseCase(async ({ tx, emit }) => {
    // A concurrent first request may have won since the read above; the transaction decides.
    const existing = await profilesRepository.findIn(tx, user.uid);
    if (existing) return existing;
    const profile = newProfile(user, new Date());
    await profilesRepository.createIn(tx, profile);
    emit(userRegistered, { uid: profile.uid, email: profile.email, displayName: profile.displayName }, { subject: `users/${profile.uid}` });
    return profile;
  }, { logger });
}
