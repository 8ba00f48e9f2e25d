'use client';
import Link from 'next/link';
import { CredentialsForm } from '../../src/auth/credentials-form.tsx';
import { signInWithPassword } from '../../src/session/sign-in.ts';

export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <CredentialsForm mode="sign-in" submit={signInWithPassword} />
      <p>New to Plaza? <Link href="/sign-up/">Create an account</Link>.</p>
    </>
  );
}
