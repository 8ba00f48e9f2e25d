'use client';
import { useState, type FormEvent } from 'react';
import type { Provider } from '../session/sign-in.ts';
import { useMe } from '../session/session-context.tsx';
import { Field } from '../ui/field.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';
import { reauthenticateWithPassword, reauthenticateWithProvider } from './reauthenticate.ts';

interface ReauthPromptProps {
  /** What the member was doing, e.g. "change your email address". */
  purpose: string;
  /** The call to make again once signed in afresh; its failure is shown here. */
  retry: () => Promise<void>;
  onCancel: () => void;
}

const providers: [Provider, string][] = [
  ['google', 'Confirm with Google'],
  ['github', 'Confirm with GitHub'],
];

/**
 * Asked when the API answers 401 `reauthentication_required`: the member signs in again (their
 * password, or Google or GitHub), which gives the session a fresh sign-in time, and the call is
 * made again.
 */
export function ReauthPrompt({ purpose, retry, onCancel }: ReauthPromptProps) {
  const me = useMe();
  const [password, setPassword] = useState('');
  const { act, busy, error } = useAction(async (signIn: () => Promise<void>) => {
    await signIn();
    await retry();
  });
  const email = me.email;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (email) void act(() => reauthenticateWithPassword({ uid: me.uid, email }, password));
  };
  return (
    <div className={styles.reauth} role="group" aria-labelledby={`reauth-${purpose.replace(/\W+/g, '-')}`}>
      <p id={`reauth-${purpose.replace(/\W+/g, '-')}`}>
        <strong>Confirm it is you.</strong> To {purpose}, sign in again: your last sign-in was more than 5 minutes ago.
      </p>
      {email ? (
        <form onSubmit={onSubmit} aria-label="Confirm with your password">
          <Field
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <div className="actions">
            <button type="submit" disabled={busy || !password}>{busy ? 'Confirming…' : 'Confirm and continue'}</button>
          </div>
        </form>
      ) : null}
      <p className="muted">{email ? 'Or, if you sign in with Google or GitHub:' : 'Sign in with the provider of your account:'}</p>
      <div className="actions">
        {providers.map(([provider, label]) => (
          <button key={provider} type="button" className="secondary" disabled={busy} onClick={() => void act(() => reauthenticateWithProvider(me, provider))}>
            {label}
          </button>
        ))}
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
      <ProblemMessage error={error} />
    </div>
  );
}
