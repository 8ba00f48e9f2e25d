import { ensureTopology, pubsub } from '@plaza/runtime';

/**
 * Locally, pushes are signed by the Pub/Sub emulator (RS256, its own issuer and keys) and the
 * gateway verifies them with the production code path (PUSH_AUTH=oidc), so an auth bug in push
 * handling shows up on a laptop rather than after a deploy.
 */
const signer = 'pubsub-push@demo-plaza.iam.gserviceaccount.com';
const audience = 'http://plaza.localhost/_push';

/** The push-verification variables for a gateway behind the local Pub/Sub emulator. */
export function localPushEnv(pubsubEmulatorHost: string): Record<string, string> {
  const issuer = `http://${pubsubEmulatorHost}`;
  return {
    PUSH_AUTH: 'oidc',
    PUSH_AUDIENCE: audience,
    PUSH_SERVICE_ACCOUNT: signer,
    PUSH_OIDC_ISSUER: issuer,
    PUSH_OIDC_JWKS_URL: `${issuer}/oauth2/v3/certs`,
  };
}

/**
 * Creates the declared topics and push subscriptions, pointed at the gateway listening at
 * `gatewayOrigin`. A 10 s push timeout instead of production's 600 s gets a consumer that hung
 * during development retried soon.
 */
export async function subscribeGateway(gatewayOrigin: string): Promise<void> {
  await ensureTopology(await pubsub(), {
    pushBaseUrl: gatewayOrigin,
    oidc: { serviceAccountEmail: signer, audience },
    ackDeadlineSeconds: 10,
  });
}
