import { firestore } from '@plaza/runtime';
import type { DocumentReference, Firestore, Transaction } from 'firebase-admin/firestore';
import { linkTokenHash, linkTokenPattern, linkTokenTtlMs, newLinkToken } from './link-token.ts';
import {
  storedChatSchema,
  storedLinkSchema,
  storedTokenSchema,
  toTelegramLink,
  type LinkedChat,
  type TelegramLink,
} from './telegram-link.ts';

/** The module's collections; no other module reads or writes them. */
export const telegramCollections = {
  /** `telegramLinks/{uid}`: the link, the user's preferences for the chat. */
  links: 'telegramLinks',
  /** `telegramChats/{chatId}`: which user a chat belongs to; written in the same transactions as the link. */
  chats: 'telegramChats',
  /** `telegramLinkTokens/{sha256(token)}`: one-time tokens; TTL on `expireAt`. */
  tokens: 'telegramLinkTokens',
} as const;

export interface IssuedLinkToken {
  /** The secret itself: shown once, in the deep link; only its hash is stored. */
  readonly token: string;
  readonly expiresAt: Date;
}

export type RedeemResult =
  | {
      readonly kind: 'linked';
      readonly link: TelegramLink;
      /** True when this chat was already linked to this user by this token (a repeated /start). */
      readonly alreadyLinked: boolean;
      /** The chat the user was linked to before, now unlinked (one user, one chat). */
      readonly replacedChatId: number | null;
      /** The user this chat was linked to before, now unlinked (one chat, one user). */
      readonly previousUid: string | null;
    }
  /** The token was redeemed before, by another chat or for a link that has since been removed. */
  | { readonly kind: 'used' }
  | { readonly kind: 'expired' }
  /** Never issued, malformed, or so old it was deleted: a forged token looks like this. */
  | { readonly kind: 'unknown' };

/** Who a preference change is for: the API knows the user, the bot knows the chat. */
export type LinkTarget = { readonly uid: string } | { readonly chatId: number };

/**
 * Account links between Plaza users and Telegram chats. One user has at most one chat and one
 * chat belongs to at most one user: linking replaces whatever either side was linked to before.
 * Every change runs in one transaction over the link and the chat index, so they never disagree.
 */
