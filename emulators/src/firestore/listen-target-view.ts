import type { Micros } from './clock.ts';
import type { DocumentChange } from './store.ts';
import type { StoredDocument } from './types.ts';
import type { TargetSelection } from './listen-target.ts';

/** How a target's documents differ from what its client was last told. */
export interface TargetDiff {
  /** Documents that entered the target or changed version while in it. */
  changed: StoredDocument[];
  /** Names of documents that left the target (deleted, or no longer matching). */
  removed: string[];
}

/**
 * One target on one stream and the documents its client holds for it. Watching a stream is
 * diffing: whatever the target matches next is compared with what was sent, so a document that
 * leaves a limit's top N makes room for the next one without special cases.
 */
export class TargetView {
  private known = new Map<string, StoredDocument>();

  constructor(
    readonly id: number,
    private readonly selection: TargetSelection,
  ) {}

  get size(): number {
    return this.known.size;
  }

  /** Records that the client holds the target as it was at `at`, its resume point. */
  assumeClientHolds(at: Micros): void {
    this.known = new Map(this.selection.read(at).map((document) => [document.name, document]));
  }

  /** Re-reads the whole target now. */
  refresh(): TargetDiff {
    return this.replaceWith(this.selection.read());
  }

  /** Brings the target up to date after a commit; an empty diff when the commit could not affect it. */
  applyCommit(changes: readonly DocumentChange[]): TargetDiff {
    const relevant = changes.filter((change) => this.selection.touches(change.name));
    if (relevant.length === 0) return { changed: [], removed: [] };
    const member = this.selection.member;
    if (!member) return this.refresh();
    const diff: TargetDiff = { changed: [], removed: [] };
    for (const { name, after } of relevant) {
      const next = after && member(after);
      if (next) this.record(next, this.known.get(name), diff);
      else if (this.known.delete(name)) diff.removed.push(name);
    }
    return diff;
  }

  private replaceWith(documents: readonly StoredDocument[]): TargetDiff {
    const diff: TargetDiff = { changed: [], removed: [] };
    const previous = this.known;
    this.known = new Map();
    for (const document of documents) this.record(document, previous.get(document.name), diff);
    for (const name of previous.keys()) if (!this.known.has(name)) diff.removed.push(name);
    return diff;
  }

  private record(document: StoredDocument, before: StoredDocument | undefined, diff: TargetDiff): void {
    this.known.set(document.name, document);
    if (!before || !sameVersion(before, document)) diff.changed.push(document);
  }
}

function sameVersion(left: StoredDocument, right: StoredDocument): boolean {
  return (
    left === right ||
    (String(left.updateTime.seconds) === String(right.updateTime.seconds) && (left.updateTime.nanos ?? 0) === (right.updateTime.nanos ?? 0))
  );
}
