import { TelegramLinkStart, TelegramLinkStatus, UpdateTelegramLinkRequest } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import type { Firestore } from 'firebase-admin/firestore';
import { telegramConfigFromEnvironment, type TelegramConfig } from '../telegram-config.ts';
import { telegramLinkStore } from './link-store.ts';
import { linkStatus } from './link-status.ts';
import { deepLinkFor } from './link-token.ts';

const tags = ['telegram'];

export const getTelegramLinkRoute = defineRoute({
  method: 'get',
  path: '/telegram/link',
  operationId: 'getTelegramLink',
  tags,
  summary: "Whether the signed-in user's account is linked to a Telegram chat",
  access: 'user',
  responses: {
    200: { description: 'The link status', content: { 'application/json': { schema: TelegramLinkStatus } } },
  },
});

export const startTelegramLinkRoute = defineRoute({
  method: 'post',
  path: '/telegram/link',
  operationId: 'startTelegramLink',
  tags,
  summary: 'A one-time token and the t.me deep link that links a Telegram chat to this account',
  description:
    'The token is valid for 10 minutes and redeemed once, by `/start <token>` in the bot (what opening the deep link and pressing Start sends). A chat linked before, of this user or another, is replaced: one user has one chat, one chat one user. 503 `unavailable` when the bot is not configured.',
  access: 'user',
  responses: {
    200: { description: 'The token, its deep link and the current status', content: { 'application/json': { schema: TelegramLinkStart } } },
  },
});

export const updateTelegramLinkRoute = defineRoute({
  method: 'patch',
  path: '/telegram/link',
  operationId: 'updateTelegramLink',
  tags,
  summary: 'Turn notifications to the linked Telegram chat on or off',
  description: '404 `not_found` when no chat is linked.',
  access: 'user',
  request: { body: { required: true, content: { 'application/json': { schema: UpdateTelegramLinkRequest } } } },
  responses: {
    200: { description: 'The link status after the change', content: { 'application/json': { schema: TelegramLinkStatus } } },
  },
});

export const deleteTelegramLinkRoute = defineRoute({
  method: 'delete',
  path: '/telegram/link',
  operationId: 'deleteTelegramLink',
  tags,
  summary: 'Unlink the Telegram chat; unlinking when nothing is linked is fine',
  access: 'user',
  responses: { 204: { description: 'Not linked (any more)' } },
});

export interface TelegramRouteDependencies {
  readonly firestore?: () => Promise<Firestore>;
  readonly config?: () => TelegramConfig;
}

export function telegramLinkRoutes(dependencies: TelegramRouteDependencies = {}) {
  const links = telegramLinkStore(dependencies.firestore);
  const config = dependencies.config ?? telegramConfigFromEnvironment;
  return createRouter()
    .openapi(getTelegramLinkRoute, async (c) => c.json(linkStatus(await links.findByUser(c.get('user').uid)), 200))
    .openapi(startTelegramLinkRoute, async (c) => {
      const botUsername = config().TELEGRAM_BOT_USERNAME;
      if (!botUsername) {
        c.get('logger').error('TELEGRAM_BOT_USERNAME is not set; no deep link can be made');
        throw new ProblemError(503, 'unavailable', 'Linking Telegram is not available right now.');
      }
      const uid = c.get('user').uid;
      const [issued, link] = await Promise.all([links.issueToken(uid), links.findByUser(uid)]);
      return c.json(
        { token: issued.token, deepLink: deepLinkFor(botUsername, issued.token), expiresAt: issued.expiresAt.toISOString(), status: linkStatus(link) },
        200,
      );
    })
    .openapi(updateTelegramLinkRoute, async (c) => {
      const { notifications } = c.req.valid('json');
      const updated = await links.setNotifications({ uid: c.get('user').uid }, notifications);
      if (!updated) throw new ProblemError(404, 'not_found', 'No Telegram chat is linked to this account.');
      return c.json(linkStatus(updated), 200);
    })
    .openapi(deleteTelegramLinkRoute, async (c) => {
      await links.unlinkByUser(c.get('user').uid);
      return c.body(null, 204);
    });
}
