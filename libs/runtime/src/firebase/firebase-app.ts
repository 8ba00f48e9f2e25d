import type { App } from 'firebase-admin/app';
import { projectIdFrom } from '../config/project-id.ts';
import { lazy } from './lazy.ts';

/**
 * The one firebase-admin app of the process. Credentials come from the environment (the
 * service account on Cloud Run); against the emulators none are needed, because the SDK
 * follows FIREBASE_AUTH_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST on its own.
 */
export const firebaseApp = lazy(async (): Promise<App> => {
  const { initializeApp, getApps } = await import('firebase-admin/app');
  const name = 'plaza';
  return getApps().find((app) => app.name === name) ?? initializeApp({ projectId: projectIdFrom() }, name);
});
