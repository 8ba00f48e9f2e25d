import { subscriptions, type ProblemDetails } from '@plaza/contracts';
import { afterAll } from 'vitest';
import { waitForMail } from '@plaza/emulators/testing';
import { ensureTopology, firestore, pubsub } from '@plaza/runtime';
import { claimsOf } from '@plaza/runtime/testing';
import { localPushEnv } from '../local/local-push.ts';
import { startTestGateway } from '../testing/test-gateway.ts';

/**
 * What the account flow tests share: a gateway of their own, reached as a person would (the
 * Identity Toolkit REST calls the web SDK makes, then the API), and the mail it sends.
 */

export const firstPassword = 'first-Passw0rd-of-mine';

function authEmulator(): string {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('FIREBASE_AUTH_EMULATOR_HOST is not set: run through the platform project');
  return host;
}

/** A call to the Auth emulator's Identity Toolkit API, as the Firebase web SDK makes it. */
export async function identityToolkitCall(method: string, body: object): Promise<Response> {
  return fetch(`http://${authEmulator()}/identitytoolkit.googleapis.com/v1/${method}?key=test-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export interface Person {
  uid: string;
  email: string;
  idToken: string;
}

/** Signs up with email and password, like `createUserWithEmailAndPassword`. */
export async function signUp(options: { name?: string; password?: string } = {}): Promise<Person> {
  const email = `${options.name ?? 'member'}-${crypto.randomUUID().slice(0, 8)}@plaza.test`;
  const response = await identityToolkitCall('accounts:signUp', { email, password: options.password ?? firstPassword, returnSecureToken: true });
  if (!response.ok) throw new Error(`signUp: ${response.status} ${await response.text()}`);
  const { localId, idToken } = (await response.json()) as { localId: string; idToken: string };
  return { uid: localId, email, idToken };
}

/** Like `signInWithEmailAndPassword`: the ID token, or the Identity Toolkit error message. */
export async function signIn(email: string, password: string): Promise<{ idToken: string } | { error: string }> {
  const response = await identityToolkitCall('accounts:signInWithPassword', { email, password, returnSecureToken: true });
  const body = (await response.json()) as { idToken?: string; error?: { message: string } };
  return body.idToken ? { idToken: body.idToken } : { error: body.error?.message ?? `status ${response.status}` };
}

/**
 * A gateway of this test file's own, with push subscriptions of its own: Pub/Sub delivers every
 * event to each subscription, and the consumers' idempotency (per consumer name and event id) makes
 * sure only one gateway acts on it. Sharing the declared subscriptions instead would have test files
 * running in parallel point them at each other's gateways, and at closed ones. The gateway trusts
 * one proxy hop, so each test can pose as its own client address (X-Forwarded-For) and the
 * per-address rate limits stay per test.
 */
export async function startAccountGateway(tag: string): Promise<string> {
  const { origin } = await startTestGateway({ TRUSTED_PROXY_HOPS: '1' });
  const push = localPushEnv(process.env.PUBSUB_EMULATOR_HOST ?? '');
  const ours = subscriptions.map((declaration) => ({ ...declaration, name: `${declaration.name}.${tag}` }));
  const client = await pubsub();
  await ensureTopology(client, {
    pushBaseUrl: origin,
    oidc: { serviceAccountEmail: push.PUSH_SERVICE_ACCOUNT ?? '', audience: push.PUSH_AUDIENCE ?? '' },
    subscriptions: ours,
    ackDeadlineSeconds: 10,
  });
  // Once the gateway is gone, its subscriptions would only push into a closed port.
  afterAll(async () => {
    await Promise.all(ours.map(({ name }) => client.subscription(name).delete()));
  });
  return origin;
}

let lastClientAddress = 0;

/** A client address no other test of this file uses, as the proxy would append it. */
export function clientAddress(): string {
  lastClientAddress += 1;
  return `198.51.${lastClientAddress >> 8}.${lastClientAddress & 255}`;
}

export interface Caller {
  idToken?: string;
  /** X-Forwarded-For; one per test keeps the per-address limits apart. */
  address: string;
}

/** A JSON request to the gateway, as the dashboard would send it. */
export async function callApi(origin: string, method: string, path: string, caller: Caller, body?: unknown): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method,
    headers: {
      'x-forwarded-for': caller.address,
      ...(caller.idToken ? { authorization: `Bearer ${caller.idToken}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function problemOf(response: Response): Promise<ProblemDetails> {
  expectProblemContentType(response);
  return (await response.json()) as ProblemDetails;
}

function expectProblemContentType(response: Response): void {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`Expected a problem, got ${response.status} ${type}`);
}

/** The mode and code of an action link, as the dashboard's /auth/action page reads them. */
export function actionOf(link: string): { mode: string; oobCode: string } {
  const url = new URL(link);
  if (url.pathname !== '/auth/action') throw new Error(`Not a dashboard action link: ${link}`);
  return { mode: url.searchParams.get('mode') ?? '', oobCode: url.searchParams.get('oobCode') ?? '' };
}

/**
 * The data of the events of a type about an address that identity committed to its outbox,
 * oldest first. They commit before the route answers, so no waiting is needed.
 */
export async function outboxEvents(type: string, field: string, value: string): Promise<Record<string, unknown>[]> {
  const snapshot = await (await firestore()).collection('_outbox').where('event.type', '==', type).where(`event.data.${field}`, '==', value).get();
  return snapshot.docs
    .map((doc) => (doc.data() as { event: { time: string; data: Record<string, unknown> } }).event)
    .sort((a, b) => a.time.localeCompare(b.time))
    .map((event) => event.data);
}

/** The account mail a person gets, by subject (the mailer's templates). */
export const mailSubjects = {
  verification: 'Verify your email address for Plaza',
  passwordReset: 'Reset your Plaza password',
  emailChangeConfirm: 'Confirm your new email address for Plaza',
  emailChangedNotice: 'Your Plaza email address was changed',
} as const;

export type MailSubject = (typeof mailSubjects)[keyof typeof mailSubjects];

/**
 * The action link of the newest account mail to `to` with that subject, as the SMTP stand-in
 * caught it: identity's event went through the outbox, Pub/Sub and the mailer's consumer first.
 */
export async function mailedActionLink(to: string, subject: MailSubject, since?: Date): Promise<string> {
  const mail = await waitForMail({ to, subject, ...(since ? { since } : {}), timeoutMs: 15_000 });
  const links = [...new Set(mail.links.filter((link) => link.startsWith('http://127.0.0.1:5000/auth/action?')))];
  if (links.length !== 1) throw new Error(`Expected one action link in "${subject}" to ${to}, found ${links.join(', ') || 'none'}`);
  return links[0]!;
}

/**
 * Revocation is recorded to the second (`validSince`): a token issued in the same second as a
 * revocation still counts as issued after it. Waiting for the next second keeps a check meaningful.
 */
export async function afterTheSecondOf(idToken: string): Promise<void> {
  const issuedAt = Number(claimsOf(idToken)['iat']);
  for (let waits = 0; waits < 3 && Math.floor(Date.now() / 1000) <= issuedAt; waits += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
  }
}
