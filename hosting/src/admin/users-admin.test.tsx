import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../session/session-context.tsx';
import type { AdminUser } from './user-search.ts';

const { api, session } = vi.hoisted(() => ({
  api: { GET: vi.fn(), PUT: vi.fn(), DELETE: vi.fn(), POST: vi.fn() },
  session: { me: undefined as unknown, refresh: vi.fn() },
}));
vi.mock('../api.ts', () => ({ api }));
vi.mock('../session/session-context.tsx', () => ({ useMe: () => session.me, useSession: () => ({ refresh: session.refresh }) }));
vi.mock('next/link', () => ({ default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => <a href={href} {...rest}>{children}</a> }));

const { UsersAdmin } = await import('./users-admin.tsx');

function ok(data: unknown) {
  return Promise.resolve({ data, response: new Response(JSON.stringify(data), { status: 200 }) });
}
function problem(status: number, body: Record<string, unknown>) {
  return Promise.resolve({ error: body, response: new Response(JSON.stringify(body), { status }) });
}

const admin: Me = {
  uid: 'admin-uid',
  email: 'root@plaza.test',
  emailVerified: true,
  username: 'root',
  displayName: null,
  avatarUrl: null,
  bio: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastSignInAt: null,
  roles: ['member', 'admin'],
  permissions: ['users:read', 'users:suspend', 'roles:assign', 'audit:read'],
};
const ada: AdminUser = {
  uid: 'ada-uid',
  email: 'ada@plaza.test',
  displayName: 'Ada',
  roles: ['member'],
  disabled: false,
  createdAt: '2026-01-02T00:00:00.000Z',
  lastSignInAt: null,
};

beforeEach(() => {
  session.me = admin;
  for (const method of Object.values(api)) method.mockReset();
});
afterEach(cleanup);

describe('UsersAdmin', () => {
  it('lists users and pages on with the cursor', async () => {
    api.GET.mockReturnValueOnce(ok({ items: [ada], nextCursor: 'page-2' }));
    api.GET.mockReturnValueOnce(ok({ items: [{ ...ada, uid: 'bob-uid', email: 'bob@plaza.test' }], nextCursor: null }));
    render(<UsersAdmin />);
    expect(await screen.findByTestId('user-ada-uid')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByTestId('user-bob-uid')).toBeTruthy();
    expect(api.GET.mock.calls[1]![1]).toEqual({ params: { query: { limit: 25, cursor: 'page-2' } } });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('sends an email as q and a name as name', async () => {
    api.GET.mockReturnValue(ok({ items: [], nextCursor: null }));
    render(<UsersAdmin />);
    await screen.findByText('No users found');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'ada@plaza.test' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'moderator' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(api.GET).toHaveBeenCalledTimes(2));
    expect(api.GET.mock.calls[1]![1]).toEqual({ params: { query: { limit: 25, q: 'ada@plaza.test', role: 'moderator' } } });
  });

  it('replaces the row with the answer and announces it', async () => {
    api.GET.mockReturnValueOnce(ok({ items: [ada], nextCursor: null }));
    api.PUT.mockReturnValueOnce(ok({ ...ada, roles: ['member', 'moderator'] }));
    render(<UsersAdmin />);
    const row = await screen.findByTestId('user-ada-uid');
    const grant = within(row).getByRole('button', { name: 'Grant moderator for ada@plaza.test' });
    grant.focus();
    fireEvent.click(grant);
    // The same button flips to the opposite action, so the keyboard focus stays on it.
    expect(await within(row).findByRole('button', { name: 'Revoke moderator for ada@plaza.test' })).toBe(grant);
    expect(document.activeElement).toBe(grant);
    expect(api.PUT).toHaveBeenCalledWith('/v1/admin/users/{uid}/roles/{role}', { params: { path: { uid: 'ada-uid', role: 'moderator' } } });
    expect(screen.getByTestId('admin-announcement').textContent).toBe('ada@plaza.test is now a moderator.');
    expect(session.refresh).not.toHaveBeenCalled();
  });

  it('shows a refusal next to the row', async () => {
    api.GET.mockReturnValueOnce(ok({ items: [{ ...ada, roles: ['member', 'admin'] }], nextCursor: null }));
    api.DELETE.mockReturnValueOnce(problem(409, { type: 'about:blank', status: 409, code: 'conflict', title: 'The last admin cannot lose the role' }));
    render(<UsersAdmin />);
    const row = await screen.findByTestId('user-ada-uid');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke admin for ada@plaza.test' }));
    expect((await within(row).findByRole('alert')).textContent).toContain('The last admin cannot lose the role');
  });

  it('reads the session again after taking the viewer’s own role', async () => {
    const me: AdminUser = { ...ada, uid: 'admin-uid', email: 'root@plaza.test', roles: ['member', 'moderator'] };
    api.GET.mockReturnValueOnce(ok({ items: [me], nextCursor: null }));
    api.DELETE.mockReturnValueOnce(ok({ ...me, roles: ['member'] }));
    render(<UsersAdmin />);
    const row = await screen.findByTestId('user-admin-uid');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke moderator for root@plaza.test' }));
    await waitFor(() => expect(session.refresh).toHaveBeenCalledTimes(1));
  });

  it('shows only what the viewer may do', async () => {
    session.me = { ...admin, roles: ['member', 'moderator'], permissions: ['users:read', 'users:suspend'] };
    api.GET.mockReturnValueOnce(ok({ items: [ada], nextCursor: null }));
    render(<UsersAdmin />);
    const row = await screen.findByTestId('user-ada-uid');
    expect(within(row).getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual(['Suspend for ada@plaza.test']);
    expect(screen.queryByText('Open the audit log')).toBeNull();
  });

  it('shows a failed listing and tries again', async () => {
    api.GET.mockReturnValueOnce(problem(503, { type: 'about:blank', status: 503, code: 'unavailable', title: 'Try again shortly', requestId: 'req-1' }));
    api.GET.mockReturnValueOnce(ok({ items: [ada], nextCursor: null }));
    render(<UsersAdmin />);
    expect((await screen.findByRole('alert')).textContent).toContain('Request req-1');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('user-ada-uid')).toBeTruthy();
  });
});
