'use client';
import { expectOk } from '@plaza/api-client';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useMe } from '../session/session-context.tsx';
import { Field } from '../ui/field.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';
import { confirmationMatches, confirmationPhrase } from './delete-confirmation.ts';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { needsReauthentication } from './reauthenticate.ts';

/**
 * `DELETE /v1/me`, behind a warning and the member typing their address. A sign-in older than
 * 5 minutes is confirmed first, then the deletion is sent again.
 */
export function DeleteSection({ onDeleted }: { onDeleted: (who: string) => void }) {
  const me = useMe();
  const phrase = confirmationPhrase(me);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [retry, setRetry] = useState<(() => Promise<void>) | undefined>();
  const deleteAccount = async () => {
    await expectOk(api.DELETE('/v1/me'));
    onDeleted(phrase);
  };
  const { act, busy, error } = useAction(async () => {
    try {
      await deleteAccount();
    } catch (caught) {
      if (!needsReauthentication(caught)) throw caught;
      setRetry(() => deleteAccount);
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmationMatches(typed, phrase)) void act();
  };
  return (
    <section className={`card ${styles.section} ${styles.danger}`} aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      {open ? (
        <form onSubmit={onSubmit} aria-label="Confirm account deletion">
          <p className={styles.warning} id="delete-warning">
            <strong>This cannot be undone.</strong> Your account stops working at once, and your profile, username, notifications and Telegram link are deleted.
          </p>
          <Field
            label={`Type ${phrase} to confirm`}
            name="confirm"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            aria-describedby="delete-warning"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <ProblemMessage error={error} />
          <div className="actions">
            <button type="submit" className="danger" disabled={busy || retry !== undefined || !confirmationMatches(typed, phrase)}>
              {busy ? 'Deleting…' : 'Delete my account forever'}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setOpen(false);
                setTyped('');
                setRetry(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>Deleting your account removes everything Plaza keeps about you.</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => setOpen(true)}>Delete my account…</button>
          </div>
        </>
      )}
      {retry ? <ReauthPrompt purpose="delete your account" retry={retry} onCancel={() => setRetry(undefined)} /> : null}
    </section>
  );
}
