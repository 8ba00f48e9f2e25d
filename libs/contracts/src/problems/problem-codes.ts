/**
 * Stable machine-readable error codes. Clients branch on these, never on `title` or `detail`,
 * so a code once published is never renamed or reused for another meaning.
 */
export const problemCodes = [
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'timeout',
  'conflict',
  /** PATCH /v1/me/profile: another member holds the username (409). */
  'username_taken',
  /** POST /v1/me/email: the last sign-in is too old for this change; sign in again (401). */
  'reauthentication_required',
  /** An outside service (e.g. Open-Meteo) failed or answered nonsense, and nothing cached could stand in (502). */
  'upstream_failed',
  /** An outside service did not answer in time, and nothing cached could stand in (504). */
  'upstream_timeout',
  /** A signed-in user's sessions were revoked (logout everywhere, an admin): sign in again (401). */
  'session_revoked',
  /** The account is disabled in Firebase Auth (401). */
  'account_disabled',
  /** An unsafe request authenticated by the session cookie lacks the right X-CSRF-Token (403). */
  'csrf_failed',
  /** ACCESS_ALLOWLIST is set and the caller's verified email is not on it (403). */
  'access_denied',
  'unavailable',
  'internal',
] as const;

export type ProblemCode = (typeof problemCodes)[number];
