import type { UpdateProfileRequest } from '@plaza/contracts';
import { firestore, ProblemError } from '@plaza/runtime';
import { applyProfileChanges, type Profile } from './profile.ts';
import { profilesRepository } from './profiles-repository.ts';
import { usernamesRepository } from './usernames-repository.ts';

// gRPC ALREADY_EXISTS: a `create` lost to a claim committed in between.
const alreadyExists = 6;

function usernameTaken(username: string): ProblemError {
  return new ProblemError(409, 'username_taken', `The username "${username}" is taken.`, {
    errors: [{ path: 'body.username', message: 'Taken' }],
  });
}

/**
 * Applies a validated partial update to a registered profile in one transaction. A new username
 * is claimed (its `usernames/{name}` document created) and the previous one released in the same
 * commit as the profile, so a name is never held twice nor lost in between; the loser of two
 * concurrent claims sees the winner's document on Firestore's retry and gets 409 username_taken.
 * Reserved names are refused before this (see username.ts).
 */
export async function updateProfile(uid: string, changes: UpdateProfileRequest): Promise<Profile> {
  const db = await firestore();
  try {
    return await db.runTransaction(async (tx) => {
      const profile = await profilesRepository.findIn(tx, uid);
      if (!profile) throw new ProblemError(404, 'not_found', 'No profile yet: GET /v1/me first.');
      const newUsername = changes.username !== undefined && changes.username !== profile.username ? changes.username : undefined;
      const holder = newUsername === undefined ? undefined : await usernamesRepository.holderIn(tx, newUsername);
      if (newUsername !== undefined && holder !== undefined && holder !== uid) throw usernameTaken(newUsername);
      // Reads done; the writes follow.
      const updated = applyProfileChanges(profile, changes);
      if (updated.username !== null) {
        const claimed = { ...updated, username: updated.username };
        if (newUsername !== undefined && holder === undefined) await usernamesRepository.claimIn(tx, claimed, new Date());
        // The same name, or one this member's claim already holds: its search keys follow the profile.
        else await usernamesRepository.reindexIn(tx, claimed);
      }
      if (newUsername !== undefined && profile.username !== null) await usernamesRepository.releaseIn(tx, profile.username);
      await profilesRepository.saveIn(tx, updated);
      return updated;
    });
  } catch (error) {
    if (changes.username !== undefined && (error as { code?: unknown }).code === alreadyExists) throw usernameTaken(changes.username);
    throw error;
  }
}
