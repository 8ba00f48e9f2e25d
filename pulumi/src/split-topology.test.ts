import { subscriptions } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { definePlaza } from './platform.ts';
import { mockProject, ofType, plainEnv, runProgram, secretEnv } from './testing/mock-cloud.ts';
import { splitConfig } from './testing/topologies.ts';
import { builtSources } from './testing/built-sources.ts';

const sourceRoot = await builtSources();

const urlOf = (service: string) => `https://${service}-123456789012.europe-west1.run.app`;

describe('a split topology (notifications and mailer in services of their own)', async () => {
  const { resources, outputs } = await runProgram(() => definePlaza(splitConfig(), { sourceRoot }));
  const services = ofType(resources, 'gcp:cloudrunv2/service:Service');
  const service = (name: string) => services.find((s) => s.inputs.name === name)!;

  it('runs each split module as a service of the gateway image with its own account and size', () => {
    expect(services.map((s) => s.inputs.name).sort()).toEqual(['gateway', 'mailer', 'notifications']);
    const notifications = service('notifications');
    expect(notifications.inputs.template.containers[0].image).toBe(service('gateway').inputs.template.containers[0].image);
    expect(notifications.inputs.template.serviceAccount).toBe(`run-notifications@${mockProject}.iam.gserviceaccount.com`);
    expect(notifications.inputs.template.scaling).toEqual({ minInstanceCount: 1, maxInstanceCount: 3 });
    expect(notifications.inputs.customAudiences).toEqual([`plaza-push:${mockProject}:notifications`]);
  });

  it('tells the gateway where the split modules run', () => {
    const remote = plainEnv(service('gateway')).TOPOLOGY_REMOTE_MODULES?.split(',').sort();
    expect(remote).toEqual([`mailer=${urlOf('mailer')}`, `notifications=${urlOf('notifications')}`]);
  });

  it('moves settings and secrets with their module', () => {
    // CSRF_SECRET is every service's (libs/runtime); SMTP_URL only the mailer's.
    expect(secretEnv(service('gateway'))).toEqual({ CSRF_SECRET: 'csrf-secret', TELEGRAM_BOT_TOKEN: 'telegram-bot-token' });
    expect(secretEnv(service('mailer'))).toEqual({ CSRF_SECRET: 'csrf-secret', SMTP_URL: 'smtp-url' });
    expect(secretEnv(service('notifications'))).toEqual({ CSRF_SECRET: 'csrf-secret' });
    expect(plainEnv(service('notifications'))).toMatchObject({ ACCESS_ALLOWLIST: '' });
    expect(plainEnv(service('mailer'))).toMatchObject({ MAIL_FROM: 'Plaza <no-reply@plaza.test>', PUSH_AUDIENCE: `plaza-push:${mockProject}:mailer` });
    expect(plainEnv(service('gateway'))).not.toHaveProperty('MAIL_FROM');
  });

  it('points each push subscription at the service that owns its consumer', () => {
    const pushes = ofType(resources, 'gcp:pubsub/subscription:Subscription').filter((s) => s.inputs.pushConfig);
    for (const declaration of subscriptions) {
      const owner = ['notifications', 'mailer'].includes(declaration.module) ? declaration.module : 'gateway';
      const push = pushes.find((s) => s.inputs.name === declaration.name);
      expect(push?.inputs.pushConfig).toEqual({
        pushEndpoint: `${urlOf(owner)}${declaration.pushPath}`,
        oidcToken: { serviceAccountEmail: `pubsub-push@${mockProject}.iam.gserviceaccount.com`, audience: `plaza-push:${mockProject}:${owner}` },
      });
    }
  });

  it('lets the gateway invoke the services it forwards to', () => {
    const invokers = ofType(resources, 'gcp:cloudrunv2/serviceIamMember:ServiceIamMember').filter(
      (m) => m.inputs.member === `serviceAccount:run-gateway@${mockProject}.iam.gserviceaccount.com`,
    );
    expect(invokers.map((m) => m.inputs.name).sort()).toEqual(['mailer', 'notifications']);
  });

  it('outputs every service URL', () => {
    expect(outputs).toMatchObject({
      serviceUrls: { gateway: urlOf('gateway'), notifications: urlOf('notifications'), mailer: urlOf('mailer') },
      serviceAccounts: { notifications: `run-notifications@${mockProject}.iam.gserviceaccount.com` },
    });
  });
});
