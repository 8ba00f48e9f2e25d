/**
 * The telegram module: account links between Plaza users and Telegram chats, and Telegram as a
 * notification channel. The bot (functions/telegram) links and unlinks chats through `links`.
 */
export * from './links/index.ts';
