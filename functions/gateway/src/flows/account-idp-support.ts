import { identityToolkitCall } from './account-test-support.ts';

export interface IdpClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * Signs in with a provider the way the web SDK finishes `signInWithPopup`: it posts the provider's
 * credential to `accounts:signInWithIdp`. The Auth emulator accepts fake, unsigned credentials as
 * plain JSON claims (it needs a `sub`): an ID token for Google, an access token for GitHub, as
 * those providers hand them out.
 */
export async function signInWithIdp(
  providerId: 'google.com' | 'github.com',
  claims: IdpClaims,
  /** The person's id at the provider; the same one signs in to the same account. */
  sub: string = crypto.randomUUID(),
): Promise<{ uid: string; idToken: string; email?: string }> {
  const credential = JSON.stringify({ sub, ...claims });
  const tokenName = providerId === 'google.com' ? 'id_token' : 'access_token';
  const response = await identityToolkitCall('accounts:signInWithIdp', {
    requestUri: 'http://localhost',
    postBody: new URLSearchParams({ [tokenName]: credential, providerId }).toString(),
    returnSecureToken: true,
    returnIdpCredential: true,
  });
  const body = (await response.json()) as { localId?: string; idToken?: string; email?: string; error?: { message: string } };
  if (!body.localId || !body.idToken) throw new Error(`signInWithIdp ${providerId}: ${response.status} ${body.error?.message ?? ''}`);
  return { uid: body.localId, idToken: body.idToken, ...(body.email ? { email: body.email } : {}) };
}
