import { AdminUser, AdminUserList, AuditList } from '@plaza/contracts';
import { firebaseAuth } from '@plaza/runtime';
import { claimsOf, signInAgain, signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { findUsers } from './list-users.ts';
import { afterTokenSecond, identityServiceWithOwnFirestore } from './testing/admin-test-service.ts';

const { app, call } = await identityServiceWithOwnFirestore();
let admin: EmulatorUser;
let moderator: EmulatorUser;

beforeAll(async () => {
  [admin, moderator] = await Promise.all([signUpUser({ roles: ['admin'] }), signUpUser({ roles: ['moderator'] })]);
});

const auth = () => firebaseAuth();
const as = (user: { idToken: string }, method = 'GET', requestId?: string) => ({ token: user.idToken, method, ...(requestId ? { requestId } : {}) });

describe('assigning and revoking roles', () => {
  it('grants a role: Firestore first, then the claims, so a refreshed token carries it; the audit log has before and after', async () => {
    const member = await signUpUser();
    // A second later, so a revocation (which a grant must not do) would refuse the member's token.
    await afterTokenSecond(member.idToken);
    const response = await call(`/v1/admin/users/${member.uid}/roles/moderator`, as(admin, 'PUT', 'grant-req-1'));
    expect(response.status).toBe(200);
    expect(AdminUser.parse(await response.json())).toMatchObject({ uid: member.uid, roles: ['member', 'moderator'], disabled: false });
    expect((await (await auth()).getUser(member.uid)).customClaims).toMatchObject({ roles: ['member', 'moderator'] });
    expect(claimsOf(await signInAgain(member))['roles']).toEqual(['member', 'moderator']);
    // The token from before the grant still works, as a member's, until the client refreshes it.
    const before = await call('/v1/me/permissions', as(member));
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ roles: ['member'] });

    const audit = AuditList.parse(await (await call(`/v1/admin/audit?target=${member.uid}`, as(admin))).json());
    expect(audit.items).toEqual([
      expect.objectContaining({
        actorUid: admin.uid,
        action: 'role.assigned',
        targetUid: member.uid,
        before: { roles: ['member'], disabled: false, deleted: false },
        after: { roles: ['member', 'moderator'], disabled: false, deleted: false },
        requestId: 'grant-req-1',
      }),
    ]);

    // Granting again changes nothing and writes no second entry, but still answers with the account.
    expect((await call(`/v1/admin/users/${member.uid}/roles/moderator`, as(admin, 'PUT'))).status).toBe(200);
    expect(AuditList.parse(await (await call(`/v1/admin/audit?target=${member.uid}`, as(admin))).json()).items).toHaveLength(1);
  });

  it("takes a role away: the claims lose it and the holder's old token stops working at once", async () => {
    const second = await signUpUser();
    expect((await call(`/v1/admin/users/${second.uid}/roles/admin`, as(admin, 'PUT'))).status).toBe(200);
    const secondAdminToken = await signInAgain(second);
    expect((await call('/v1/admin/audit', { token: secondAdminToken })).status).toBe(200);

    await afterTokenSecond(secondAdminToken);
    const revoked = await call(`/v1/admin/users/${second.uid}/roles/admin`, as(admin, 'DELETE', 'revoke-req-1'));
    expect(revoked.status).toBe(200);
    expect(AdminUser.parse(await revoked.json()).roles).toEqual(['member']);
    expect((await (await auth()).getUser(second.uid)).customClaims).toMatchObject({ roles: ['member'] });

    const stale = await call('/v1/admin/audit', { token: secondAdminToken });
    expect(stale.status).toBe(401);
    // Signed in again, they are a member: the admin route is forbidden, their own routes work.
    const fresh = await signInAgain(second);
    expect((await call('/v1/admin/audit', { token: fresh })).status).toBe(403);
    expect((await call('/v1/me/permissions', { token: fresh })).status).toBe(200);
  });

  it('refuses unknown roles, the member role, unknown accounts and callers without roles:assign', async () => {
    const member = await signUpUser();
    for (const role of ['superuser', 'member']) {
      const response = await call(`/v1/admin/users/${member.uid}/roles/${role}`, as(admin, 'PUT'));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'path.role' }] });
    }
    for (const [method, path] of [
      ['PUT', '/v1/admin/users/no-such-uid/roles/moderator'],
      ['DELETE', '/v1/admin/users/no-such-uid/roles/admin'],
      ['POST', '/v1/admin/users/no-such-uid/deactivate'],
      ['POST', '/v1/admin/users/no-such-uid/reactivate'],
      ['DELETE', '/v1/admin/users/no-such-uid'],
    ] as const) {
      const unknown = await call(path, as(admin, method));
      expect(unknown.status, `${method} ${path}`).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'not_found' });
    }
    const tooLong = await call(`/v1/admin/users/${'x'.repeat(129)}/deactivate`, as(admin, 'POST'));
    expect(tooLong.status).toBe(400);
    expect((await call(`/v1/admin/users/${member.uid}/roles/moderator`, as(moderator, 'PUT'))).status).toBe(403);
    expect((await call(`/v1/admin/users/${member.uid}/roles/moderator`, as(member, 'PUT'))).status).toBe(403);
  });
});

