'use client';
import { expectOk } from '@plaza/api-client';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../api.ts';
import { useMe } from '../session/session-context.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';

/** Who you are here, and what is left to set up: a verified address and a username. */
export function AccountWidget() {
  const me = useMe();
  const [sent, setSent] = useState(false);
  const { act, busy, error } = useAction(async () => {
    await expectOk(api.POST('/v1/auth/verification'));
    setSent(true);
  });
  return (
    <>
      <p>{me.username ? `@${me.username}` : 'No username yet.'} <span className="muted">{me.email}</span></p>
      {me.emailVerified ? null : sent ? (
        <p role="status" className="ok">Check your inbox: the verification link is on its way.</p>
      ) : (
        <>
          <p>Your email address is not verified yet.</p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void act()}>Send the link again</button>
          <ProblemMessage error={error} />
        </>
      )}
      {me.username ? null : <p><Link href="/account/">Choose a username</Link></p>}
    </>
  );
}
