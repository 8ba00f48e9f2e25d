import { ProblemDetails, TelegramLinkStart, TelegramLinkStatus } from '@plaza/contracts';
import { createService, loadConfig, serviceConfigSchema } from '@plaza/runtime';
import { signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { describe, expect, it } from 'vitest';
import { telegramConfigSchema } from '../telegram-config.ts';
import { telegramLinkStore } from './link-store.ts';
import { telegramLinkRoutes } from './link-routes.ts';
import { linkTokenPattern, linkTokenTtlMs } from './link-token.ts';

/**
 * The link routes on the real emulators (Auth for the ID tokens, Firestore for the links), in
 * process; the bot's side of the link (redeem, /unlink) goes through the same store.
 */
const config = loadConfig(telegramConfigSchema, { TELEGRAM_BOT_USERNAME: 'plaza_test_bot' });
const service = (routes = telegramLinkRoutes({ config: () => config })) =>
  createService({
    name: 'telegram-routes-test',
    config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'demo-plaza', LOG_LEVEL: 'silent' }),
    modules: [{ name: 'telegram', routes }],
  });
const app = service();
const links = telegramLinkStore();

const call = (user: EmulatorUser | undefined, method: string, body?: unknown, target = app) =>
  target.request('/v1/telegram/link', {
    method,
    headers: { ...(user ? { authorization: `Bearer ${user.idToken}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

let chatSeq = 0;
const chat = () => ({ id: 700_000_000 + Math.floor(Math.random() * 1_000_000) * 100 + (chatSeq += 1), username: 'ada_tg', firstName: 'Ada' });

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ProblemDetails.parse(await response.json());
}

describe('POST /v1/telegram/link', () => {
  it('issues a one-time token with its t.me deep link, and the current status', async () => {
    const user = await signUpUser();
    const before = Date.now();
    const response = await call(user, 'POST');
    expect(response.status).toBe(200);
    const body = TelegramLinkStart.parse(await response.json());
    expect(body.token).toMatch(linkTokenPattern);
    expect(body.deepLink).toBe(`https://t.me/plaza_test_bot?start=${body.token}`);
    expect(Date.parse(body.expiresAt) - before).toBeGreaterThanOrEqual(linkTokenTtlMs - 1_000);
    expect(Date.parse(body.expiresAt) - before).toBeLessThanOrEqual(linkTokenTtlMs + 5_000);
    expect(body.status).toEqual({ linked: false, username: null, firstName: null, notifications: null, linkedAt: null });

    // Each request is a fresh token; the bot redeems one, once.
    const second = TelegramLinkStart.parse(await (await call(user, 'POST')).json());
    expect(second.token).not.toBe(body.token);
    const tg = chat();
    expect(await links.redeem(body.token, tg)).toMatchObject({ kind: 'linked', link: { uid: user.uid } });
    expect(await links.redeem(body.token, chat())).toEqual({ kind: 'used' });
    const after = TelegramLinkStart.parse(await (await call(user, 'POST')).json());
    expect(after.status).toMatchObject({ linked: true, username: 'ada_tg', firstName: 'Ada', notifications: true });
  });

  it('answers 503 unavailable when the bot username is not configured', async () => {
    const unconfigured = service(telegramLinkRoutes({ config: () => loadConfig(telegramConfigSchema, {}) }));
    const response = await call(await signUpUser(), 'POST', undefined, unconfigured);
    expect(response.status).toBe(503);
    expect((await problemOf(response)).code).toBe('unavailable');
  });

  it('needs a signed-in user', async () => {
    const response = await call(undefined, 'POST');
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe('unauthenticated');
  });
});

describe('GET, PATCH and DELETE /v1/telegram/link', () => {
  it('shows the status the dashboard needs, switches notifications, and unlinks idempotently', async () => {
    const user = await signUpUser();
    expect(TelegramLinkStatus.parse(await (await call(user, 'GET')).json()).linked).toBe(false);
    const tg = chat();
    const { token } = TelegramLinkStart.parse(await (await call(user, 'POST')).json());
    await links.redeem(token, tg);

    const status = TelegramLinkStatus.parse(await (await call(user, 'GET')).json());
    expect(status).toMatchObject({ linked: true, username: 'ada_tg', firstName: 'Ada', notifications: true });
    expect(Date.now() - Date.parse(status.linkedAt!)).toBeLessThan(60_000);

    const muted = await call(user, 'PATCH', { notifications: false });
    expect(muted.status).toBe(200);
    expect(TelegramLinkStatus.parse(await muted.json()).notifications).toBe(false);
    expect((await links.findByChat(tg.id))?.notifications).toBe(false);

    for (let attempt = 0; attempt < 2; attempt += 1) expect((await call(user, 'DELETE')).status).toBe(204);
    expect(TelegramLinkStatus.parse(await (await call(user, 'GET')).json()).linked).toBe(false);
    expect(await links.findByChat(tg.id)).toBeNull();
  });

  it('404s a preference change without a link, and refuses bad bodies with validation_failed', async () => {
    const user = await signUpUser();
    const unlinked = await call(user, 'PATCH', { notifications: true });
    expect(unlinked.status).toBe(404);
    expect((await problemOf(unlinked)).code).toBe('not_found');

    for (const body of [{ notifications: 'yes' }, {}, { notifications: true, extra: 1 }]) {
      const response = await call(user, 'PATCH', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(response)).code).toBe('validation_failed');
    }
    const malformed = await call(user, 'PATCH', '{"notifications":');
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).code).toBe('malformed_json');
  });

  it('after /unlink in the bot, the dashboard sees no link, and DELETE is still fine', async () => {
    const user = await signUpUser();
    const tg = chat();
    await links.redeem(TelegramLinkStart.parse(await (await call(user, 'POST')).json()).token, tg);
    expect(await links.unlinkByChat(tg.id)).toMatchObject({ uid: user.uid });
    expect(TelegramLinkStatus.parse(await (await call(user, 'GET')).json()).linked).toBe(false);
    expect((await call(user, 'DELETE')).status).toBe(204);
  });
});
