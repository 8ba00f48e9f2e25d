/**
 * Push verification as `npm start` sets it (functions/gateway/src/local/local-push.ts): the
 * Pub/Sub emulator signs its pushes (RS256, its own issuer and keys) and the service checks them
 * with the production code (PUSH_AUTH=oidc).
 */
export const pushSigner = 'pubsub-push@demo-plaza.iam.gserviceaccount.com';
export const pushAudience = 'http://plaza.localhost/_push';

export function emulatorPushEnv(): Record<string, string> {
  const host = process.env.PUBSUB_EMULATOR_HOST;
  if (!host) throw new Error('PUBSUB_EMULATOR_HOST is not set: run through the platform project');
  return {
    PUSH_AUTH: 'oidc',
    PUSH_AUDIENCE: pushAudience,
    PUSH_SERVICE_ACCOUNT: pushSigner,
    PUSH_OIDC_ISSUER: `http://${host}`,
    PUSH_OIDC_JWKS_URL: `http://${host}/oauth2/v3/certs`,
  };
}
