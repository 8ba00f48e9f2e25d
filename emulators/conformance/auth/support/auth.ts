import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { afterAll } from 'vitest';
import { emulatorHost } from '../../support/emulator-host.ts';

/**
 * Clients of the Auth emulator under test, found through FIREBASE_AUTH_EMULATOR_HOST and
 * GCLOUD_PROJECT as application code finds them. global-setup.ts sets both (or, with
 * PLAZA_EMULATORS=external, the developer points them at a firebase-tools Auth emulator).
 *
 * Sign-ups through an API key (REST and the web SDK) land in the emulator's default project, which
 * every test file shares: tests there use unique emails and never reset. Only a project of a
 * file's own may be reset.
 */
export function authEmulatorHost(): string {
  return emulatorHost('FIREBASE_AUTH_EMULATOR_HOST');
}

/** The emulator's default project: where API-key sign-ups go. */
export const defaultProjectId = process.env.GCLOUD_PROJECT ?? 'demo-plaza';

/** Any string is a valid API key to the emulator. */
export const apiKey = 'fake-api-key';

const runId = `${Date.now().toString(36)}-${process.pid}`;
let lastEmail = 0;

/** An address no other test, nor an earlier run against a long-lived emulator, signed up with. */
export function uniqueEmail(label: string): string {
  lastEmail += 1;
  return `${label}-${runId}-${lastEmail}@example.com`;
}

/** firebase-admin's Auth for a project, deleted after the file's tests. */
export function adminAuth(projectId: string = defaultProjectId): Auth {
  const app: App = initializeApp({ projectId }, `auth-conformance-${projectId}-${runId}`);
  afterAll(() => deleteApp(app));
  return getAuth(app);
}

export interface IdentityToolkitSession {
  localId: string;
  idToken: string;
}

/** Calls the emulator's Identity Toolkit REST API as a client app does, with an API key. */
export async function identityToolkit(method: 'signUp' | 'signInWithPassword', body: object): Promise<IdentityToolkitSession> {
  const url = `http://${authEmulatorHost()}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=${apiKey}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`accounts:${method} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as IdentityToolkitSession;
}

/** The emulator's documented reset: deletes every account of one project. */
export async function deleteAllAccounts(projectId: string): Promise<void> {
  const url = `http://${authEmulatorHost()}/emulator/v1/projects/${projectId}/accounts`;
  const response = await fetch(url, { method: 'DELETE' });
  if (!response.ok) throw new Error(`resetting ${projectId} answered ${response.status}: ${await response.text()}`);
}
