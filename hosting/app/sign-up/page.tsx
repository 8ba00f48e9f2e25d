'use client';
import { passwordPolicyDescription } from '@plaza/contracts';
import Link from 'next/link';
import { CredentialsForm } from '../../src/auth/credentials-form.tsx';
import { signUp } from '../../src/session/sign-in.ts';

export default function SignUpPage() {
  return (
    <>
      <h1>Create your account</h1>
      <p className="muted">We mail you a link to verify your address.</p>
      <CredentialsForm mode="sign-up" submit={signUp} passwordHint={`Use ${passwordPolicyDescription}`} />
      <p>Already a member? <Link href="/sign-in/">Sign in</Link>.</p>
    </>
  );
}
