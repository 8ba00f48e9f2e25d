'use client';
import Link from 'next/link';
import { TelegramLink } from '../../../src/account/telegram-link.tsx';
import { RequireSession } from '../../../src/session/require-session.tsx';

/** Linking a Telegram chat to the account, and its notification setting. */
export default function TelegramPage() {
  return (
    <RequireSession>
      <p><Link href="/account/">← Account</Link></p>
      <h1>Telegram</h1>
      <TelegramLink />
    </RequireSession>
  );
}
