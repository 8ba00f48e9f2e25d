import { describe, expect, it } from 'vitest';
import { selectTarget, type Target } from './listen-target.ts';
import { TargetView, type TargetDiff } from './listen-target-view.ts';
import { DATABASE, documentsTarget, int, nameOf, queryTarget, TestStore, topScoresQuery } from './listen-test-fixtures.ts';
import type { CommitEvent } from './store.ts';

function watch(store: TestStore, target: Target) {
  const view = new TargetView(1, selectTarget(store, DATABASE, target));
  const diffs: TargetDiff[] = [];
  store.onCommit((commit: CommitEvent) => diffs.push(view.applyCommit(commit.changes)));
  return { view, diffs };
}

/** A diff as paths, with changed documents tagged by their score, for readable assertions. */
function summary({ changed, removed }: TargetDiff) {
  return {
    changed: changed.map((document) => `${document.name.split('/').slice(-2).join('/')}=${document.fields.score?.integerValue ?? '-'}`),
    removed: removed.map((name) => name.split('/').slice(-2).join('/')),
  };
}

describe('TargetView', () => {
  it('sends every document on the first refresh and nothing when re-read unchanged', () => {
    const store = new TestStore();
    store.putAll({ 'scores/a': { score: int(1) }, 'scores/b': { score: int(2) }, 'other/x': { score: int(9) } });
    const { view } = watch(store, queryTarget(1, topScoresQuery('scores')));
    expect(summary(view.refresh())).toEqual({ changed: ['scores/b=2', 'scores/a=1'], removed: [] });
    expect(summary(view.refresh())).toEqual({ changed: [], removed: [] });
    expect(view.size).toBe(2);
  });

  it('follows documents entering, changing in and leaving a query, one commit at a time', () => {
    const store = new TestStore();
    const { view, diffs } = watch(store, queryTarget(1, topScoresQuery('scores')));
    view.refresh();
    store.put('scores/a', { score: int(1) });
    store.put('scores/a', { score: int(3) });
    store.put('scores/a', { score: int(-1) });
    store.put('other/a', { score: int(1) });
    store.put('scores/b', { score: int(1) });
    store.remove('scores/b');
    expect(diffs.map(summary)).toEqual([
      { changed: ['scores/a=1'], removed: [] },
      { changed: ['scores/a=3'], removed: [] },
      { changed: [], removed: ['scores/a'] },
      { changed: [], removed: [] },
      { changed: ['scores/b=1'], removed: [] },
      { changed: [], removed: ['scores/b'] },
    ]);
  });

  it('lets the next document into a limit when one leaves the top N', () => {
    const store = new TestStore();
    store.putAll({ 'scores/a': { score: int(1) }, 'scores/b': { score: int(2) }, 'scores/c': { score: int(3) } });
    const { view, diffs } = watch(store, queryTarget(1, topScoresQuery('scores', 2)));
    expect(summary(view.refresh()).changed).toEqual(['scores/c=3', 'scores/b=2']);
    store.remove('scores/c');
    store.put('scores/d', { score: int(5) });
    store.put('scores/a', { score: int(0) });
    expect(diffs.map(summary)).toEqual([
      { changed: ['scores/a=1'], removed: ['scores/c'] },
      { changed: ['scores/d=5'], removed: ['scores/a'] },
      { changed: [], removed: [] },
    ]);
  });

  it('watches exactly the named documents of a documents target', () => {
    const store = new TestStore();
    const { view, diffs } = watch(store, documentsTarget(1, 'scores/a', 'scores/a'));
    expect(summary(view.refresh())).toEqual({ changed: [], removed: [] });
    store.put('scores/a', { score: int(1) });
    store.put('scores/b', { score: int(1) });
    store.remove('scores/a');
    expect(diffs.map(summary)).toEqual([
      { changed: ['scores/a=1'], removed: [] },
      { changed: [], removed: [] },
      { changed: [], removed: ['scores/a'] },
    ]);
  });

  it('diffs against what the client held at a resume point', () => {
    const store = new TestStore();
    store.putAll({ 'scores/a': { score: int(1) }, 'scores/b': { score: int(2) } });
    const resumePoint = store.clock.readTime();
    store.put('scores/b', { score: int(4) });
    store.remove('scores/a');
    store.put('scores/c', { score: int(3) });
    const { view } = watch(store, queryTarget(1, topScoresQuery('scores')));
    view.assumeClientHolds(resumePoint);
    expect(summary(view.refresh())).toEqual({ changed: ['scores/b=4', 'scores/c=3'], removed: ['scores/a'] });
  });

  it('rejects targets Firestore would reject', () => {
    const store = new TestStore();
    expect(() => selectTarget(store, DATABASE, {})).toThrow(/documents or a query/);
    expect(() => selectTarget(store, DATABASE, { documents: { documents: [] } })).toThrow(/at least one/);
    expect(() => selectTarget(store, DATABASE, { documents: { documents: ['projects/q/databases/(default)/documents/a/b'] } })).toThrow(/not in the database/);
    expect(() => selectTarget(store, DATABASE, { query: { parent: nameOf('scores') } })).toThrow(/parent/i);
    expect(() => selectTarget(store, DATABASE, queryTarget(1, { from: [] }))).toThrow(/exactly one collection/);
  });
});
