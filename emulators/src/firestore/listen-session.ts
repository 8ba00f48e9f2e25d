import { microsToTimestamp, timestampToMicros, type Micros } from './clock.ts';
import { FirestoreError, InvalidArgumentError } from './errors.ts';
import { documentResponses, targetChange, type ListenResponse } from './listen-responses.ts';
import { encodeResumeToken, planResume, type ResumePlan } from './listen-resume-token.ts';
import { selectTarget, type Target } from './listen-target.ts';
import { TargetView, type TargetDiff } from './listen-target-view.ts';
import { parseDatabaseName, type DatabaseName } from './resource-names.ts';
import type { CommitEvent, DocumentStore } from './store.ts';

/** google.firestore.v1.ListenRequest as decoded. */
export interface ListenRequest {
  database?: string;
  addTarget?: Target;
  removeTarget?: number;
  labels?: Record<string, string>;
}

export interface ListenOutput {
  send(response: ListenResponse): void;
  /** Ends the stream with the error's status. */
  fail(error: unknown): void;
}

/**
 * One Listen stream: its targets, what each client target holds, and the store subscription that
 * keeps them current. Every snapshot it sends is complete for all of its targets at one read time,
 * because commits arrive synchronously and are answered in full before the next one.
 */
export class ListenSession {
  private database: DatabaseName | undefined;
  private readonly views = new Map<number, TargetView>();
  private unsubscribe: (() => void) | undefined;
  /** Set once the client lets the server pick target ids (target_id 0); from then on it must always. */
  private assignsTargetIds = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly output: ListenOutput,
  ) {}

  handle(request: ListenRequest): void {
    const database = this.bindDatabase(request.database);
    if (request.addTarget) this.addTarget(database, request.addTarget);
    else if (request.removeTarget !== undefined) this.removeTarget(request.removeTarget);
    else throw new InvalidArgumentError('A listen request must add or remove a target.');
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.views.clear();
  }

  private bindDatabase(raw: string | undefined): DatabaseName {
    if (this.database === undefined) {
      this.database = parseDatabaseName(raw);
      this.unsubscribe = this.store.onCommit((commit) => this.onCommit(commit));
    } else if (raw && raw !== this.database) {
      throw new InvalidArgumentError(`This stream listens to "${this.database}", not "${raw}".`);
    }
    return this.database;
  }

  private addTarget(database: DatabaseName, target: Target): void {
    const id = this.claimTargetId(target.targetId ?? 0);
    const readTime = this.store.clock.readTime();
    let view: TargetView;
    let plan: ResumePlan;
    try {
      if (this.assignsTargetIds && target.targetId) throw new InvalidArgumentError('Once the server assigns target ids, every target must leave target_id unset.');
      view = new TargetView(id, selectTarget(this.store, database, target));
      plan = planResume(target, readTime);
    } catch (error) {
      // A bad target fails alone, as on the real service: the client's other targets keep streaming.
      if (!(error instanceof FirestoreError)) throw error;
      this.output.send(targetChange('REMOVE', [id], { cause: { code: error.code, message: error.details } }));
      return;
    }

    this.views.set(id, view);
    this.output.send(targetChange('ADD', [id]));
    if (plan.kind === 'reset') this.output.send(targetChange('RESET', [id]));
    if (plan.kind === 'since') view.assumeClientHolds(plan.at);
    this.sendDiffs(new Map([[id, view.refresh()]]), readTime);
    // Documents deleted between the resume point and now may be unknown to the store (a reset
    // wipes history); the count lets the client detect that and re-query, as with the real service.
    if (plan.kind === 'since') this.output.send({ filter: { targetId: id, count: view.size } });
    this.output.send(targetChange('CURRENT', [id], { resumeToken: encodeResumeToken(readTime) }));
    this.sendSnapshot(readTime);
    if (target.once) this.removeTarget(id);
  }

  private claimTargetId(requested: number): number {
    if (!Number.isInteger(requested) || requested < 0) throw new InvalidArgumentError(`Invalid target id ${requested}: it must be positive.`);
    if (requested === 0) {
      this.assignsTargetIds = true;
      return Math.max(0, ...this.views.keys()) + 1;
    }
    if (this.views.has(requested)) throw new InvalidArgumentError(`Target id ${requested} is already in use on this stream.`);
    return requested;
  }

  private removeTarget(id: number): void {
    this.views.delete(id);
    // Acknowledged even when unknown: the web SDK counts the answers it waits for per target.
    this.output.send(targetChange('REMOVE', [id]));
  }

  private onCommit(commit: CommitEvent): void {
    if (commit.database !== this.database || this.views.size === 0) return;
    try {
      const diffs = new Map<number, TargetDiff>();
      for (const view of this.views.values()) {
        const diff = view.applyCommit(commit.changes);
        if (diff.changed.length || diff.removed.length) diffs.set(view.id, diff);
      }
      if (diffs.size === 0) return;
      const readTime = timestampToMicros(commit.readTime);
      this.sendDiffs(diffs, readTime);
      this.sendSnapshot(readTime);
    } catch (error) {
      this.output.fail(error);
    }
  }

  private sendDiffs(diffs: ReadonlyMap<number, TargetDiff>, readTime: Micros): void {
    const exists = (name: string) => this.store.get(name) !== undefined;
    for (const response of documentResponses(diffs, exists, microsToTimestamp(readTime))) this.output.send(response);
  }

  /** The global NO_CHANGE (no target ids, a read time) is what makes clients raise a snapshot. */
  private sendSnapshot(readTime: Micros): void {
    this.output.send(targetChange('NO_CHANGE', [], { readTime: microsToTimestamp(readTime), resumeToken: encodeResumeToken(readTime) }));
  }
}
