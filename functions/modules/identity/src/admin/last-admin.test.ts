import { AdminUser } from '@plaza/contracts';
import { firebaseAuth, firestore } from '@plaza/runtime';
import { signInAgain, signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityServiceWithOwnFirestore } from './testing/admin-test-service.ts';

// This file's own Firestore: the rule counts every admin, so no other file's admins may be there.
const { call } = await identityServiceWithOwnFirestore();
let founder: EmulatorUser;

beforeAll(async () => {
  founder = await signUpUser({ roles: ['admin'] });
});

const as = (token: string, method: string) => ({ token, method });
const activeAdmins = async () => {
  const snapshot = await (await firestore()).collection('access').where('roles', 'array-contains', 'admin').get();
  return snapshot.docs.filter((doc) => !doc.get('disabled') && !doc.get('deleted')).map((doc) => doc.id);
};

describe('the last admin', () => {
  it('cannot revoke their own admin role, deactivate themself or delete themself', async () => {
    const attempts = [
      call(`/v1/admin/users/${founder.uid}/roles/admin`, as(founder.idToken, 'DELETE')),
      call(`/v1/admin/users/${founder.uid}/deactivate`, as(founder.idToken, 'POST')),
      call(`/v1/admin/users/${founder.uid}`, as(founder.idToken, 'DELETE')),
      call('/v1/me', as(founder.idToken, 'DELETE')),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'conflict' });
    }
    // Refused, so nothing was written: still an admin by the claims, enabled, and acting.
    const account = await (await firebaseAuth()).getUser(founder.uid);
    expect(account.customClaims).toMatchObject({ roles: ['admin'] });
    expect(account.disabled).toBe(false);
    expect((await call('/v1/admin/audit', as(founder.idToken, 'GET'))).status).toBe(200);
  });

  it('leaves one admin when two admins demote each other at the same moment', async () => {
    const second = await signUpUser();
    expect((await call(`/v1/admin/users/${second.uid}/roles/admin`, as(founder.idToken, 'PUT'))).status).toBe(200);
    const secondToken = await signInAgain(second);
    expect((await activeAdmins()).sort()).toEqual([founder.uid, second.uid].sort());

    const [byFounder, bySecond] = await Promise.all([
      call(`/v1/admin/users/${second.uid}/roles/admin`, as(founder.idToken, 'DELETE')),
      call(`/v1/admin/users/${founder.uid}/roles/admin`, as(secondToken, 'DELETE')),
    ]);
    const statuses = [byFounder.status, bySecond.status];
    // One wins; the other, rerun by Firestore after the first committed, finds its actor no
    // longer an admin (403) or its target the last one (409).
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 403 || status === 409)).toHaveLength(1);
    const survivors = await activeAdmins();
    expect(survivors).toHaveLength(1);
    const winner = byFounder.status === 200 ? founder.uid : second.uid;
    expect(survivors).toEqual([winner]);
    const loser = winner === founder.uid ? bySecond : byFounder;
    expect(await loser.json()).toMatchObject({ code: expect.stringMatching(/^(forbidden|conflict)$/) });
    if (winner !== founder.uid) founder = { ...second, idToken: secondToken };
  });

  it('leaves one admin when two admins step down at the same moment, and lets one step down once another is there', async () => {
    const other = await signUpUser();
    const founderToken = await signInAgain(founder);
    expect((await call(`/v1/admin/users/${other.uid}/roles/admin`, as(founderToken, 'PUT'))).status).toBe(200);
    const otherToken = await signInAgain(other);

    const [founderSteps, otherSteps] = await Promise.all([
      call(`/v1/admin/users/${founder.uid}/roles/admin`, as(founderToken, 'DELETE')),
      call(`/v1/admin/users/${other.uid}/roles/admin`, as(otherToken, 'DELETE')),
    ]);
    expect([founderSteps.status, otherSteps.status].sort()).toEqual([200, 409]);
    const survivors = await activeAdmins();
    expect(survivors).toHaveLength(1);
    const stayed = founderSteps.status === 409 ? founder.uid : other.uid;
    expect(survivors).toEqual([stayed]);
    const view = AdminUser.parse(await (founderSteps.status === 200 ? founderSteps : otherSteps).json());
    expect(view.roles).toEqual(['member']);
  });
});
