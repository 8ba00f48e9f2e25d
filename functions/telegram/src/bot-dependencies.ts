import type { TelegramWeatherRequested } from './weather/weather-request.ts';
import type { TelegramLinkStore } from '@plaza/telegram';
import type { Logger } from '@plaza/runtime';
import type { UpdateClaims } from './update-claims.ts';
import type { LinkedProfile } from './linked-profile.ts';

/** What the bot's commands reach outside grammY; the tests pass the same real adapters. */
export interface BotDependencies {
  /** The telegram module's account links (`@plaza/telegram`). */
  readonly links: Pick<TelegramLinkStore, 'redeem' | 'findByChat' | 'unlinkByChat' | 'setNotifications' | 'setLocation'>;
  readonly claims: UpdateClaims;
  /** The linked user's profile, from identity. */
  readProfile(uid: string): Promise<LinkedProfile | undefined>;
  /** Publishes a weather request for the consumer to answer (never awaits the weather itself). */
  requestWeather(request: TelegramWeatherRequested, logger: Logger): Promise<void>;
  /** The dashboard, where links are made. */
  readonly appUrl: string;
  readonly logger: Logger;
}
