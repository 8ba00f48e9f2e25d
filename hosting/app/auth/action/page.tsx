'use client';
import { ApiProblem, expectOk, type Schema } from '@plaza/api-client';
import { passwordPolicyDescription } from '@plaza/contracts';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../src/api.ts';
import { useSession } from '../../../src/session/session-context.tsx';
import { Field } from '../../../src/ui/field.tsx';
import { Loading } from '../../../src/ui/loading.tsx';
import { ProblemMessage } from '../../../src/ui/problem-message.tsx';
import { useAction } from '../../../src/ui/use-action.ts';

type ActionMode = Schema<'ActionMode'>;
type Outcome = Schema<'ApplyActionResponse'>;
const modes: readonly ActionMode[] = ['verifyEmail', 'resetPassword', 'verifyAndChangeEmail'];

const done: Record<ActionMode, (email: string) => string> = {
  verifyEmail: (email) => `${email} is verified. Thank you.`,
  verifyAndChangeEmail: (email) => `Your account's address is now ${email}.`,
  resetPassword: (email) => `The password of ${email} is changed. Sign in with it.`,
};

/** The page every mailed link opens: `/auth/action/?mode=…&oobCode=…`, applied through `POST /v1/auth/actions`. */
export default function AuthActionPage() {
  const { session, refresh } = useSession();
  const checked = useRef(false);
  const [link, setLink] = useState<{ mode: ActionMode; oobCode: string } | null>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [password, setPassword] = useState('');
  const { act, busy, error } = useAction(async (newPassword?: string) => {
    if (!link) return;
    const body = link.mode === 'resetPassword' ? { mode: link.mode, oobCode: link.oobCode, ...(newPassword ? { newPassword } : {}) } : { mode: link.mode, oobCode: link.oobCode };
    const result = await expectOk(api.POST('/v1/auth/actions', { body }));
    setOutcome(result);
    if (result.applied) await refresh();
  });

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const mode = params.get('mode') as ActionMode | null;
    const oobCode = params.get('oobCode');
    setLink(mode && modes.includes(mode) && oobCode ? { mode, oobCode } : null);
  }, []);
  // Verification links apply at once; a reset link is checked first, to show whose password it
  // sets. Not before the session is known: a browser holding a session cookie must send its CSRF
  // token with the POST, and the token comes with the session.
  const sessionKnown = session.status !== 'loading';
  useEffect(() => {
    if (!link || !sessionKnown || checked.current) return;
    checked.current = true;
    void act();
  }, [link, sessionKnown, act]);

  if (link === undefined) return <Loading />;
  if (link === null) return <ProblemMessage error={new Error('This link is incomplete. Open the link from the email again, or ask for a new one.')} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void act(password);
  };
  const expired = error instanceof ApiProblem && error.status === 410;
  return (
    <>
      <h1>{link.mode === 'resetPassword' ? 'Choose a new password' : 'Confirm your email'}</h1>
      {busy && !outcome ? <Loading label="Checking the link…" /> : null}
      {outcome?.applied ? (
        <>
          <p role="status" className="ok">{done[link.mode](outcome.email)}</p>
          <Link className="button" href={link.mode === 'resetPassword' ? '/sign-in/' : '/'}>{link.mode === 'resetPassword' ? 'Sign in' : 'Go to Plaza'}</Link>
        </>
      ) : outcome && link.mode === 'resetPassword' ? (
        <form onSubmit={onSubmit} aria-label="New password">
          <p>For {outcome.email}.</p>
          <Field
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`Use ${passwordPolicyDescription}`}
            error={error instanceof ApiProblem ? error.fieldError('body.newPassword') : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <ProblemMessage error={error instanceof ApiProblem && error.fieldError('body.newPassword') ? undefined : error} />
          <div className="actions"><button type="submit" disabled={busy}>Set the password</button></div>
        </form>
      ) : (
        <>
          <ProblemMessage error={error} />
          {error ? <p>{expired ? 'The link has expired.' : 'The link may have been used already.'} <Link href={link.mode === 'resetPassword' ? '/reset-password/' : '/account/'}>Ask for a new one</Link>.</p> : null}
        </>
      )}
    </>
  );
}
