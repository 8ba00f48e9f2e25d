import { sessionCookieName } from '../auth/credential.ts';

/** How a caller proves who they are, as the OpenAPI document states it. */
export const securitySchemes = {
  firebaseIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName },
} as const;

/** Either credential is enough. */
export const signedInSecurity: Record<string, string[]>[] = [{ firebaseIdToken: [] }, { sessionCookie: [] }];
