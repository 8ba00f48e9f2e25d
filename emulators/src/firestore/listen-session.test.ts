import { status } from '@grpc/grpc-js';
import { describe, expect, it, vi } from 'vitest';
import type { ListenResponse } from './listen-responses.ts';
import { decodeResumeToken, encodeResumeToken } from './listen-resume-token.ts';
import { ListenSession } from './listen-session.ts';
import { DATABASE, documentsTarget, int, queryTarget, TestStore, topScoresQuery, trackSubscriptions } from './listen-test-fixtures.ts';

function open(store = new TestStore()) {
  const sent: ListenResponse[] = [];
  const fail = vi.fn();
  const session = new ListenSession(store, { send: (response) => sent.push(response), fail });
  /** What was sent since the last call, one terse line per message. */
  const take = (): string[] => sent.splice(0).map(describeResponse);
  return { store, session, sent, take, fail };
}

function shortName(name: string): string {
  return name.split('/').slice(-2).join('/');
}

function describeResponse(response: ListenResponse): string {
  const { targetChange, documentChange, documentDelete, documentRemove, filter } = response;
  if (targetChange) {
    const { targetChangeType, targetIds = [], cause, resumeToken, readTime } = targetChange;
    return [targetChangeType, `[${targetIds.join(',')}]`, cause ? `cause=${cause.code}` : '', resumeToken ? 'token' : '', readTime ? 'readTime' : '']
      .filter(Boolean)
      .join(' ');
  }
  if (documentChange) {
    const removed = documentChange.removedTargetIds ? ` removed=[${documentChange.removedTargetIds.join(',')}]` : '';
    return `change ${shortName(documentChange.document.name)} [${documentChange.targetIds.join(',')}]${removed}`;
  }
  if (documentDelete) return `delete ${shortName(documentDelete.document)} [${documentDelete.removedTargetIds.join(',')}]`;
  if (documentRemove) return `remove ${shortName(documentRemove.document)} [${documentRemove.removedTargetIds.join(',')}]`;
  return `filter ${filter!.targetId} count=${filter!.count}`;
}

/** The resume token of the last global snapshot sent. */
function lastSnapshotToken(sent: readonly ListenResponse[]): Buffer {
  const snapshot = sent.filter((response) => response.targetChange?.targetChangeType === 'NO_CHANGE').at(-1);
  return snapshot!.targetChange!.resumeToken!;
}

