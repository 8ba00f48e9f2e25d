'use client';
import { ApiProblem, expectOk } from '@plaza/api-client';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useMe, useSession } from '../session/session-context.tsx';
import { Field } from '../ui/field.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';
import { fieldErrors } from './field-errors.ts';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { needsReauthentication } from './reauthenticate.ts';

/** The address, whether it is verified, and moving the account to another one. */
export function EmailSection() {
  const me = useMe();
  const { refresh } = useSession();
  const [verificationSent, setVerificationSent] = useState(false);
  const verification = useAction(async () => {
    try {
      await expectOk(api.POST('/v1/auth/verification'));
      setVerificationSent(true);
    } catch (error) {
      // 409: verified meanwhile (in another tab); show what is true now.
      if (error instanceof ApiProblem && error.status === 409) await refresh();
      else throw error;
    }
  });

  const [newEmail, setNewEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [retry, setRetry] = useState<(() => Promise<void>) | undefined>();
  const requestChange = async (address: string) => {
    await expectOk(api.POST('/v1/me/email', { body: { newEmail: address } }));
    setRetry(undefined);
    setSentTo(address);
    setNewEmail('');
  };
  const change = useAction(async (address: string) => {
    setSentTo(undefined);
    try {
      await requestChange(address);
    } catch (error) {
      if (!needsReauthentication(error)) throw error;
      setRetry(() => () => requestChange(address));
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void change.act(newEmail.trim());
  };
  const taken = change.error instanceof ApiProblem && change.error.status === 409 ? (change.error.detail ?? change.error.title) : undefined;
  const newEmailError = fieldErrors(change.error, 'body.newEmail') ?? taken;

  return (
    <section className={`card ${styles.section}`} aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      {me.email ? (
        <p>
          <span className={styles.address}>{me.email}</span>{' '}
          {me.emailVerified ? <span className={styles.verified}>Verified</span> : <span className={styles.unverified}>Not verified</span>}
        </p>
      ) : (
        <p className="muted">Your account has no email address.</p>
      )}
      {me.email && !me.emailVerified ? (
        verificationSent ? (
          <p role="status" className="ok">Check your inbox: the verification link is on its way to {me.email}.</p>
        ) : (
          <>
            <div className="actions">
              <button type="button" className="secondary" disabled={verification.busy} onClick={() => void verification.act()}>
                {verification.busy ? 'Sending…' : 'Send the verification link again'}
              </button>
            </div>
            <ProblemMessage error={verification.error} />
          </>
        )
      ) : null}

      <form onSubmit={onSubmit} aria-label="Change email address">
        <Field
          label="New email address"
          type="email"
          name="newEmail"
          autoComplete="email"
          required
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
          hint="We send a confirmation link to the new address; nothing changes until you open it."
          error={newEmailError}
        />
        <ProblemMessage error={newEmailError ? undefined : change.error} />
        <div className="actions">
          <button type="submit" disabled={change.busy || retry !== undefined || !newEmail.trim() || newEmail.trim() === me.email}>
            {change.busy ? 'Sending…' : 'Change email'}
          </button>
        </div>
      </form>
      {retry ? <ReauthPrompt purpose="change your email address" retry={retry} onCancel={() => setRetry(undefined)} /> : null}
      {sentTo ? (
        <p role="status" className="ok">
          We sent a link to <strong className={styles.address}>{sentTo}</strong>. Open it to move your account there; until then you keep signing in with {me.email ?? 'your current address'}.
        </p>
      ) : null}
    </section>
  );
}
