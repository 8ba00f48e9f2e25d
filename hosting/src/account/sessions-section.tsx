'use client';
import { useSession } from '../session/session-context.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import styles from './account.module.css';

/** Signing out here, or on every device at once. */
export function SessionsSection() {
  const { signOut } = useSession();
  const { act, busy, error } = useAction(async (everywhere: boolean) => {
    await signOut(everywhere);
    window.location.assign('/sign-in/');
  });
  return (
    <section className={`card ${styles.section}`} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>Signing out everywhere ends every session of your account: other browsers, phones, and this one.</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void act(false)}>Sign out</button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void act(true)}>Sign out everywhere</button>
      </div>
      <ProblemMessage error={error} />
    </section>
  );
}
