import { Hono } from 'hono';
import { listen, type Listening } from '../local/listen.ts';

export interface MetadataServer extends Listening {
  /** The audiences ID tokens were minted for, in order. */
  readonly identityRequests: string[];
}

const serviceAccount = 'gateway@plaza-test.iam.gserviceaccount.com';

/**
 * A stand-in for the GCE/Cloud Run metadata server, as google-auth-library reaches it through
 * GCE_METADATA_HOST: the `identity` endpoint minting ID tokens for the service's account, with
 * the Metadata-Flavor handshake both ways. Tokens are unsigned; only their claims matter here.
 */
export async function startMetadataServer(): Promise<MetadataServer> {
  const identityRequests: string[] = [];
  const app = new Hono();
  app.use(async (c, next) => {
    if (c.req.header('metadata-flavor') !== 'Google') return c.text('Missing Metadata-Flavor:Google header.', 403);
    await next();
    c.header('Metadata-Flavor', 'Google');
  });
  app.get('/computeMetadata/v1/instance/service-accounts/default/identity', (c) => {
    const audience = c.req.query('audience');
    if (!audience) return c.text('non-empty audience parameter required', 400);
    identityRequests.push(audience);
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'https://accounts.google.com', aud: audience, email: serviceAccount, iat: now, exp: now + 3600 };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    return c.text(`${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.signature`);
  });
  app.get('/computeMetadata/v1/project/project-id', (c) => c.text('plaza-test'));
  app.get('/computeMetadata/v1/instance', (c) => c.text('ok'));
  const server = await listen(app.fetch, 0);
  return { ...server, identityRequests };
}
