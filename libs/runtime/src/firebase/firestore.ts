import type { Firestore } from 'firebase-admin/firestore';
import { firebaseApp } from './firebase-app.ts';
import { lazy } from './lazy.ts';

/** The Firestore client, loaded on first use (see lazy.ts for why). */
export const firestore = lazy(async (): Promise<Firestore> => {
  const [{ getFirestore }, app] = await Promise.all([import('firebase-admin/firestore'), firebaseApp()]);
  return getFirestore(app);
});
