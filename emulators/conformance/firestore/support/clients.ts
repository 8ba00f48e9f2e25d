import * as googleCloud from '@google-cloud/firestore';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import * as firebaseAdmin from 'firebase-admin/firestore';
import { afterAll, beforeEach } from 'vitest';
import { firestoreEmulator } from './emulator.ts';
import { conformanceProjectId, resetProjectData } from './project.ts';

/** The two server SDKs applications use: @google-cloud/firestore v8 and the v7 that firebase-admin bundles. */
export type ClientName = 'google-cloud' | 'firebase-admin';
export const CLIENT_NAMES: readonly ClientName[] = ['google-cloud', 'firebase-admin'];

/**
 * The sentinel and value classes that go with a client. They must come from the same package
 * as the Firestore instance: the serializer recognises them with instanceof.
 */
export type FirestoreSdk = Pick<
  typeof googleCloud,
  'AggregateField' | 'FieldPath' | 'FieldValue' | 'Filter' | 'GeoPoint' | 'Timestamp'
>;

export interface FirestoreHarness {
  readonly projectId: string;
  readonly client: ClientName;
  readonly db: googleCloud.Firestore;
  readonly sdk: FirestoreSdk;
}

/**
 * An admin-style Firestore client on a project of the calling test file's own, whose data is
 * wiped before each test. Call it at the top of a file or describe block.
 */
export function useFirestore(label: string, client: ClientName = 'google-cloud'): FirestoreHarness {
  firestoreEmulator();
  const projectId = conformanceProjectId(client === 'google-cloud' ? label : `${label}-admin`);
  const harness = client === 'google-cloud' ? googleCloudHarness(projectId) : firebaseAdminHarness(projectId);

  beforeEach(() => resetProjectData(projectId));
  afterAll(() => harness.close());
  return harness;
}

interface ClosableHarness extends FirestoreHarness {
  close(): Promise<void>;
}

function googleCloudHarness(projectId: string): ClosableHarness {
  // FIRESTORE_EMULATOR_HOST alone routes the client to the emulator, as in application code.
  const db = new googleCloud.Firestore({ projectId });
  return { projectId, client: 'google-cloud', db, sdk: googleCloud, close: () => db.terminate() };
}

function firebaseAdminHarness(projectId: string): ClosableHarness {
  const app = initializeApp({ projectId }, `conformance-${projectId}`);
  // firebase-admin bundles @google-cloud/firestore v7, whose classes TypeScript sees as distinct
  // from v8's although the public API the tests use is the same.
  const db = firebaseAdmin.getFirestore(app) as unknown as googleCloud.Firestore;
  const sdk = firebaseAdmin as unknown as FirestoreSdk;
  return { projectId, client: 'firebase-admin', db, sdk, close: () => deleteApp(app) };
}
