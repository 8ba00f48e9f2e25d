'use client';
import { signInWithProvider, type Provider } from '../session/sign-in.ts';

/** Google and GitHub, through Firebase Auth's popup. */
export function ProviderButtons({ busy, onSignIn }: { busy: boolean; onSignIn: (run: () => Promise<void>) => void }) {
  const providers: [Provider, string][] = [
    ['google', 'Continue with Google'],
    ['github', 'Continue with GitHub'],
  ];
  return (
    <div className="actions">
      {providers.map(([provider, label]) => (
        <button key={provider} type="button" className="secondary" disabled={busy} onClick={() => onSignIn(() => signInWithProvider(provider))}>
          {label}
        </button>
      ))}
    </div>
  );
}
