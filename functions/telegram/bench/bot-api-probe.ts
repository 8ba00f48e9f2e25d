import { Api } from 'grammy';

/**
 * Calls the Bot API the way the bundled webhook and consumers do, to prove a bundle built with
 * the bundler's node-fetch alias (grammY on Node's own fetch) still speaks it: getMe, then a sendMessage with a
 * keyboard, printed as one JSON line. Used by src/webhook-bundle.test.ts.
 */
const api = new Api(process.env.TELEGRAM_BOT_TOKEN ?? '', { apiRoot: process.env.TELEGRAM_API_ROOT });
const me = await api.getMe();
const sent = await api.sendMessage(Number(process.env.PROBE_CHAT_ID), 'probe', { reply_markup: { keyboard: [[{ text: 'Share', request_location: true }]], one_time_keyboard: true } });
const refused = await api.sendMessage(Number(process.env.PROBE_CHAT_ID), '').then(
  () => 'accepted',
  (error: { error_code?: number; description?: string }) => `${error.error_code} ${error.description}`,
);
console.log(JSON.stringify({ username: me.username, text: sent.text, refused }));
