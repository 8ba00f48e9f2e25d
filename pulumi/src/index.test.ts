import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { mockProject, ofType, runProgram } from './testing/mock-cloud.ts';
import { testImage } from './testing/stack-config.ts';
import { builtSources } from './testing/built-sources.ts';

const sourceRoot = await builtSources();

/** The entry point `pulumi up` loads, fed its config the way the CLI feeds it (flat keys, JSON objects). */
describe('the program entry point', async () => {
  pulumi.runtime.setAllConfig({
    'gcp:project': mockProject,
    'gcp:region': 'europe-west1',
    'plaza:gatewayImage': testImage,
    'plaza:settings': JSON.stringify({ APP_URL: 'https://plaza-test.web.app', MAIL_FROM: 'Plaza <a@plaza.test>', FIREBASE_API_KEY: 'k' }),
    'plaza:alerts': JSON.stringify({ email: 'ops@plaza.test' }),
    'plaza:githubRepository': 'plaza-org/plaza',
    'plaza:auth': JSON.stringify({ github: { clientId: 'github-client' } }),
    'plaza:githubClientSecret': 'github-secret',
  }, ['plaza:githubClientSecret']);
  const { resources, outputs } = await runProgram(async () => ({ ...(await import('./index.ts')) }));

  it('reads the stack config, deploys, and exports the outputs', () => {
    expect(outputs).toMatchObject({ gatewayUrl: 'https://gateway-123456789012.europe-west1.run.app', gatewayImage: testImage });
  });

  it('configures GitHub sign-in with the client secret from the secret config, still marked secret', () => {
    // Pulumi's wire form of a secret value: its signature key and the value; state stores it encrypted.
    const secret = { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', value: 'github-secret' };
    expect(ofType(resources, 'gcp:identityplatform/defaultSupportedIdpConfig:DefaultSupportedIdpConfig').map((r) => r.inputs)).toEqual([
      expect.objectContaining({ idpId: 'github.com', clientId: 'github-client', clientSecret: secret, enabled: true }),
    ]);
  });
});

describe('the first run (foundationOnly)', async () => {
  const { definePlaza } = await import('./platform.ts');
  const { testConfig } = await import('./testing/stack-config.ts');
  const { resources, outputs } = await runProgram(() => definePlaza(testConfig({ 'plaza:gatewayImage': undefined, 'plaza:foundationOnly': true }), { sourceRoot }));

  it('creates what the first image needs (APIs, registry, accounts, secrets, topics, WIF) and no service yet', () => {
    expect(ofType(resources, 'gcp:artifactregistry/repository:Repository')).toHaveLength(1);
    expect(ofType(resources, 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider')).toHaveLength(1);
    expect(ofType(resources, 'gcp:secretmanager/secret:Secret').length).toBeGreaterThan(0);
    expect(ofType(resources, 'gcp:pubsub/topic:Topic').length).toBeGreaterThan(0);
    expect(ofType(resources, 'gcp:cloudrunv2/service:Service')).toEqual([]);
    expect(ofType(resources, 'gcp:cloudscheduler/job:Job')).toEqual([]);
    expect(ofType(resources, 'gcp:pubsub/subscription:Subscription')).toEqual([]);
    expect(outputs).toMatchObject({ workloadIdentityProvider: expect.stringContaining('/providers/github-actions') });
  });
});
