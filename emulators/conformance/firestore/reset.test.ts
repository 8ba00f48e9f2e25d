import { Firestore } from '@google-cloud/firestore';
import { afterAll, expect, test } from 'vitest';
import { conformanceProjectId, resetProjectData } from './support/project.ts';

// Two projects of this file's own, managed by hand: the point is what a reset leaves alone.
const clearedProject = conformanceProjectId('reset-cleared');
const keptProject = conformanceProjectId('reset-kept');
const cleared = new Firestore({ projectId: clearedProject });
const kept = new Firestore({ projectId: keptProject });
afterAll(() => Promise.all([cleared.terminate(), kept.terminate()]));

test('the DELETE endpoint clears every document of one project and only that project', async () => {
  await Promise.all([resetProjectData(clearedProject), resetProjectData(keptProject)]);
  for (const db of [cleared, kept]) {
    await db
      .batch()
      .set(db.doc('users/u1'), { n: 1 })
      .set(db.doc('users/u1/private/settings'), { n: 2 })
      .set(db.doc('ghosts/g/children/c'), { n: 3 })
      .commit();
  }

  await resetProjectData(clearedProject);

  expect((await cleared.doc('users/u1').get()).exists).toBe(false);
  expect((await cleared.collectionGroup('private').get()).empty).toBe(true);
  expect((await cleared.collectionGroup('children').get()).empty).toBe(true);
  expect(await cleared.listCollections()).toEqual([]);

  const [u1, settings, child] = await kept.getAll(
    kept.doc('users/u1'),
    kept.doc('users/u1/private/settings'),
    kept.doc('ghosts/g/children/c'),
  );
  expect([u1?.data(), settings?.data(), child?.data()]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  expect((await kept.listCollections()).map((c) => c.id).sort()).toEqual(['ghosts', 'users']);
});

test('a cleared project accepts new writes, and creating a previously existing document succeeds', async () => {
  await resetProjectData(clearedProject);
  await cleared.doc('users/u1').set({ n: 1 });
  await resetProjectData(clearedProject);
  await cleared.doc('users/u1').create({ n: 2 });
  expect((await cleared.doc('users/u1').get()).data()).toEqual({ n: 2 });
});
