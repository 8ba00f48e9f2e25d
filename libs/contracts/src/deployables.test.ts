import { describe, expect, it } from 'vitest';
import { deployables, moduleDeployments, secretIds, settingNames } from './deployables.ts';
import { firestoreIndexes, firestoreTtlPolicies } from './firestore-indexes.ts';
import { subscriptions } from './subscriptions.ts';

describe('deployables', () => {
  it('have unique names, shared by no module (split modules become services of their name)', () => {
    const names = [...deployables.map(({ name }) => name), ...moduleDeployments.map(({ name }) => name)];
    expect(new Set(names).size).toBe(names.length);
  });

  it('include exactly one public Cloud Run service hosting the modules: the gateway', () => {
    const hosts = deployables.filter((d) => d.kind === 'cloud-run' && d.hostsModules);
    expect(hosts.map(({ name, access }) => ({ name, access }))).toEqual([{ name: 'gateway', access: 'public' }]);
  });

  it('give every subscription a module that can be deployed', () => {
    const modules = new Set(moduleDeployments.map(({ name }) => name));
    for (const subscription of subscriptions) expect(modules, subscription.name).toContain(subscription.module);
  });

  it('name only declared secrets and settings, each env name once', () => {
    const needs = [...moduleDeployments, ...deployables];
    for (const need of needs) {
      for (const secret of Object.values(need.secrets)) expect(secretIds).toContain(secret);
      for (const setting of need.settings) expect(settingNames).toContain(setting);
      const envNames = [...need.settings, ...Object.keys(need.secrets)];
      expect(new Set(envNames).size).toBe(envNames.length);
    }
  });
});

describe('firestore index configuration', () => {
  it('declares composite indexes of two or more fields, none twice', () => {
    const keys = firestoreIndexes.map((index) => `${index.collectionGroup}:${index.fields.map((f) => `${f.fieldPath}:${f.order}`).join(',')}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const index of firestoreIndexes) expect(index.fields.length).toBeGreaterThanOrEqual(2);
  });

  it('covers the outbox sweep query', () => {
    expect(firestoreIndexes).toContainEqual(
      expect.objectContaining({
        collectionGroup: '_outbox',
        fields: [
          { fieldPath: 'publishedAt', order: 'ASCENDING' },
          { fieldPath: 'createdAt', order: 'ASCENDING' },
        ],
      }),
    );
  });

  it('has at most one TTL field per collection group (Firestore allows one)', () => {
    const groups = firestoreTtlPolicies.map(({ collectionGroup }) => collectionGroup);
    expect(new Set(groups).size).toBe(groups.length);
  });
});
