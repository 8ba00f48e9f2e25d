'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useSession } from '../session/session-context.tsx';
import { describeFirebaseError } from '../session/sign-in.ts';
import { Field } from '../ui/field.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import { afterSignInPath } from './after-sign-in.ts';
import { ProviderButtons } from './provider-buttons.tsx';

interface CredentialsFormProps {
  mode: 'sign-in' | 'sign-up';
  submit: (email: string, password: string) => Promise<void>;
  passwordHint?: string;
}

/** Email and password, or a provider; on success the session is read again and the page moves on. */
export function CredentialsForm({ mode, submit, passwordHint }: CredentialsFormProps) {
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { act, busy, error } = useAction(async (signIn: () => Promise<void>) => {
    try {
      await signIn();
    } catch (caught) {
      const firebaseMessage = describeFirebaseError(caught);
      throw firebaseMessage ? new Error(firebaseMessage) : caught;
    }
    await refresh();
    window.location.assign(afterSignInPath(window.location.search));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void act(() => submit(email.trim(), password));
  };
  return (
    <>
      <form onSubmit={onSubmit} aria-label={mode === 'sign-in' ? 'Sign in with email' : 'Sign up with email'}>
        <Field label="Email" type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          required
          hint={passwordHint}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <ProblemMessage error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>{busy ? 'One moment…' : mode === 'sign-in' ? 'Sign in' : 'Create account'}</button>
          {mode === 'sign-in' ? <Link href="/reset-password/">Forgot your password?</Link> : null}
        </div>
      </form>
      <p className="divider">or</p>
      <ProviderButtons busy={busy} onSignIn={(run) => void act(run)} />
    </>
  );
}
