'use client';
import { ApiProblem, expectOk, type Schema } from '@plaza/api-client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from '../api.ts';

export type Me = Schema<'MeResponse'>;
export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me } | { status: 'failed'; problem: ApiProblem };

interface SessionValue {
  session: SessionState;
  /** Reads the cookie session again (after sign-in, a profile change, a verification). */
  refresh: () => Promise<void>;
  signOut: (everywhere?: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

/**
 * Who is signed in, from the API alone: the CSRF token of the HttpOnly session cookie, then
 * `GET /v1/me`. A 401 means signed out; any other failure is shown, not taken for one.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const { csrfToken } = await expectOk(api.GET('/v1/auth/csrf'));
      setCsrfToken(csrfToken);
      setSession({ status: 'signed-in', me: await expectOk(api.GET('/v1/me')) });
    } catch (error) {
      setCsrfToken(undefined);
      if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) setSession({ status: 'signed-out' });
      else setSession({ status: 'failed', problem: error instanceof ApiProblem ? error : ApiProblem.unreachable(error) });
    }
  }, []);

  const signOut = useCallback(async (everywhere = false) => {
    await expectOk(everywhere ? api.POST('/v1/auth/logout-all') : api.DELETE('/v1/auth/session'));
    if (everywhere) await expectOk(api.DELETE('/v1/auth/session'));
    setCsrfToken(undefined);
    setSession({ status: 'signed-out' });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}

/** The signed-in member, for pages inside RequireSession. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useMe needs a signed-in session (wrap the page in RequireSession)');
  return session.me;
}
