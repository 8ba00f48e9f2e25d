import type { Schema } from '@plaza/api-client';

export type TelegramLinkStatus = Schema<'TelegramLinkStatus'>;
export type TelegramLinkStart = Schema<'TelegramLinkStart'>;

/** Who the account is linked to, as the page names them: `@username`, else the first name. */
export function telegramName(status: Pick<TelegramLinkStatus, 'username' | 'firstName'>): string {
  if (status.username) return `@${status.username}`;
  return status.firstName ?? 'a Telegram chat';
}

/** The status line an end-to-end test waits for. */
export function telegramStatusText(status: TelegramLinkStatus): string {
  return status.linked ? `Linked to ${telegramName(status)}` : 'Not linked';
}

/** What to paste into the bot by hand when the deep link cannot be opened. */
export function startCommand(token: string): string {
  return `/start ${token}`;
}
