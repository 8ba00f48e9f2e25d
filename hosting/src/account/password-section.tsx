'use client';
import { ApiProblem, expectOk } from '@plaza/api-client';
import { checkPassword, passwordPolicyDescription } from '@plaza/contracts';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useMe, useSession } from '../session/session-context.tsx';
import { describeFirebaseError, signInWithPassword } from '../session/sign-in.ts';
import { Field } from '../ui/field.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';
import { fieldErrors, isAboutFields } from './field-errors.ts';

/** Thrown when the password changed but signing this device in again did not work. */
class SignInAgainError extends Error {}

/**
 * `POST /v1/me/password`. The server signs the account out everywhere on success, so this device
 * signs in again with the new password right away.
 */
export function PasswordSection() {
  const me = useMe();
  const { refresh } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [localError, setLocalError] = useState<string>();
  const [changed, setChanged] = useState(false);
  const { act, busy, error } = useAction(async (email: string) => {
    setChanged(false);
    await expectOk(api.POST('/v1/me/password', { body: { currentPassword, newPassword } }));
    try {
      await signInWithPassword(email, newPassword);
    } catch (caught) {
      throw new SignInAgainError(`Your password is changed and every session was signed out, but signing this browser in again failed${describeFirebaseError(caught) ? `: ${describeFirebaseError(caught)}` : ''}.`);
    }
    await refresh();
    setCurrentPassword('');
    setNewPassword('');
    setChanged(true);
  });

  const email = me.email;
  if (!email) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const broken = checkPassword(newPassword, { email });
    if (broken.length > 0) {
      setLocalError(`The password ${broken.map((issue) => issue.message).join(', ')}.`);
      return;
    }
    setLocalError(undefined);
    void act(email);
  };
  const passwordless = error instanceof ApiProblem && error.status === 409;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form onSubmit={onSubmit} aria-labelledby="password-heading">
        <Field
          label="Current password"
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={fieldErrors(error, 'body.currentPassword')}
        />
        <Field
          label="New password"
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => {
            setNewPassword(event.target.value);
            setLocalError(undefined);
          }}
          hint={`Use ${passwordPolicyDescription}`}
          error={localError ?? fieldErrors(error, 'body.newPassword')}
        />
        <ProblemMessage error={isAboutFields(error, ['body.currentPassword', 'body.newPassword']) ? undefined : error} />
        {passwordless ? <p>Your account signs in with Google or GitHub. To add a password, <Link href="/reset-password/">ask for a password reset link</Link>.</p> : null}
        {error instanceof SignInAgainError ? <p><Link href="/sign-in/">Sign in with your new password</Link>.</p> : null}
        <div className="actions">
          <button type="submit" disabled={busy || !currentPassword || !newPassword}>{busy ? 'Changing…' : 'Change password'}</button>
        </div>
        {changed ? <p role="status" className="ok">Your password is changed. Every other device was signed out; this one is signed in again.</p> : null}
      </form>
    </section>
  );
}