export function telegramLinkStore(db: () => Promise<Firestore> = firestore) {
  const refs = async () => {
    const store = await db();
    return {
      store,
      link: (uid: string) => store.collection(telegramCollections.links).doc(uid),
      chat: (chatId: number) => store.collection(telegramCollections.chats).doc(String(chatId)),
      token: (hash: string) => store.collection(telegramCollections.tokens).doc(hash),
    };
  };

  async function readLink(tx: Transaction, ref: DocumentReference) {
    const snapshot = await tx.get(ref);
    return snapshot.exists ? storedLinkSchema.parse(snapshot.data()) : undefined;
  }

  async function readChat(tx: Transaction, ref: DocumentReference) {
    const snapshot = await tx.get(ref);
    return snapshot.exists ? storedChatSchema.parse(snapshot.data()) : undefined;
  }

  /** Removes the user's link and its chat index entry, in the caller's transaction (reads first, then deletes). */
  async function unlinkUserIn(tx: Transaction, uid: string): Promise<TelegramLink | null> {
    const r = await refs();
    const link = await readLink(tx, r.link(uid));
    if (!link) return null;
    const chat = await readChat(tx, r.chat(link.chatId));
    tx.delete(r.link(uid));
    if (chat?.uid === uid) tx.delete(r.chat(link.chatId));
    return toTelegramLink(link);
  }

  async function findByUser(uid: string): Promise<TelegramLink | null> {
    const snapshot = await (await refs()).link(uid).get();
    return snapshot.exists ? toTelegramLink(storedLinkSchema.parse(snapshot.data())) : null;
  }

  async function uidFor(target: LinkTarget): Promise<string | undefined> {
    if ('uid' in target) return target.uid;
    const snapshot = await (await refs()).chat(target.chatId).get();
    return snapshot.exists ? storedChatSchema.parse(snapshot.data()).uid : undefined;
  }

  /** Changes a field of an existing link; null when there is no link (or the chat moved meanwhile). */
  async function update(target: LinkTarget, fields: Partial<Pick<TelegramLink, 'notifications' | 'location'>>): Promise<TelegramLink | null> {
    const uid = await uidFor(target);
    if (uid === undefined) return null;
    const r = await refs();
    return r.store.runTransaction(async (tx) => {
      const stored = await readLink(tx, r.link(uid));
      if (!stored || ('chatId' in target && stored.chatId !== target.chatId)) return null;
      tx.update(r.link(uid), fields);
      return { ...toTelegramLink(stored), ...fields };
    });
  }

  return {
    /** A new one-time token for `uid`, valid for ten minutes. */
    async issueToken(uid: string, now = new Date()): Promise<IssuedLinkToken> {
      const token = newLinkToken();
      const expiresAt = new Date(now.getTime() + linkTokenTtlMs);
      await (await refs()).token(linkTokenHash(token)).create({ uid, createdAt: now, expireAt: expiresAt, usedAt: null, usedByChat: null });
      return { token, expiresAt };
    },

    /** Links `chat` to the user the token was issued to; see RedeemResult for every outcome. */
    async redeem(token: string, chat: LinkedChat, now = new Date()): Promise<RedeemResult> {
      if (!linkTokenPattern.test(token)) return { kind: 'unknown' };
      const r = await refs();
      return r.store.runTransaction(async (tx): Promise<RedeemResult> => {
        // Every read before any write, as Firestore transactions require.
        const tokenSnapshot = await tx.get(r.token(linkTokenHash(token)));
        if (!tokenSnapshot.exists) return { kind: 'unknown' };
        const issued = storedTokenSchema.parse(tokenSnapshot.data());
        const { uid } = issued;
        const current = await readLink(tx, r.link(uid));
        if (issued.usedAt !== null) {
          // The same /start again (a double tap, a redelivered update): still linked, nothing to do.
          if (issued.usedByChat === chat.id && current?.chatId === chat.id) {
            return { kind: 'linked', link: toTelegramLink(current), alreadyLinked: true, replacedChatId: null, previousUid: null };
          }
          return { kind: 'used' };
        }
        if (issued.expireAt.toDate().getTime() <= now.getTime()) return { kind: 'expired' };

        const chatIndex = await readChat(tx, r.chat(chat.id));
        const previousUid = chatIndex && chatIndex.uid !== uid ? chatIndex.uid : null;
        const previousOwnersLink = previousUid === null ? undefined : await readLink(tx, r.link(previousUid));
        const replacedChatId = current && current.chatId !== chat.id ? current.chatId : null;
        const replacedChatIndex = replacedChatId === null ? undefined : await readChat(tx, r.chat(replacedChatId));

        if (previousUid !== null && previousOwnersLink?.chatId === chat.id) tx.delete(r.link(previousUid));
        if (replacedChatId !== null && replacedChatIndex?.uid === uid) tx.delete(r.chat(replacedChatId));
        const sameChat = current?.chatId === chat.id;
        const previous = current ? toTelegramLink(current) : undefined;
        const link: TelegramLink = {
          uid,
          chatId: chat.id,
          username: chat.username ?? null,
          firstName: chat.firstName ?? null,
          // The user's preferences survive moving to another chat.
          notifications: previous?.notifications ?? true,
          location: previous?.location ?? null,
          linkedAt: sameChat && previous ? previous.linkedAt : now,
        };
        tx.set(r.link(uid), link);
        tx.set(r.chat(chat.id), { uid, linkedAt: link.linkedAt });
        tx.update(r.token(linkTokenHash(token)), { usedAt: now, usedByChat: chat.id });
        return {
          kind: 'linked',
          link,
          alreadyLinked: sameChat,
          replacedChatId,
          previousUid,
        };
      });
    },

    findByUser,

    async findByChat(chatId: number): Promise<TelegramLink | null> {
      const uid = await uidFor({ chatId });
      if (uid === undefined) return null;
      const link = await findByUser(uid);
      return link?.chatId === chatId ? link : null;
    },

    /** Removes the user's link; null when there was none (unlinking twice is fine). */
    async unlinkByUser(uid: string): Promise<TelegramLink | null> {
      const r = await refs();
      return r.store.runTransaction((tx) => unlinkUserIn(tx, uid));
    },

    /** Removes the chat's link (the bot's /unlink, or a chat that blocked the bot); null when there was none. */
    async unlinkByChat(chatId: number): Promise<TelegramLink | null> {
      const r = await refs();
      return r.store.runTransaction(async (tx) => {
        const chat = await readChat(tx, r.chat(chatId));
        if (!chat) return null;
        const link = await readLink(tx, r.link(chat.uid));
        tx.delete(r.chat(chatId));
        if (link?.chatId !== chatId) return null;
        tx.delete(r.link(chat.uid));
        return toTelegramLink(link);
      });
    },

    /** In a caller's transaction (the deletion consumer's), so the removal commits with its processed marker. */
    unlinkUserIn,

    /** Forgets the user's unredeemed tokens, so none can link a deleted account. */
    async deleteTokensOf(uid: string): Promise<number> {
      const r = await refs();
      const snapshot = await r.store.collection(telegramCollections.tokens).where('uid', '==', uid).select().get();
      if (snapshot.empty) return 0;
      const batch = r.store.batch();
      for (const doc of snapshot.docs) batch.delete(doc.ref);
      await batch.commit();
      return snapshot.size;
    },

    /** Turns notifications to the linked chat on or off; null when not linked. */
    setNotifications(target: LinkTarget, on: boolean): Promise<TelegramLink | null> {
      return update(target, { notifications: on });
    },

    /** Stores the location the chat shared (for /weather); null when the chat is not linked. */
    setLocation(chatId: number, location: { lat: number; lon: number }, now = new Date()): Promise<TelegramLink | null> {
      return update({ chatId }, { location: { lat: location.lat, lon: location.lon, updatedAt: now } });
    },
  };
}

export type TelegramLinkStore = ReturnType<typeof telegramLinkStore>;
