import { eventCatalog, firestoreIndexes, firestoreTtlPolicies, subscriptions } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { definePlaza } from './platform.ts';
import { mockProject, ofType, plainEnv, runProgram, secretEnv } from './testing/mock-cloud.ts';
import { testConfig, testImage } from './testing/stack-config.ts';
import { builtSources } from './testing/built-sources.ts';

const sourceRoot = await builtSources();

describe('the default topology', async () => {
  const { resources, outputs } = await runProgram(() => definePlaza(testConfig(), { sourceRoot }));
  const services = ofType(resources, 'gcp:cloudrunv2/service:Service');

  it('is one Cloud Run service, the gateway, running the image by digest with probes and limits', () => {
    expect(services.map((s) => s.inputs.name)).toEqual(['gateway']);
    const [gateway] = services;
    const container = gateway!.inputs.template.containers[0];
    expect(container.image).toBe(testImage);
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.resources.limits).toEqual({ cpu: '1', memory: '512Mi' });
    expect(gateway!.inputs.template.scaling).toEqual({ minInstanceCount: 0, maxInstanceCount: 10 });
    expect(gateway!.inputs.template.serviceAccount).toBe(`run-gateway@${mockProject}.iam.gserviceaccount.com`);
  });

  it('gives the gateway every module setting, its secrets as references, and no forwarding', () => {
    const [gateway] = services;
    const env = plainEnv(gateway!);
    expect(env).toMatchObject({ APP_URL: 'https://plaza-test.web.app', MAIL_FROM: 'Plaza <no-reply@plaza.test>', PUSH_AUTH: 'oidc' });
    expect(env.PUSH_SERVICE_ACCOUNT).toBe(`pubsub-push@${mockProject}.iam.gserviceaccount.com`);
    expect(env).not.toHaveProperty('TOPOLOGY_REMOTE_MODULES');
    expect(secretEnv(gateway!)).toEqual({
      CSRF_SECRET: 'csrf-secret',
      SMTP_URL: 'smtp-url',
      TELEGRAM_BOT_TOKEN: 'telegram-bot-token',
    });
  });

  it('creates a topic per event type and a dead-letter topic per subscription, from the shared declarations', () => {
    const topics = ofType(resources, 'gcp:pubsub/topic:Topic').map((t) => t.inputs.name);
    expect(topics).toEqual(expect.arrayContaining(eventCatalog.map((e) => e.topic)));
    expect(topics).toEqual(expect.arrayContaining(subscriptions.map((s) => s.deadLetterTopic)));
    expect(topics).toHaveLength(eventCatalog.length + subscriptions.length);
  });

  it('pushes every subscription to the gateway at its declared path, with the declared delivery settings', () => {
    const pushes = ofType(resources, 'gcp:pubsub/subscription:Subscription').filter((s) => s.inputs.pushConfig);
    expect(pushes).toHaveLength(subscriptions.length);
    for (const declaration of subscriptions) {
      const push = pushes.find((s) => s.inputs.name === declaration.name);
      expect(push?.inputs).toMatchObject({
        ackDeadlineSeconds: 600,
        pushConfig: { pushEndpoint: `https://gateway-123456789012.europe-west1.run.app${declaration.pushPath}` },
        retryPolicy: { minimumBackoff: `${declaration.minBackoffSeconds}s`, maximumBackoff: `${declaration.maxBackoffSeconds}s` },
        deadLetterPolicy: { maxDeliveryAttempts: declaration.maxDeliveryAttempts },
      });
    }
  });

  it('schedules the outbox sweep on the gateway with an OIDC token of the push account', () => {
    const [job] = ofType(resources, 'gcp:cloudscheduler/job:Job');
    expect(job?.inputs.httpTarget).toMatchObject({
      uri: 'https://gateway-123456789012.europe-west1.run.app/_internal/outbox/sweep',
      httpMethod: 'POST',
      oidcToken: { serviceAccountEmail: `pubsub-push@${mockProject}.iam.gserviceaccount.com`, audience: `plaza-push:${mockProject}:gateway` },
    });
  });

  it('declares Firestore in native mode with the shared indexes and TTL policies', () => {
    expect(ofType(resources, 'gcp:firestore/database:Database')[0]?.inputs).toMatchObject({ name: '(default)', type: 'FIRESTORE_NATIVE', locationId: 'europe-west1' });
    expect(ofType(resources, 'gcp:firestore/index:Index').map((i) => i.inputs)).toContainEqual(
      expect.objectContaining({ collection: '_outbox', fields: [{ fieldPath: 'publishedAt', order: 'ASCENDING' }, { fieldPath: 'createdAt', order: 'ASCENDING' }] }),
    );
    expect(ofType(resources, 'gcp:firestore/index:Index')).toHaveLength(firestoreIndexes.length);
    const ttl = ofType(resources, 'gcp:firestore/field:Field').map((f) => [f.inputs.collection, f.inputs.field, f.inputs.ttlConfig]);
    expect(ttl).toEqual(firestoreTtlPolicies.map((p) => [p.collectionGroup, p.field, {}]));
    expect(ttl).toContainEqual(['_outbox', 'publishedAt', {}]);
  });

  it('sets up auth, hosting, alerting, the registry and keyless deploys from GitHub tags', () => {
    expect(ofType(resources, 'gcp:identityplatform/config:Config')[0]?.inputs.signIn.email).toEqual({ enabled: true, passwordRequired: true });
    expect(ofType(resources, 'gcp:firebase/hostingSite:HostingSite')[0]?.inputs.siteId).toBe(mockProject);
    expect(ofType(resources, 'gcp:monitoring/alertPolicy:AlertPolicy').map((p) => p.name).sort()).toEqual(['dead-letters', 'gateway-5xx']);
    expect(ofType(resources, 'gcp:monitoring/notificationChannel:NotificationChannel')[0]?.inputs.labels).toEqual({ email_address: 'ops@plaza.test' });
    expect(ofType(resources, 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider')[0]?.inputs.attributeCondition).toBe(
      "assertion.repository == 'plaza-org/plaza' && assertion.ref.startsWith('refs/tags/v')",
    );
    expect(ofType(resources, 'gcp:serviceaccount/key:Key')).toEqual([]);
  });

  it('outputs the URLs and the service account emails', () => {
    expect(outputs).toMatchObject({
      gatewayUrl: 'https://gateway-123456789012.europe-west1.run.app',
      gatewayImage: testImage,
      hostingUrl: `https://${mockProject}.web.app`,
      serviceAccounts: { gateway: `run-gateway@${mockProject}.iam.gserviceaccount.com` },
      pushServiceAccount: `pubsub-push@${mockProject}.iam.gserviceaccount.com`,
      deployerServiceAccount: `github-deployer@${mockProject}.iam.gserviceaccount.com`,
      artifactRegistry: `europe-west1-docker.pkg.dev/${mockProject}/plaza`,
    });
    expect((outputs as { telegramWebhookUrl?: string }).telegramWebhookUrl).toBe('https://telegram-webhook-123456789012.europe-west1.run.app');
  });
});
