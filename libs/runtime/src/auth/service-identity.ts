import type { IdTokenClient } from 'google-auth-library';

/**
 * How a service proves its identity to another, private Plaza service: `google-id-token` in
 * Cloud Run (a Google-signed ID token for the target's URL, minted by the metadata server for the
 * service's own account), `none` where nothing checks (local runs, tests).
 */
export type ServiceIdentity = 'google-id-token' | 'none';

/** The headers to add to a call to `audience`, the target service's origin. */
export type ServiceIdentityHeaders = (audience: string) => Promise<Record<string, string>>;

/**
 * The token goes in X-Serverless-Authorization, which Cloud Run checks and removes, so the
 * end user's own Authorization header reaches the target untouched. The SDK caches each token
 * until shortly before it expires; one client per audience keeps that cache.
 */
export function serviceIdentityHeaders(identity: ServiceIdentity): ServiceIdentityHeaders {
  if (identity === 'none') return async () => ({});
  const clients = new Map<string, Promise<IdTokenClient>>();
  return async (audience) => {
    let client = clients.get(audience);
    if (!client) {
      client = import('google-auth-library').then(({ GoogleAuth }) => new GoogleAuth().getIdTokenClient(audience));
      clients.set(audience, client);
      // A failure (no metadata server yet) is not remembered: the next call tries again.
      client.catch(() => clients.delete(audience));
    }
    const authorization = (await (await client).getRequestHeaders()).get('authorization');
    if (!authorization) throw new Error(`no ID token for ${audience}`);
    return { 'x-serverless-authorization': authorization };
  };
}