describe('ListenSession', () => {
  it('answers a new target with ADD, its documents, CURRENT and a global snapshot', () => {
    const { store, session, take } = open();
    store.put('scores/a', { score: int(1) });
    session.handle({ database: DATABASE, addTarget: queryTarget(7, topScoresQuery('scores')) });
    expect(take()).toEqual(['ADD [7]', 'change scores/a [7]', 'CURRENT [7] token', 'NO_CHANGE [] token readTime']);
  });

  it('gives the global snapshot the read time its resume token names', () => {
    const { session, sent } = open();
    session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/a') });
    const snapshot = sent.at(-1)!.targetChange!;
    const micros = Number(snapshot.readTime!.seconds) * 1_000_000 + snapshot.readTime!.nanos! / 1000;
    expect(decodeResumeToken(snapshot.resumeToken!)).toBe(micros);
  });

  it('sends each commit as document messages followed by a snapshot at the commit time', () => {
    const { store, session, sent, take } = open();
    session.handle({ database: DATABASE, addTarget: queryTarget(1, topScoresQuery('scores')) });
    take();
    store.put('scores/a', { score: int(1) });
    const commitTime = store.get(`${DATABASE}/documents/scores/a`)!.updateTime;
    expect(sent.at(-1)!.targetChange!.readTime).toEqual(commitTime);
    expect(take()).toEqual(['change scores/a [1]', 'NO_CHANGE [] token readTime']);
    store.put('scores/a', { score: int(-1) });
    expect(take()).toEqual(['remove scores/a [1]', 'NO_CHANGE [] token readTime']);
    store.put('scores/b', { score: int(1) });
    store.remove('scores/b');
    expect(take()).toEqual(['change scores/b [1]', 'NO_CHANGE [] token readTime', 'delete scores/b [1]', 'NO_CHANGE [] token readTime']);
  });

  it('stays silent for commits that touch none of its targets, or another database', () => {
    const { store, session, take } = open();
    session.handle({ database: DATABASE, addTarget: queryTarget(1, topScoresQuery('scores')) });
    take();
    store.put('other/a', { score: int(1) });
    store.put('scores/a', { name: { stringValue: 'no score' } });
    const other = new TestStore();
    other.put('scores/a', { score: int(1) });
    expect(take()).toEqual([]);
  });

  it('multiplexes targets: one message per document names every target it enters or leaves', () => {
    const { store, session, take } = open();
    store.putAll({ 'scores/a': { score: int(1) }, 'scores/b': { score: int(2) } });
    session.handle({ database: DATABASE, addTarget: queryTarget(1, topScoresQuery('scores', 1)) });
    session.handle({ database: DATABASE, addTarget: documentsTarget(2, 'scores/a') });
    session.handle({ database: DATABASE, addTarget: queryTarget(3, topScoresQuery('scores')) });
    take();
    store.put('scores/a', { score: int(5) });
    expect(take()).toEqual(['change scores/a [1,2,3]', 'remove scores/b [1]', 'NO_CHANGE [] token readTime']);
    store.put('scores/a', { score: int(-5) });
    expect(take()).toEqual(['change scores/b [1]', 'change scores/a [2] removed=[1,3]', 'NO_CHANGE [] token readTime']);
  });

  it('acknowledges removeTarget, known or not, and stops following the target', () => {
    const { store, session, take } = open();
    session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/a') });
    session.handle({ database: DATABASE, removeTarget: 1 });
    session.handle({ database: DATABASE, removeTarget: 42 });
    take();
    store.put('scores/a', {});
    expect(take()).toEqual([]);
    session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/a') });
    expect(take()).toEqual(['ADD [1]', 'change scores/a [1]', 'CURRENT [1] token', 'NO_CHANGE [] token readTime']);
  });

  it('removes a once target as soon as it is current', () => {
    const { store, session, take } = open();
    session.handle({ database: DATABASE, addTarget: { ...documentsTarget(1, 'scores/a'), once: true } });
    expect(take()).toEqual(['ADD [1]', 'CURRENT [1] token', 'NO_CHANGE [] token readTime', 'REMOVE [1]']);
    store.put('scores/a', {});
    expect(take()).toEqual([]);
  });

  it('assigns target ids when asked to, then refuses client-chosen ones', () => {
    const { session, take } = open();
    session.handle({ database: DATABASE, addTarget: documentsTarget(0, 'scores/a') });
    session.handle({ database: DATABASE, addTarget: documentsTarget(0, 'scores/b') });
    expect(take().filter((line) => line.startsWith('ADD'))).toEqual(['ADD [1]', 'ADD [2]']);
    session.handle({ database: DATABASE, addTarget: documentsTarget(9, 'scores/c') });
    expect(take()).toEqual([`REMOVE [9] cause=${status.INVALID_ARGUMENT}`]);
  });

  it('fails a bad target alone, with its cause', () => {
    const { store, session, take } = open();
    session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/a') });
    session.handle({ database: DATABASE, addTarget: queryTarget(2, { from: [] }) });
    session.handle({ database: DATABASE, addTarget: { targetId: 3, documents: { documents: ['projects/elsewhere/databases/(default)/documents/a/b'] } } });
    expect(take().slice(3)).toEqual([`REMOVE [2] cause=${status.INVALID_ARGUMENT}`, `REMOVE [3] cause=${status.INVALID_ARGUMENT}`]);
    store.put('scores/a', {});
    expect(take()).toEqual(['change scores/a [1]', 'NO_CHANGE [] token readTime']);
  });

  it('refuses what breaks the stream: no database, another database, a reused target id, an empty request', () => {
    const { session } = open();
    expect(() => session.handle({ addTarget: documentsTarget(1, 'scores/a') })).toThrow(/database/);
    session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/a') });
    expect(() => session.handle({ database: 'projects/p/databases/other', removeTarget: 1 })).toThrow(/listens to/);
    expect(() => session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/b') })).toThrow(/already in use/);
    expect(() => session.handle({ database: DATABASE })).toThrow(/add or remove/);
  });

  it('resumes with only what changed since the token, then the count to check against', () => {
    const first = open();
    const { store } = first;
    store.putAll({ 'scores/a': { score: int(1) }, 'scores/b': { score: int(2) }, 'scores/c': { score: int(3) } });
    first.session.handle({ database: DATABASE, addTarget: queryTarget(1, topScoresQuery('scores')) });
    const token = lastSnapshotToken(first.sent);
    first.session.close();

    store.put('scores/b', { score: int(20) });
    store.remove('scores/c');
    store.put('scores/d', { score: int(4) });
    const second = open(store);
    second.session.handle({ database: DATABASE, addTarget: { ...queryTarget(1, topScoresQuery('scores')), resumeToken: token } });
    expect(second.take()).toEqual([
      'ADD [1]',
      'change scores/b [1]',
      'change scores/d [1]',
      'delete scores/c [1]',
      'filter 1 count=3',
      'CURRENT [1] token',
      'NO_CHANGE [] token readTime',
    ]);
  });

  it('resets a target whose resume point it cannot answer for, then sends it whole', () => {
    const { store, session, take } = open();
    store.put('scores/a', { score: int(1) });
    const future = encodeResumeToken(store.clock.readTime() + 60_000_000);
    session.handle({ database: DATABASE, addTarget: { ...documentsTarget(1, 'scores/a'), resumeToken: future } });
    session.handle({ database: DATABASE, addTarget: { ...documentsTarget(2, 'scores/a'), resumeToken: Buffer.from('not ours') } });
    expect(take()).toEqual([
      'ADD [1]',
      'RESET [1]',
      'change scores/a [1]',
      'CURRENT [1] token',
      'NO_CHANGE [] token readTime',
      'ADD [2]',
      'RESET [2]',
      'change scores/a [2]',
      'CURRENT [2] token',
      'NO_CHANGE [] token readTime',
    ]);
  });

  it('unsubscribes from the store on close', () => {
    const store = new TestStore();
    const subscriptions = trackSubscriptions(store);
    const { session } = open(store);
    session.handle({ database: DATABASE, addTarget: documentsTarget(1, 'scores/a') });
    expect(subscriptions).toEqual({ opened: 1, active: 1 });
    session.close();
    session.close();
    expect(subscriptions).toEqual({ opened: 1, active: 0 });
  });

  it('turns a failure while following a commit into a stream failure', () => {
    const { store, session, fail } = open();
    session.handle({ database: DATABASE, addTarget: queryTarget(1, topScoresQuery('scores', 1)) });
    vi.spyOn(store, 'documents').mockImplementation(() => {
      throw new Error('boom');
    });
    store.put('scores/a', { score: int(1) });
    expect(fail).toHaveBeenCalledWith(new Error('boom'));
  });
});
