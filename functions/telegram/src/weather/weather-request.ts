import { telegramWeatherRequested } from '@plaza/contracts';
import { runUseCase, type Logger } from '@plaza/runtime';
import type { z } from 'zod';

export type TelegramWeatherRequested = z.infer<typeof telegramWeatherRequested.schema>;

/**
 * Publishes the request through the outbox: if the process dies after the commit, the sweeper
 * still delivers it. The publish is awaited (Cloud Functions throttles the CPU after the answer)
 * but it is one Firestore commit and one Pub/Sub publish, never the weather lookup.
 */
export async function publishWeatherRequest(request: TelegramWeatherRequested, logger: Logger): Promise<void> {
  await runUseCase(
    async ({ emit }) => {
      emit(telegramWeatherRequested, request, { subject: `telegramChats/${request.chatId}` });
    },
    { logger },
  );
}
