'use client';
import type { Permission } from '@plaza/contracts';
import { useEffect, type ReactNode } from 'react';
import { Loading } from '../ui/loading.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useSession } from './session-context.tsx';

/**
 * Renders its page for a signed-in member (holding `permission`, when named), sends anyone else
 * to sign in and back. Hiding is for people; the API refuses the same calls anyway.
 */
export function RequireSession({ children, permission }: { children: ReactNode; permission?: Permission }) {
  const { session } = useSession();
  useEffect(() => {
    if (session.status !== 'signed-out') return;
    const next = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/sign-in/?next=${encodeURIComponent(next)}`);
  }, [session.status]);

  if (session.status === 'failed') return <ProblemMessage error={session.problem} />;
  if (session.status !== 'signed-in') return <Loading label={session.status === 'loading' ? 'Loading your session…' : 'Taking you to sign in…'} />;
  if (permission && !session.me.permissions.includes(permission)) {
    return (
      <div role="alert" className="problem">
        <strong>You do not have access to this page.</strong>
        <p>It needs the permission {permission}.</p>
      </div>
    );
  }
  return <>{children}</>;
}
