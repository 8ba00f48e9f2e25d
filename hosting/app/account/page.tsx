'use client';
import Link from 'next/link';
import { useState } from 'react';
import styles from '../../src/account/account.module.css';
import { DeleteSection } from '../../src/account/delete-section.tsx';
import { EmailSection } from '../../src/account/email-section.tsx';
import { PasswordSection } from '../../src/account/password-section.tsx';
import { ProfileSection } from '../../src/account/profile-section.tsx';
import { SessionsSection } from '../../src/account/sessions-section.tsx';
import { RequireSession } from '../../src/session/require-session.tsx';
import { useSession } from '../../src/session/session-context.tsx';

/** Account settings: profile, email, password, sessions, Telegram and deleting the account. */
export default function AccountPage() {
  const { refresh } = useSession();
  const [deleted, setDeleted] = useState<string>();
  if (deleted !== undefined) {
    return (
      <div className={styles.goodbye}>
        <h1>Your account is deleted</h1>
        <p role="status" className="ok">Goodbye. The account of {deleted} no longer works, and its data is being removed.</p>
        <p><Link href="/sign-up/">Create a new account</Link> whenever you like.</p>
      </div>
    );
  }
  return (
    <RequireSession>
      <h1>Account</h1>
      <div className={styles.sections}>
        <ProfileSection />
        <EmailSection />
        <PasswordSection />
        <section className={`card ${styles.section}`} aria-labelledby="telegram-heading">
          <h2 id="telegram-heading">Telegram</h2>
          <p>Get your notifications in Telegram and use the Plaza bot.</p>
          <p><Link href="/account/telegram/">Link or manage Telegram</Link></p>
        </section>
        <SessionsSection />
        <DeleteSection
          onDeleted={(who) => {
            setDeleted(who);
            // The session cookie no longer works: reading it again shows everyone a signed-out header.
            void refresh();
          }}
        />
      </div>
    </RequireSession>
  );
}
