import type { Auth } from 'firebase-admin/auth';
import { firebaseApp } from './firebase-app.ts';
import { lazy } from './lazy.ts';

/** The Firebase Auth admin client, loaded on first use (see lazy.ts for why). */
export const firebaseAuth = lazy(async (): Promise<Auth> => {
  const [{ getAuth }, app] = await Promise.all([import('firebase-admin/auth'), firebaseApp()]);
  return getAuth(app);
});
