import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from './audit-entry.ts';

const { api } = vi.hoisted(() => ({ api: { GET: vi.fn() } }));
vi.mock('../api.ts', () => ({ api }));
vi.mock('next/link', () => ({ default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => <a href={href} {...rest}>{children}</a> }));

const { AuditLog } = await import('./audit-log.tsx');

function ok(data: unknown) {
  return Promise.resolve({ data, response: new Response(JSON.stringify(data), { status: 200 }) });
}

const granted: AuditEntry = {
  id: 'e1',
  action: 'role.assigned',
  actorUid: 'admin-uid',
  targetUid: 'ada-uid',
  before: { roles: ['member'], disabled: false, deleted: false },
  after: { roles: ['member', 'moderator'], disabled: false, deleted: false },
  at: '2026-03-04T05:06:00.000Z',
  requestId: 'req-42',
};

beforeEach(() => {
  api.GET.mockReset();
  window.history.replaceState(null, '', '/admin/audit/');
});
afterEach(cleanup);

describe('AuditLog', () => {
  it('shows each entry in words with its diff, and pages on', async () => {
    const people = {
      'admin-uid': { email: 'grace@plaza.test', displayName: null },
      'ada-uid': { email: 'ada@plaza.test', displayName: 'Ada Lovelace' },
    };
    api.GET.mockReturnValueOnce(ok({ items: [granted], people, nextCursor: 'c2' }));
    api.GET.mockReturnValueOnce(
      ok({
        items: [{ ...granted, id: 'e0', action: 'user.deactivated', before: granted.after, after: { ...granted.after, disabled: true } }],
        people: { 'admin-uid': people['admin-uid'] },
        nextCursor: null,
      }),
    );
    render(<AuditLog />);
    const log = await screen.findByTestId('audit-log');
    const first = within(log).getByTestId('audit-e1');
    expect(first.textContent).toContain('grace@plaza.test granted moderator of Ada Lovelace (ada@plaza.test)');
    expect(first.textContent).toContain('roles: member → member, moderator');
    expect(first.textContent).toContain('Request req-42');
    expect(first.textContent).toContain('Actor admin-uid · Target ada-uid');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const second = await within(log).findByTestId('audit-e0');
    // Each page names its own people: Ada is gone from the second one, deleted since.
    expect(second.textContent).toContain('grace@plaza.test suspended the account of a deleted account');
    expect(second.textContent).toContain('suspended: no → yes');
    expect(api.GET.mock.calls[1]![1]).toEqual({ params: { query: { limit: 25, cursor: 'c2' } } });
  });

  it('takes its filters from the address and keeps them there', async () => {
    window.history.replaceState(null, '', '/admin/audit/?target=ada-uid');
    api.GET.mockReturnValue(ok({ items: [], people: {}, nextCursor: null }));
    render(<AuditLog />);
    expect(await screen.findByText('No entries')).toBeTruthy();
    expect(api.GET.mock.calls[0]![1]).toEqual({ params: { query: { limit: 25, target: 'ada-uid' } } });
    expect((screen.getByLabelText('Target (email or uid)') as HTMLInputElement).value).toBe('ada-uid');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'role.revoked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(api.GET).toHaveBeenCalledTimes(2));
    expect(api.GET.mock.calls[1]![1]).toEqual({ params: { query: { limit: 25, target: 'ada-uid', action: 'role.revoked' } } });
    expect(window.location.search).toBe('?target=ada-uid&action=role.revoked');
  });
});
