import { firestore } from '@plaza/runtime';
import { linkTokens } from '@plaza/telegram';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TelegramWeatherRequested } from './weather/weather-request.ts';
import { messageUpdate, newChatId, startBotUnderTest, type BotUnderTest } from './testing/bot-under-test.ts';
import { telegramUpdatesCollection, updateClaimId } from './update-claims.ts';

/**
 * What happens when handling an update goes wrong or takes too long. The weather publisher is
 * replaced by one the test controls: it fails on request, or holds the update for a while.
 */
let harness: BotUnderTest;
const behaviour = { failNext: false, holdMs: 0 };
const published: TelegramWeatherRequested[] = [];

beforeAll(async () => {
  harness = await startBotUnderTest(
    {
      async requestWeather(request) {
        if (behaviour.failNext) {
          behaviour.failNext = false;
          throw new Error('Pub/Sub is down');
        }
        if (behaviour.holdMs > 0) await new Promise((resolve) => setTimeout(resolve, behaviour.holdMs));
        published.push(request);
      },
    },
    { TELEGRAM_WEBHOOK_TIMEOUT_MS: '300' },
  );
});

async function linkedChat(): Promise<number> {
  const chatId = newChatId();
  const { token } = await linkTokens.issue(`failures-member-${chatId}`);
  await harness.inject(messageUpdate(chatId, `/start ${token}`));
  return chatId;
}

describe('an update that fails', () => {
  it('is answered 500 with its claim given back, so Telegram’s redelivery runs it', async () => {
    const chatId = await linkedChat();
    const update = { update_id: 930_000_000 + (chatId % 100_000), ...messageUpdate(chatId, '/weather now') };
    behaviour.failNext = true;
    const failed = await harness.inject(update);
    expect(failed.status).toBe(500);
    expect((await (await firestore()).collection(telegramUpdatesCollection).doc(updateClaimId(harness.bot.user.id, update.update_id)).get()).exists).toBe(false);
    expect(harness.logs.some((line) => line.updateId === update.update_id && line.severity === 'ERROR')).toBe(true);

    const redelivered = await harness.inject(update);
    expect(redelivered.status).toBe(200);
    expect(published.filter((request) => request.chatId === chatId)).toHaveLength(1);
  });
});

describe('an update that outlasts the webhook timeout', () => {
  it('is answered 200 in time and logged, and still finishes', async () => {
    const chatId = await linkedChat();
    behaviour.holdMs = 1_000;
    try {
      const delivered = await harness.inject(messageUpdate(chatId, '/weather 3h'));
      expect(delivered.status).toBe(200);
      // Answered while the update was still held: nothing published yet.
      expect(published.filter((request) => request.chatId === chatId)).toHaveLength(0);
      expect(harness.logs.some((line) => line.message.startsWith('update still running at the webhook timeout'))).toBe(true);
      await expect.poll(() => published.filter((request) => request.chatId === chatId).length, { timeout: 5_000 }).toBe(1);
    } finally {
      behaviour.holdMs = 0;
    }
  });
});