describe('deactivating and reactivating', () => {
  it('disables the account in Auth, revokes its sessions, and lets it sign in again once reactivated', async () => {
    const member = await signUpUser();
    expect((await call('/v1/me/permissions', as(member))).status).toBe(200);
    await afterTokenSecond(member.idToken);

    const deactivated = await call(`/v1/admin/users/${member.uid}/deactivate`, as(moderator, 'POST'));
    expect(deactivated.status).toBe(200);
    expect(AdminUser.parse(await deactivated.json())).toMatchObject({ disabled: true });
    expect((await (await auth()).getUser(member.uid)).disabled).toBe(true);
    expect((await call('/v1/me/permissions', as(member))).status).toBe(401);
    await expect(signInAgain(member)).rejects.toThrow(/USER_DISABLED/);

    const reactivated = await call(`/v1/admin/users/${member.uid}/reactivate`, as(moderator, 'POST'));
    expect(AdminUser.parse(await reactivated.json())).toMatchObject({ disabled: false });
    expect((await call('/v1/me/permissions', { token: await signInAgain(member) })).status).toBe(200);

    const audit = AuditList.parse(await (await call(`/v1/admin/audit?target=${member.uid}`, as(admin))).json());
    expect(audit.items.map((entry) => [entry.action, entry.actorUid, entry.after.disabled])).toEqual([
      ['user.reactivated', moderator.uid, false],
      ['user.deactivated', moderator.uid, true],
    ]);
  });

  it('lets a moderator suspend members only, and an admin anyone but the last admin', async () => {
    const [otherModerator, otherAdmin] = await Promise.all([signUpUser({ roles: ['moderator'] }), signUpUser({ roles: ['admin'] })]);
    for (const target of [otherModerator, otherAdmin, admin]) {
      const response = await call(`/v1/admin/users/${target.uid}/deactivate`, as(moderator, 'POST'));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden' });
    }
    expect((await (await auth()).getUser(otherModerator.uid)).disabled).toBe(false);
    expect((await call(`/v1/admin/users/${otherModerator.uid}/deactivate`, as(admin, 'POST'))).status).toBe(200);
    // Nor may a moderator lift a moderator's suspension.
    expect((await call(`/v1/admin/users/${otherModerator.uid}/reactivate`, as(moderator, 'POST'))).status).toBe(403);
    expect((await (await auth()).getUser(otherModerator.uid)).disabled).toBe(true);
    expect((await call(`/v1/admin/users/${otherAdmin.uid}/deactivate`, as(admin, 'POST'))).status).toBe(200);
    const member = await signUpUser();
    expect((await call(`/v1/admin/users/${admin.uid}/deactivate`, as(member, 'POST'))).status).toBe(403);
  });
});

