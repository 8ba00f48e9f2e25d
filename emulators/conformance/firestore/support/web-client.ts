import { deleteApp, initializeApp } from 'firebase/app';
import { connectFirestoreEmulator, getFirestore, setLogLevel, terminate, type Firestore } from 'firebase/firestore';
import { afterAll } from 'vitest';
import { firestoreEmulator } from './emulator.ts';

/**
 * The firebase web SDK (v12, Node build) on the given project, connected to the emulator the
 * documented way. It writes through the Write stream and multiplexes every listener on one
 * Listen stream. terminate() runs after the file's tests.
 */
export function useWebFirestore(projectId: string): Firestore {
  const { host, port } = firestoreEmulator();
  // The SDK logs reconnects and the like at warn level; real failures still surface as errors.
  setLogLevel('error');
  const app = initializeApp({ projectId, apiKey: 'conformance-api-key' }, `conformance-web-${projectId}`);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, host, port);
  afterAll(async () => {
    await terminate(db);
    await deleteApp(app);
  });
  return db;
}
