import { Firestore } from '@google-cloud/firestore';
import { runBounded } from './stats.ts';

export interface FirestoreThroughput {
  setPerSecond: number;
  getPerSecond: number;
  queryPerSecond: number;
}

const documents = 1_000;
const buckets = 10;
const queries = 200;
const concurrency = 32;

/**
 * Writes, reads back and queries 1,000 documents with the official client, at most 32 requests in
 * flight. Each query matches a tenth of the documents (100).
 */
export async function measureFirestoreThroughput(host: string, run: number): Promise<FirestoreThroughput> {
  const firestore = new Firestore({ projectId: 'demo-bench', host, ssl: false });
  const collection = firestore.collection(`bench-${run}`);
  const perSecond = async (count: number, task: (index: number) => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    await runBounded(count, concurrency, task);
    return count / ((performance.now() - started) / 1000);
  };
  try {
    const setPerSecond = await perSecond(documents, (i) =>
      collection.doc(`doc-${i}`).set({ index: i, bucket: i % buckets, title: `Post number ${i}` }),
    );
    const getPerSecond = await perSecond(documents, (i) => collection.doc(`doc-${i}`).get());
    const queryPerSecond = await perSecond(queries, async (i) => {
      const snapshot = await collection.where('bucket', '==', i % buckets).get();
      if (snapshot.size !== documents / buckets) throw new Error(`query matched ${snapshot.size} documents`);
    });
    return { setPerSecond, getPerSecond, queryPerSecond };
  } finally {
    await firestore.terminate();
  }
}