describe('listing accounts', () => {
  it('filters by role and by suspension, a page at a time, and finds one by email or uid', async () => {
    const [first, second] = await Promise.all([signUpUser(), signUpUser()]);
    for (const user of [first, second]) await call(`/v1/admin/users/${user.uid}/roles/moderator`, as(admin, 'PUT'));
    await call(`/v1/admin/users/${second.uid}/deactivate`, as(admin, 'POST'));

    const pages = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const response = await call(`/v1/admin/users?limit=1&${query}${cursor ? `&cursor=${cursor}` : ''}`, as(moderator));
        expect(response.status).toBe(200);
        const list = AdminUserList.parse(await response.json());
        expect(list.items.length).toBeLessThanOrEqual(1);
        seen.push(...list.items.map((user) => user.uid));
        cursor = list.nextCursor;
        if (!cursor) return seen;
      }
      throw new Error('more than 50 pages');
    };
    const moderators = await pages('role=moderator');
    expect(moderators).toEqual(expect.arrayContaining([first.uid, second.uid]));
    expect(moderators).not.toContain(admin.uid);
    expect(await pages('role=moderator&disabled=true')).toContain(second.uid);
    expect(await pages('role=moderator&disabled=true')).not.toContain(first.uid);

    const byEmail = AdminUserList.parse(await (await call(`/v1/admin/users?q=${encodeURIComponent(first.email)}`, as(moderator))).json());
    expect(byEmail.items).toEqual([expect.objectContaining({ uid: first.uid, email: first.email, roles: ['member', 'moderator'] })]);
    const byUid = AdminUserList.parse(await (await call(`/v1/admin/users?q=${second.uid}`, as(moderator))).json());
    expect(byUid.items).toEqual([expect.objectContaining({ uid: second.uid, disabled: true })]);
    // The filters hold for an exact lookup too: the account is answered only if it passes them.
    const exactly = async (query: string) => AdminUserList.parse(await (await call(`/v1/admin/users?${query}`, as(moderator))).json()).items;
    expect(await exactly(`q=${second.uid}&disabled=true&role=moderator`)).toEqual([expect.objectContaining({ uid: second.uid })]);
    expect(await exactly(`q=${second.uid}&disabled=false`)).toEqual([]);
    expect(await exactly(`q=${encodeURIComponent(first.email)}&role=admin`)).toEqual([]);
    expect(await exactly(`q=${encodeURIComponent(first.email)}&role=member`)).toEqual([expect.objectContaining({ uid: first.uid })]);

    const everyone = AdminUserList.parse(await (await call('/v1/admin/users?limit=2', as(moderator))).json());
    expect(everyone.items).toHaveLength(2);
    expect(everyone.nextCursor).not.toBeNull();
  });

  it('searches by a prefix of the username or display name, a page at a time, with the role filter on each page', async () => {
    const tag = crypto.randomUUID().slice(0, 6);
    const [plain, promoted] = await Promise.all([signUpUser(), signUpUser()]);
    for (const [user, username] of [[plain, `zed${tag}a`], [promoted, `zed${tag}b`]] as const) {
      const response = await app.request('/v1/me/profile', {
        method: 'PATCH',
        headers: { authorization: `Bearer ${user.idToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      expect(response.status).toBe(200);
    }
    await call(`/v1/admin/users/${promoted.uid}/roles/moderator`, as(admin, 'PUT'));

    const first = AdminUserList.parse(await (await call(`/v1/admin/users?name=ZED${tag}&limit=1`, as(moderator))).json());
    expect(first.items.map((user) => user.uid)).toEqual([plain.uid]);
    const second = AdminUserList.parse(await (await call(`/v1/admin/users?name=ZED${tag}&limit=1&cursor=${first.nextCursor}`, as(moderator))).json());
    expect(second).toEqual({ items: [expect.objectContaining({ uid: promoted.uid, roles: ['member', 'moderator'] })], nextCursor: null });
    const moderators = AdminUserList.parse(await (await call(`/v1/admin/users?name=zed${tag}&role=moderator`, as(moderator))).json());
    expect(moderators.items.map((user) => user.uid)).toEqual([promoted.uid]);
    // The cursor belongs to its search: replayed with another name, it is refused.
    expect((await call(`/v1/admin/users?name=other&cursor=${first.nextCursor}`, as(moderator))).status).toBe(400);
  });

  it('shows one account, 404 for an unknown uid, and refuses members', async () => {
    const member = await signUpUser({ displayName: 'Grace' });
    const response = await call(`/v1/admin/users/${member.uid}`, as(moderator));
    expect(AdminUser.parse(await response.json())).toMatchObject({ uid: member.uid, email: member.email, displayName: 'Grace', roles: ['member'] });
    expect((await call('/v1/admin/users/nobody-here', as(moderator))).status).toBe(404);
    expect((await call(`/v1/admin/users/${member.uid}`, as(member))).status).toBe(403);
  });

  it.each(['not-a-cursor', Buffer.from('{"source":"auth"}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])(
    'refuses the cursor %j with a 400 naming it',
    async (cursor) => {
      for (const path of ['/v1/admin/users', '/v1/admin/users?role=admin&', '/v1/admin/audit']) {
        const response = await call(`${path}${path.endsWith('&') ? '' : '?'}cursor=${cursor}`, as(admin));
        expect(response.status, path).toBe(400);
        expect(await response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'query.cursor' }] });
      }
    },
  );
});

describe('the audit log', () => {
  it('is newest first, filtered by actor, target and action, and paged with a cursor', async () => {
    const target = await signUpUser({ displayName: 'Ada Lovelace' });
    const otherAdmin = await signUpUser({ roles: ['admin'] });
    await call(`/v1/admin/users/${target.uid}/roles/moderator`, as(admin, 'PUT', 'audit-1'));
    await call(`/v1/admin/users/${target.uid}/deactivate`, as(otherAdmin, 'POST', 'audit-2'));
    await call(`/v1/admin/users/${target.uid}/roles/moderator`, as(admin, 'DELETE', 'audit-3'));
    await call(`/v1/admin/users/${target.uid}/reactivate`, as(admin, 'POST', 'audit-4'));

    const list = async (query: string) => AuditList.parse(await (await call(`/v1/admin/audit?${query}`, as(admin))).json());
    expect((await list(`target=${target.uid}`)).items.map((entry) => entry.requestId)).toEqual(['audit-4', 'audit-3', 'audit-2', 'audit-1']);
    expect((await list(`target=${target.uid}&actor=${otherAdmin.uid}`)).items.map((entry) => entry.requestId)).toEqual(['audit-2']);
    // An email address stands for the account's uid in either filter; one nobody has matches nothing.
    expect((await list(`target=${encodeURIComponent(target.email)}&actor=${encodeURIComponent(otherAdmin.email)}`)).items.map((entry) => entry.requestId)).toEqual(['audit-2']);
    expect(await list(`actor=${encodeURIComponent('nobody@plaza.test')}`)).toEqual({ items: [], people: {}, nextCursor: null });
    // Each page names its people as they are now: the email from Auth, the display name from the profile.
    expect((await list(`target=${target.uid}&actor=${otherAdmin.uid}`)).people).toEqual({
      [otherAdmin.uid]: { email: otherAdmin.email, displayName: null },
      [target.uid]: { email: target.email, displayName: 'Ada Lovelace' },
    });
    expect((await list(`target=${target.uid}&action=role.revoked`)).items).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ roles: ['member', 'moderator'], disabled: true }), after: expect.objectContaining({ roles: ['member'] }) }),
    ]);

    const first = await list(`target=${target.uid}&limit=3`);
    expect(first.items.map((entry) => entry.requestId)).toEqual(['audit-4', 'audit-3', 'audit-2']);
    const second = await list(`target=${target.uid}&limit=3&cursor=${first.nextCursor}`);
    expect(second).toEqual({
      items: [expect.objectContaining({ requestId: 'audit-1' })],
      people: { [admin.uid]: { email: admin.email, displayName: null }, [target.uid]: { email: target.email, displayName: 'Ada Lovelace' } },
      nextCursor: null,
    });

    // A full page names up to 200 people; Auth answers at most 100 a call, so they are asked in batches.
    const manyUids = [...Array.from({ length: 150 }, (_, index) => `no-such-uid-${index}`), target.uid, target.uid];
    expect((await findUsers(manyUids)).map((user) => user.uid)).toEqual([target.uid]);

    expect((await call(`/v1/admin/audit?action=user.exploded`, as(admin))).status).toBe(400);
    expect((await call('/v1/admin/audit', as(moderator))).status).toBe(403);
  });
});
