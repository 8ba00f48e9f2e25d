import { z } from 'zod';
import { permissions } from '../permissions/permission-catalog.ts';

/**
 * `POST /v1/auth/session`: the ID token of a sign-in made in the last 5 minutes. It may come
 * as `Authorization: Bearer` instead (the better way: a Bearer request needs no CSRF token
 * and ignores a stale cookie the browser may still hold).
 */
export const CreateSessionRequest = z
  .object({
    idToken: z
      .string()
      .min(1)
      .max(8192)
      .optional()
      .describe('A Firebase ID token from a sign-in in the last 5 minutes; required unless sent as Bearer'),
  })
  .strict()
  .meta({ id: 'CreateSessionRequest' });
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

const csrfToken = z.string().describe('Send it as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE signed in by the cookie');

/** The session cookie itself is HttpOnly, in `Set-Cookie`; the body has what scripts need. */
export const SessionResponse = z
  .object({ csrfToken, expiresAt: z.iso.datetime().describe('When the session cookie expires') })
  .meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof SessionResponse>;

/** `GET /v1/auth/csrf`: the CSRF token of the session cookie the request carries. */
export const CsrfTokenResponse = z.object({ csrfToken }).meta({ id: 'CsrfTokenResponse' });
export type CsrfTokenResponse = z.infer<typeof CsrfTokenResponse>;

/** `GET /v1/auth/permissions?check=`: one permission of the catalog. */
export const PermissionCheckQuery = z.object({ check: z.enum(permissions).describe('A permission of the catalog') });
export type PermissionCheckQuery = z.infer<typeof PermissionCheckQuery>;

export const PermissionCheckResponse = z
  .object({ permission: z.enum(permissions), granted: z.boolean() })
  .meta({ id: 'PermissionCheckResponse' });
export type PermissionCheckResponse = z.infer<typeof PermissionCheckResponse>;
