import type { UserFromGetMe } from 'grammy/types';
import type { TelegramWebhookConfig } from './webhook-config.ts';

/**
 * What getMe would answer, from configuration: the bot's id is the token's prefix. grammY needs
 * it to recognise commands addressed to the bot (`/help@plaza_bot`); passing it spares every cold
 * start a call to Telegram.
 */
export function botInfoFrom(config: Pick<TelegramWebhookConfig, 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_BOT_USERNAME' | 'TELEGRAM_BOT_NAME'>): UserFromGetMe {
  const id = Number(config.TELEGRAM_BOT_TOKEN.slice(0, config.TELEGRAM_BOT_TOKEN.indexOf(':')));
  return {
    id,
    is_bot: true,
    first_name: config.TELEGRAM_BOT_NAME,
    username: config.TELEGRAM_BOT_USERNAME,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
