import { sessionCookieName } from '../auth/credential.ts';

/** How a caller proves who they are, as the OpenAPI document states it. */
export const securitySchemes = {
  firebaseIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token' },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description:
      'Set by POST /v1/auth/session. Unsafe requests (POST, PUT, PATCH, DELETE) signed in by this cookie must also send ' +
      'the `X-CSRF-Token` header that POST /v1/auth/session and GET /v1/auth/csrf return; without it they get 403 `csrf_failed`.',
  },
} as const;

/** Either credential is enough. */
export const signedInSecurity: Record<string, string[]>[] = [{ firebaseIdToken: [] }, { sessionCookie: [] }];
