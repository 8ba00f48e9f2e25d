import { eventCatalog, secretIds } from '@plaza/contracts';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { definePlaza } from './platform.ts';
import { mockProject, ofType, runProgram, secretEnv, type RecordedResource } from './testing/mock-cloud.ts';
import { testConfig } from './testing/stack-config.ts';
import { builtSources } from './testing/built-sources.ts';
import { splitConfig } from './testing/topologies.ts';

const sourceRoot = await builtSources();
afterAll(() => rm(sourceRoot, { recursive: true, force: true }));

const publicMembers = new Set(['allUsers', 'allAuthenticatedUsers']);
const pushAccount = `pubsub-push@${mockProject}.iam.gserviceaccount.com`;
const pubsubAgent = 'serviceAccount:service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com';

/** The account each deployed thing runs as: service name -> email. */
function runAccounts(resources: readonly RecordedResource[]): Map<string, string> {
  const services = ofType(resources, 'gcp:cloudrunv2/service:Service').map((s) => [s.inputs.name, s.inputs.template.serviceAccount] as const);
  const functions = ofType(resources, 'gcp:cloudfunctionsv2/function:Function').map((f) => [f.inputs.name, f.inputs.serviceConfig.serviceAccountEmail] as const);
  return new Map([...services, ...functions]);
}

/** Secret id -> the services whose env reads it. */
function secretReaders(resources: readonly RecordedResource[]): Map<string, Set<string>> {
  const readers = new Map<string, Set<string>>();
  const add = (secret: string, service: string) => readers.set(secret, (readers.get(secret) ?? new Set()).add(service));
  for (const service of ofType(resources, 'gcp:cloudrunv2/service:Service')) {
    for (const secret of Object.values(secretEnv(service))) add(secret, service.inputs.name);
  }
  for (const fn of ofType(resources, 'gcp:cloudfunctionsv2/function:Function')) {
    for (const { secret } of fn.inputs.serviceConfig.secretEnvironmentVariables as { secret: string }[]) add(secret, fn.inputs.name);
  }
  return readers;
}

const topologies = {
  default: () => definePlaza(testConfig(), { sourceRoot }),
  split: () => definePlaza(splitConfig(), { sourceRoot }),
};

