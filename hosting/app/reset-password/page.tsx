'use client';
import { expectOk } from '@plaza/api-client';
import { useState, type FormEvent } from 'react';
import { api } from '../../src/api.ts';
import { Field } from '../../src/ui/field.tsx';
import { ProblemMessage } from '../../src/ui/problem-message.tsx';
import { useAction } from '../../src/ui/use-action.ts';

export default function ResetPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const { act, busy, error } = useAction(async () => {
    await expectOk(api.POST('/v1/auth/password-reset', { body: { email: email.trim() } }));
    setSentTo(email.trim());
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void act();
  };
  return (
    <>
      <h1>Reset your password</h1>
      {sentTo ? (
        <p role="status" className="ok">If {sentTo} has a Plaza account, a link to choose a new password is on its way. It may take a minute.</p>
      ) : (
        <form onSubmit={onSubmit} aria-label="Reset password">
          <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
          <ProblemMessage error={error} />
          <div className="actions"><button type="submit" disabled={busy}>Send the link</button></div>
        </form>
      )}
    </>
  );
}
