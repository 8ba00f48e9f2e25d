'use client';
import { expectOk } from '@plaza/api-client';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { Field } from '../ui/field.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import {
  accessDiff,
  auditActions,
  auditFiltersFrom,
  auditHref,
  auditQuery,
  describeAction,
  describeChange,
  emptyAuditFilters,
  namedEntries,
  personLabel,
  type AuditFilters,
  type NamedAuditEntry,
} from './audit-entry.ts';
import { formatWhen } from './format.ts';
import { SelectField } from './select-field.tsx';
import { usePagedList } from './use-paged-list.ts';
import styles from './admin.module.css';

const actionOptions = [{ value: '', label: 'Any action' }, ...auditActions];

/** The audit page: what admins and moderators did, newest first; the filters come from the address too. */
export function AuditLog() {
  // Undefined until the address is read (a static page has no query at build time).
  const [filters, setFilters] = useState<AuditFilters>();
  const [draft, setDraft] = useState<AuditFilters>(emptyAuditFilters);
  useEffect(() => {
    const fromAddress = auditFiltersFrom(window.location.search);
    setDraft(fromAddress);
    setFilters(fromAddress);
  }, []);

  const apply = (next: AuditFilters) => {
    setDraft(next);
    setFilters({ ...next });
    window.history.replaceState(null, '', auditHref(next));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  return (
    <>
      <h1>Audit log</h1>
      <p><Link href="/admin/">Back to users</Link></p>
      <form role="search" aria-label="Filter the audit log" className={styles.filters} onSubmit={onSubmit}>
        <Field label="Actor (email or uid)" name="actor" autoComplete="off" maxLength={320} value={draft.actor} onChange={(event) => setDraft({ ...draft, actor: event.target.value })} />
        <Field label="Target (email or uid)" name="target" autoComplete="off" maxLength={320} value={draft.target} onChange={(event) => setDraft({ ...draft, target: event.target.value })} />
        <SelectField
          label="Action"
          name="action"
          options={actionOptions}
          value={draft.action}
          onChange={(event) => setDraft({ ...draft, action: event.target.value as AuditFilters['action'] })}
        />
        <div className="actions">
          <button type="submit">Filter</button>
          <button type="button" className="secondary" onClick={() => apply(emptyAuditFilters)}>Clear</button>
        </div>
      </form>
      {filters ? <AuditEntries filters={filters} /> : <Loading label="Loading the audit log…" />}
    </>
  );
}

function AuditEntries({ filters }: { filters: AuditFilters }) {
  const fetchPage = useCallback(
    async (cursor: string | undefined) => namedEntries(await expectOk(api.GET('/v1/admin/audit', { params: { query: auditQuery(filters, cursor) } }))),
    [filters],
  );
  const list = usePagedList<NamedAuditEntry>(fetchPage);
  const filtered = Boolean(filters.actor.trim() || filters.target.trim() || filters.action);

  if (list.items === undefined) {
    return list.error ? (
      <>
        <ProblemMessage error={list.error} />
        <button type="button" className="secondary" onClick={list.reload}>Try again</button>
      </>
    ) : (
      <Loading label="Loading the audit log…" />
    );
  }
  if (list.items.length === 0 && !list.nextCursor) {
    return (
      <EmptyState title="No entries">
        {filtered ? 'Nothing in the log matches these filters.' : 'Nobody has changed a role or a suspension yet.'}
      </EmptyState>
    );
  }
  return (
    <>
      <ol className="list" data-testid="audit-log" aria-label="Audit entries, newest first">
        {list.items.map((named) => (
          <AuditItem key={named.entry.id} {...named} />
        ))}
      </ol>
      <ProblemMessage error={list.moreError} />
      {list.nextCursor ? (
        <div className={styles.more}>
          <button type="button" className="secondary" aria-disabled={list.loadingMore || undefined} onClick={list.loadMore}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </>
  );
}

function AuditItem({ entry, actor, target }: NamedAuditEntry) {
  const changes = accessDiff(entry.before, entry.after);
  return (
    <li data-testid={`audit-${entry.id}`}>
      <div className={styles.entry}>
        <p>
          {personLabel(actor)} <strong>{describeAction(entry)}</strong> of {personLabel(target)}
        </p>
        {changes.length > 0 ? (
          <ul className={styles.diff} aria-label="Changes">
            {changes.map((change) => (
              <li key={change.field}>{describeChange(change)}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No change in access.</p>
        )}
        <p className="muted">
          <time dateTime={entry.at}>{formatWhen(entry.at)}</time> · Request <code>{entry.requestId}</code>
        </p>
        <p className={`muted ${styles.uid}`}>
          Actor <code>{entry.actorUid}</code> · Target <code>{entry.targetUid}</code>
        </p>
      </div>
    </li>
  );
}
