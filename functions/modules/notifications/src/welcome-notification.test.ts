import { describe, expect, it } from 'vitest';
import { storedInboxItemSchema } from './inbox-item.ts';
import { welcomeNotification } from './welcome-notification.ts';

const at = new Date('2026-01-02T03:04:05.000Z');

describe('welcomeNotification', () => {
  it('greets by display name, else by the email local part, else nobody in particular', () => {
    expect(welcomeNotification({ displayName: 'Ada', email: 'ada@example.com' }, at).title).toBe('Welcome to Plaza, Ada!');
    expect(welcomeNotification({ displayName: null, email: 'grace@example.com' }, at).title).toBe('Welcome to Plaza, grace!');
    expect(welcomeNotification({ displayName: null, email: null }, at).title).toBe('Welcome to Plaza!');
  });

  it('is an unread item that the inbox schema accepts', () => {
    const item = welcomeNotification({ displayName: 'Ada', email: null }, at);
    expect(storedInboxItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({ kind: 'welcome', readAt: null, createdAt: '2026-01-02T03:04:05.000Z' });
  });
});
