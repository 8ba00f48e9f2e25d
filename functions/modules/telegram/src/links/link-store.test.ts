import { firestore } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { linkTokenHash, linkTokenPattern, linkTokenTtlMs } from './link-token.ts';
import { telegramCollections, telegramLinkStore } from './link-store.ts';

process.env.METADATA_SERVER_DETECTION ??= 'none';

const links = telegramLinkStore();
const newUid = () => `tg-${crypto.randomUUID()}`;
let chatSeq = Math.floor(Math.random() * 1e9);
const newChat = () => ({ id: 1_000_000_000 + (chatSeq += 1), username: 'ada_l', firstName: 'Ada' });

async function chatIndex(chatId: number) {
  return (await (await firestore()).collection(telegramCollections.chats).doc(String(chatId)).get()).data();
}

describe('telegram links', () => {
  it('issues 256-bit deep-link-safe tokens and stores only their hash', async () => {
    const uid = newUid();
    const now = new Date();
    const { token, expiresAt } = await links.issueToken(uid, now);
    expect(token).toMatch(linkTokenPattern);
    expect(token.length).toBeLessThanOrEqual(64);
    expect(expiresAt.getTime() - now.getTime()).toBe(linkTokenTtlMs);
    const tokens = (await firestore()).collection(telegramCollections.tokens);
    expect((await tokens.doc(token).get()).exists).toBe(false);
    const stored = (await tokens.doc(linkTokenHash(token)).get()).data();
    expect(stored).toMatchObject({ uid, usedAt: null, usedByChat: null });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('links a chat once; the same /start again is fine, another chat is refused, and the token does not outlive the link', async () => {
    const uid = newUid();
    const chat = newChat();
    const { token } = await links.issueToken(uid);
    const first = await links.redeem(token, chat);
    expect(first).toMatchObject({ kind: 'linked', alreadyLinked: false, replacedChatId: null, previousUid: null });
    expect(first.kind === 'linked' && first.link).toMatchObject({ uid, chatId: chat.id, username: 'ada_l', firstName: 'Ada', notifications: true, location: null });
    expect(await links.redeem(token, chat)).toMatchObject({ kind: 'linked', alreadyLinked: true });
    expect(await links.redeem(token, newChat())).toEqual({ kind: 'used' });
    expect(await chatIndex(chat.id)).toMatchObject({ uid });
    expect(await links.findByChat(chat.id)).toMatchObject({ uid, chatId: chat.id });
    expect(await links.findByUser(uid)).toMatchObject({ uid, chatId: chat.id });

    await links.unlinkByChat(chat.id);
    // A replayed /start after /unlink does not bring the link back: the token was spent.
    expect(await links.redeem(token, chat)).toEqual({ kind: 'used' });
    expect(await links.findByUser(uid)).toBeNull();
  });

  it('refuses expired, unknown and malformed tokens without linking anything', async () => {
    const uid = newUid();
    const chat = newChat();
    const issuedAt = new Date(Date.now() - linkTokenTtlMs - 1);
    const { token } = await links.issueToken(uid, issuedAt);
    expect(await links.redeem(token, chat)).toEqual({ kind: 'expired' });
    expect(await links.redeem('A'.repeat(43), chat)).toEqual({ kind: 'unknown' });
    expect(await links.redeem('short', chat)).toEqual({ kind: 'unknown' });
    expect(await links.redeem(`${'a'.repeat(42)}!`, chat)).toEqual({ kind: 'unknown' });
    expect(await links.findByUser(uid)).toBeNull();
    expect(await chatIndex(chat.id)).toBeUndefined();
  });

  it('keeps one chat per user and one user per chat, carrying the user preferences to a new chat', async () => {
    const [ada, grace] = [newUid(), newUid()];
    const [phone, laptop] = [newChat(), newChat()];
    await links.redeem((await links.issueToken(ada)).token, phone);
    await links.setNotifications({ uid: ada }, false);
    await links.setLocation(phone.id, { lat: 52.5, lon: 13.4 });

    const moved = await links.redeem((await links.issueToken(ada)).token, laptop);
    expect(moved).toMatchObject({ kind: 'linked', replacedChatId: phone.id, previousUid: null });
    expect(moved.kind === 'linked' && moved.link).toMatchObject({ chatId: laptop.id, notifications: false, location: { lat: 52.5, lon: 13.4 } });
    expect(await chatIndex(phone.id)).toBeUndefined();
    expect(await links.findByChat(phone.id)).toBeNull();

    const taken = await links.redeem((await links.issueToken(grace)).token, laptop);
    expect(taken).toMatchObject({ kind: 'linked', replacedChatId: null, previousUid: ada });
    expect(await links.findByUser(ada)).toBeNull();
    expect(await links.findByChat(laptop.id)).toMatchObject({ uid: grace, notifications: true, location: null });
  });

  it('unlinks by user or by chat idempotently, and changes preferences only of linked chats', async () => {
    const uid = newUid();
    const chat = newChat();
    expect(await links.setNotifications({ chatId: chat.id }, false)).toBeNull();
    expect(await links.setLocation(chat.id, { lat: 1, lon: 2 })).toBeNull();
    await links.redeem((await links.issueToken(uid)).token, chat);
    expect(await links.setNotifications({ chatId: chat.id }, false)).toMatchObject({ notifications: false });
    expect((await links.setNotifications({ uid }, true))?.notifications).toBe(true);

    expect(await links.unlinkByUser(uid)).toMatchObject({ uid, chatId: chat.id });
    expect(await links.unlinkByUser(uid)).toBeNull();
    expect(await links.unlinkByChat(chat.id)).toBeNull();
    expect(await chatIndex(chat.id)).toBeUndefined();
  });

  it('forgets the unredeemed tokens of a user', async () => {
    const uid = newUid();
    const { token } = await links.issueToken(uid);
    await links.issueToken(uid);
    expect(await links.deleteTokensOf(uid)).toBe(2);
    expect(await links.redeem(token, newChat())).toEqual({ kind: 'unknown' });
  });
});
