import type { DocumentData, Firestore, QuerySnapshot } from '@google-cloud/firestore';

/** Writes documents by path relative to the database root, in one batch. */
export async function seed(db: Firestore, documents: Record<string, DocumentData>): Promise<void> {
  const batch = db.batch();
  for (const [path, data] of Object.entries(documents)) batch.set(db.doc(path), data);
  await batch.commit();
}

/** Writes the documents of one collection, keyed by document id. */
export async function seedCollection(db: Firestore, collection: string, documents: Record<string, DocumentData>): Promise<void> {
  await seed(db, Object.fromEntries(Object.entries(documents).map(([id, data]) => [`${collection}/${id}`, data])));
}

/** Document ids of a query result, in result order. */
export function ids(snapshot: QuerySnapshot): string[] {
  return snapshot.docs.map((doc) => doc.id);
}

/** Document paths of a query result, in result order. */
export function paths(snapshot: QuerySnapshot): string[] {
  return snapshot.docs.map((doc) => doc.ref.path);
}
