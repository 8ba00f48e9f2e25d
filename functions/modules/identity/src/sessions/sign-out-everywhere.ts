import { firebaseAuth, forgetVerifiedCredentials } from '@plaza/runtime';

/**
 * Signs a user out everywhere: Firebase refuses every credential issued before now, and this
 * instance forgets the ones it verified in the last seconds, so the very next request fails here
 * too. Other instances' caches let a credential live on for at most verifiedCredentialMaxAgeMs.
 */
export async function signOutEverywhere(uid: string): Promise<void> {
  await (await firebaseAuth()).revokeRefreshTokens(uid);
  forgetVerifiedCredentials(uid);
}
