import { describe, expect, it } from 'vitest';
import { MailStore, type NewMessage } from './mail-store.ts';

const message = (to: string, subject: string): NewMessage => ({
  messageId: null,
  from: 'Plaza <no-reply@plaza.local>',
  to: [to],
  subject,
  text: subject,
  html: null,
  links: [],
});

describe('MailStore', () => {
  it('lists newest first, filtered by recipient whatever the case', () => {
    const store = new MailStore();
    store.add(message('Ada@example.com', 'first'));
    store.add(message('bob@example.com', 'other'));
    store.add(message('ada@example.com', 'second'));
    expect(store.list('ADA@example.com').map((m) => m.subject)).toEqual(['second', 'first']);
    expect(store.list().map((m) => m.subject)).toEqual(['second', 'other', 'first']);
  });

  it('keeps only the newest messages past its capacity', () => {
    const store = new MailStore(2);
    const first = store.add(message('a@example.com', '1'));
    store.add(message('a@example.com', '2'));
    store.add(message('a@example.com', '3'));
    expect(store.list().map((m) => m.subject)).toEqual(['3', '2']);
    expect(store.get(first.id)).toBeUndefined();
  });

  it('finds a message by id and forgets everything on clear', () => {
    const store = new MailStore();
    const stored = store.add(message('a@example.com', 'hello'));
    expect(store.get(stored.id)?.subject).toBe('hello');
    store.clear();
    expect(store.list()).toEqual([]);
  });
});
