import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PushTokenSigner } from './oidc.ts';

/**
 * The small HTTP side of the engine, on the gRPC port: the push token issuer's discovery document
 * and keys, so consumers verify push tokens offline, and `GET /` → "Ok" like the official emulator
 * (a readiness probe).
 */
export const JWKS_PATH = '/oauth2/v3/certs';
const PEM_KEYS_PATH = '/oauth2/v1/certs';
const DISCOVERY_PATH = '/.well-known/openid-configuration';

export function oidcHttpHandler(signer: PushTokenSigner, jwksUri: string, reportError: (error: unknown) => void) {
  const routes: Readonly<Record<string, () => unknown>> = {
    '/': () => 'Ok',
    [JWKS_PATH]: () => signer.jwks(),
    [PEM_KEYS_PATH]: () => signer.pemKeys(),
    [DISCOVERY_PATH]: () => ({
      issuer: signer.issuer,
      jwks_uri: jwksUri,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      claims_supported: ['aud', 'azp', 'email', 'email_verified', 'exp', 'iat', 'iss', 'sub'],
    }),
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(route ? 405 : 404, { 'content-type': 'text/plain' }).end(route ? 'Method Not Allowed' : 'Not Found');
      return;
    }
    Promise.resolve(route()).then(
      (body) => {
        if (typeof body === 'string') response.writeHead(200, { 'content-type': 'text/plain' }).end(body);
        else response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }).end(JSON.stringify(body));
      },
      (error: unknown) => {
        reportError(error);
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      },
    );
  };
}
