import type { StoredInboxItem } from './inbox-item.ts';

export interface NewMember {
  displayName: string | null;
  email: string | null;
}

/** The first item in every inbox: greets the member by the best name we know. */
export function welcomeNotification(member: NewMember, at: Date): StoredInboxItem {
  const name = member.displayName ?? member.email?.split('@')[0] ?? null;
  return {
    kind: 'welcome',
    title: name ? `Welcome to Plaza, ${name}!` : 'Welcome to Plaza!',
    body: 'Your account is ready. Follow people, join conversations and say hello.',
    createdAt: at.toISOString(),
    readAt: null,
  };
}
