import type { Auth } from 'firebase/auth';

/**
 * The Firebase web config Hosting serves at its reserved URL `/__/firebase/init.json`. The local
 * front door serves the same file, plus where the Auth emulator runs.
 */
interface FirebaseInit {
  apiKey: string;
  authDomain: string;
  projectId: string;
  appId?: string;
  /** Local only: `http://127.0.0.1:9099`. */
  authEmulatorUrl?: string;
}

let auth: Promise<Auth> | undefined;

/**
 * Firebase Auth, loaded on first use: only sign-in and re-authentication need it, so the SDK
 * stays out of every other page's initial JavaScript. It keeps nothing in the browser
 * (in-memory persistence): the session is the API's HttpOnly cookie (ADR 10).
 */
export function firebaseAuth(): Promise<Auth> {
  auth ??= (async () => {
    const [{ initializeApp }, authSdk, init] = await Promise.all([
      import('firebase/app'),
      import('firebase/auth'),
      fetch('/__/firebase/init.json').then(async (response) => {
        if (!response.ok) throw new Error(`/__/firebase/init.json answered ${response.status}`);
        return (await response.json()) as FirebaseInit;
      }),
    ]);
    const app = initializeApp({ apiKey: init.apiKey, authDomain: init.authDomain, projectId: init.projectId, ...(init.appId ? { appId: init.appId } : {}) });
    const instance = authSdk.initializeAuth(app, { persistence: authSdk.inMemoryPersistence, popupRedirectResolver: authSdk.browserPopupRedirectResolver });
    if (init.authEmulatorUrl) authSdk.connectAuthEmulator(instance, init.authEmulatorUrl, { disableWarnings: true });
    return instance;
  })();
  auth.catch(() => (auth = undefined));
  return auth;
}
