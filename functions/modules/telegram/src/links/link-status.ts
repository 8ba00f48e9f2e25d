import type { TelegramLinkStatus } from '@plaza/contracts';
import type { TelegramLink } from './telegram-link.ts';

/** What the dashboard shows about a user's link. */
export function linkStatus(link: TelegramLink | null): TelegramLinkStatus {
  if (!link) return { linked: false, username: null, firstName: null, notifications: null, linkedAt: null };
  return { linked: true, username: link.username, firstName: link.firstName, notifications: link.notifications, linkedAt: link.linkedAt.toISOString() };
}
