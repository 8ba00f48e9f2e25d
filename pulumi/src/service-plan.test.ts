import { declareSubscription, moduleDeployments, userRegistered } from '@plaza/contracts';
import { platformModules } from '@plaza/gateway';
import { describe, expect, it } from 'vitest';
import { planServices, pushTargetOf, serviceAccountIdFor } from './service-plan.ts';
import { testConfig } from './testing/stack-config.ts';
import { splitConfig } from './testing/topologies.ts';

describe('planServices', () => {
  it('puts every module in the gateway by default', () => {
    const plans = planServices(testConfig());
    expect(plans.map(({ name, modules, access }) => ({ name, modules, access }))).toEqual([
      { name: 'gateway', modules: moduleDeployments.map(({ name }) => name), access: 'public' },
      { name: 'telegram-webhook', modules: [], access: 'public' },
    ]);
    // The webhook runs no module, but publishes the telegram module's events.
    expect(plans[1]?.publishes).toEqual(['telegram']);
  });

  it('gives each split module a private service and the gateway a forward to it', () => {
    const plans = planServices(splitConfig());
    expect(plans.map(({ name, modules, access }) => ({ name, modules, access }))).toEqual([
      { name: 'gateway', modules: ['identity', 'widgets', 'telegram'], access: 'public' },
      { name: 'telegram-webhook', modules: [], access: 'public' },
      { name: 'notifications', modules: ['notifications'], access: 'private' },
      { name: 'mailer', modules: ['mailer'], access: 'private' },
    ]);
    expect([...plans[0]!.forwards]).toEqual([
      ['notifications', 'notifications'],
      ['mailer', 'mailer'],
    ]);
  });

  it('sends a push to the service running its module, and refuses a module nothing runs', () => {
    const plans = planServices(splitConfig());
    const onRegistered = (module: string) => declareSubscription({ name: `${module}.on-user-registered`, event: userRegistered });
    expect(pushTargetOf(onRegistered('mailer'), plans).name).toBe('mailer');
    expect(pushTargetOf(onRegistered('identity'), plans).name).toBe('gateway');
    expect(() => pushTargetOf(onRegistered('chat'), plans)).toThrow('subscription chat.on-user-registered: no service runs module "chat"');
  });

  it('derives valid service account ids and refuses names that cannot make one', () => {
    expect(serviceAccountIdFor('gateway')).toBe('run-gateway');
    expect(serviceAccountIdFor('chat')).toBe('run-chat');
    expect(() => serviceAccountIdFor('a-module-name-far-too-long-for-iam')).toThrow(/is not valid/);
  });

  it('knows every module the gateway mounts (libs/contracts moduleDeployments)', () => {
    const declared = moduleDeployments.map(({ name }) => name);
    for (const { name } of platformModules) expect(declared, `module ${name} needs an entry in libs/contracts/src/deployables.ts`).toContain(name);
  });
});