describe.each(Object.entries(topologies))('policies, %s topology', async (_name, program) => {
  const { resources } = await runProgram(program);
  const accounts = runAccounts(resources);

  it('makes nothing public except the gateway and the Telegram webhook', () => {
    const publicBindings = resources.filter((r) => publicMembers.has(r.inputs.member) || (r.inputs.members ?? []).some((m: string) => publicMembers.has(m)));
    for (const binding of publicBindings) {
      expect(binding.type).toBe('gcp:cloudrunv2/serviceIamMember:ServiceIamMember');
      expect(['gateway', 'telegram-webhook']).toContain(binding.inputs.name);
    }
    expect(publicBindings.map((b) => b.inputs.name)).toContain('gateway');
    // No IAM policy resource replaces bindings wholesale, where a public member could hide.
    expect(resources.filter((r) => /IamPolicy|IAMPolicy/.test(r.type))).toEqual([]);
  });

  it('gives every push subscription an OIDC token, a dead-letter topic read by its own subscription, and the agent grants', () => {
    const subscriptions = ofType(resources, 'gcp:pubsub/subscription:Subscription');
    const pushes = subscriptions.filter((s) => s.inputs.pushConfig);
    expect(pushes.length).toBeGreaterThan(0);
    for (const push of pushes) {
      expect(push.inputs.pushConfig.oidcToken.serviceAccountEmail).toBe(pushAccount);
      expect(push.inputs.pushConfig.oidcToken.audience).toMatch(/^plaza-push:/);
      expect(push.inputs.pushConfig.pushEndpoint).toMatch(/^https:\/\//);
      const deadLetterTopic: string = push.inputs.deadLetterPolicy.deadLetterTopic;
      expect(deadLetterTopic).toMatch(/\.dead-letter$/);
      expect(subscriptions.filter((s) => s.inputs.topic === deadLetterTopic && !s.inputs.pushConfig)).toHaveLength(1);
      expect(ofType(resources, 'gcp:pubsub/topicIAMMember:TopicIAMMember')).toContainEqual(
        expect.objectContaining({ inputs: expect.objectContaining({ topic: deadLetterTopic.split('/').pop(), role: 'roles/pubsub.publisher', member: pubsubAgent }) }),
      );
      expect(ofType(resources, 'gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember')).toContainEqual(
        expect.objectContaining({ inputs: expect.objectContaining({ subscription: push.inputs.name, role: 'roles/pubsub.subscriber', member: pubsubAgent }) }),
      );
    }
  });

  it('lets the push account invoke every service a subscription or the scheduler calls', () => {
    const targets = [
      ...ofType(resources, 'gcp:pubsub/subscription:Subscription').flatMap((s) => (s.inputs.pushConfig ? [s.inputs.pushConfig.pushEndpoint] : [])),
      ...ofType(resources, 'gcp:cloudscheduler/job:Job').map((j) => j.inputs.httpTarget.uri),
    ].map((url: string) => new URL(url).hostname.split('-123456789012')[0]);
    const invokable = ofType(resources, 'gcp:cloudrunv2/serviceIamMember:ServiceIamMember')
      .filter((m) => m.inputs.member === `serviceAccount:${pushAccount}` && m.inputs.role === 'roles/run.invoker')
      .map((m) => m.inputs.name);
    for (const target of new Set(targets)) expect(invokable).toContain(target);
  });

  it('binds every secret only to the accounts of the services that read it', () => {
    const readers = secretReaders(resources);
    const bindings = ofType(resources, 'gcp:secretmanager/secretIamMember:SecretIamMember');
    for (const secret of secretIds) {
      const expected = [...(readers.get(secret) ?? [])].map((service) => `serviceAccount:${accounts.get(service)}`).sort();
      const bound = bindings.filter((b) => b.inputs.secretId === secret).map((b) => b.inputs.member).sort();
      expect(bound, secret).toEqual(expected);
    }
    for (const binding of bindings) expect(binding.inputs.role).toBe('roles/secretmanager.secretAccessor');
  });

  it('runs every deployable as its own account, never the default compute account', () => {
    const emails = [...accounts.values()];
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(email).toMatch(new RegExp(`@${mockProject}\\.iam\\.gserviceaccount\\.com$`));
      expect(email).not.toMatch(/-compute@developer\.gserviceaccount\.com$/);
    }
    for (const fn of ofType(resources, 'gcp:cloudfunctionsv2/function:Function')) expect(fn.inputs.buildConfig.serviceAccount).toBeTruthy();
  });

  it('grants no basic role (owner, editor, viewer) to anyone', () => {
    const roles = resources.filter((r) => r.type.includes('IAMMember') || r.type.includes('IamMember')).map((r) => r.inputs.role);
    expect(roles.filter((role: string) => /^roles\/(owner|editor|viewer)$/.test(role))).toEqual([]);
  });
});

describe('the webhook function', async () => {
  const { resources, outputs } = await runProgram(() => definePlaza(testConfig(), { sourceRoot }));

  it('is a gen2 function with its entry point, secrets as references, public, and its URL an output', () => {
    const [fn] = ofType(resources, 'gcp:cloudfunctionsv2/function:Function');
    expect(fn?.inputs.buildConfig).toMatchObject({ runtime: 'nodejs20', entryPoint: 'telegramWebhook' });
    expect(fn?.inputs.serviceConfig.secretEnvironmentVariables.map((s: { key: string; secret: string }) => [s.key, s.secret])).toEqual([
      ['TELEGRAM_BOT_TOKEN', 'telegram-bot-token'],
      ['TELEGRAM_WEBHOOK_SECRET', 'telegram-webhook-secret'],
    ]);
    expect((outputs as { telegramWebhookUrl?: string }).telegramWebhookUrl).toBe('https://telegram-webhook-123456789012.europe-west1.run.app');
  });

  it("may publish the telegram module's events and nothing else", () => {
    const webhookAccount = `serviceAccount:run-telegram-webhook@${mockProject}.iam.gserviceaccount.com`;
    const published = ofType(resources, 'gcp:pubsub/topicIAMMember:TopicIAMMember')
      .filter((grant) => grant.inputs.member === webhookAccount)
      .map((grant) => grant.inputs.topic);
    expect(published).toEqual(eventCatalog.filter((event) => event.module === 'telegram').map((event) => event.topic));
    expect(published.length).toBeGreaterThan(0);
  });
});
