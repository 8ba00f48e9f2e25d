import { ProblemError } from '@plaza/runtime';
import { z } from 'zod';
import { identityConfig } from '../identity-config.ts';

/**
 * The Identity Toolkit REST API (what the Firebase web SDK calls), for the three things
 * firebase-admin cannot do: apply an action code, inspect one, and check a password. Calls carry
 * the project's Web API key, like a browser's would; on the Auth emulator, its copy of the API.
 */

/** An error answer from Identity Toolkit; `reason` is its code, e.g. `INVALID_OOB_CODE`. */
export class IdentityToolkitError extends Error {
  override name = 'IdentityToolkitError';

  constructor(
    readonly reason: string,
    readonly status: number,
    message: string,
  ) {
    super(`Identity Toolkit: ${message}`);
  }
}

const errorAnswer = z.object({ error: z.object({ message: z.string() }) });

async function call<T>(method: string, body: object, answer: z.ZodType<T>): Promise<T> {
  const { identityToolkitUrl, apiKey } = identityConfig();
  let response: Response;
  try {
    response = await fetch(`${identityToolkitUrl}/${method}?key=${encodeURIComponent(apiKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(8_000),
    });
  } catch (error) {
    throw unavailable('The sign-in service did not answer; try again shortly.', error);
  }
  const text = await response.text();
  if (response.status >= 500) {
    throw unavailable(
      'The sign-in service is unavailable; try again shortly.',
      new Error(`Identity Toolkit ${method}: ${response.status} ${text.slice(0, 500)}`),
    );
  }
  const json = parseJson(text);
  if (!response.ok) {
    const parsed = errorAnswer.safeParse(json);
    const message = parsed.success ? parsed.data.error.message : `${response.status} ${text.slice(0, 500)}`;
    // Messages look like "WEAK_PASSWORD : Password should be at least 6 characters".
    const reason = message.split(':')[0]?.trim() ?? message;
    throw new IdentityToolkitError(reason, response.status, `${method}: ${message}`);
  }
  return answer.parse(json);
}

/** A 503 for the client; the cause goes to the log (the service logs 5xx problems with their error). */
function unavailable(detail: string, cause: unknown): ProblemError {
  return Object.assign(new ProblemError(503, 'unavailable', detail), { cause });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What Identity Toolkit calls each kind of action code. */
export const requestTypes = {
  VERIFY_EMAIL: 'verifyEmail',
  PASSWORD_RESET: 'resetPassword',
  VERIFY_AND_CHANGE_EMAIL: 'verifyAndChangeEmail',
} as const;

const inspectedCode = z.object({
  requestType: z.string().optional(),
  email: z.string().optional(),
  newEmail: z.string().optional(),
});

export type InspectedCode = z.infer<typeof inspectedCode>;

export const identityToolkit = {
  /** What a code is for and whose it is, without using it (`accounts:resetPassword` with only the code). */
  inspectCode(oobCode: string): Promise<InspectedCode> {
    return call('accounts:resetPassword', { oobCode }, inspectedCode);
  },

  /** Uses a verifyEmail or verifyAndChangeEmail code (`accounts:update` with the code). */
  async applyEmailCode(oobCode: string): Promise<void> {
    await call('accounts:update', { oobCode }, z.unknown());
  },

  /** Uses a resetPassword code to set the new password. */
  async resetPassword(oobCode: string, newPassword: string): Promise<void> {
    await call('accounts:resetPassword', { oobCode, newPassword }, z.unknown());
  },

  /** Whether the password is the account's: a sign-in whose tokens we throw away. */
  async signInWithPassword(email: string, password: string): Promise<{ uid: string }> {
    const signedIn = await call(
      'accounts:signInWithPassword',
      { email, password, returnSecureToken: false },
      z.object({ localId: z.string() }),
    );
    return { uid: signedIn.localId };
  },
};
