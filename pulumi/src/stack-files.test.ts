import { deployables } from '@plaza/contracts';
import { outboxSweepPath as runtimeSweepPath } from '@plaza/runtime';
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseStackConfig } from './config.ts';
import { outboxSweepPath } from './outbox-sweep-schedule.ts';
import { testImage } from './testing/stack-config.ts';

const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

/** A stack file's config as Pulumi hands it to the program: structured values as JSON strings. */
async function stackFile(stack: string): Promise<Record<string, string>> {
  const { config } = load(await read(`../Pulumi.${stack}.yaml`)) as { config: Record<string, unknown> };
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}

describe.each(['dev', 'prod'])('Pulumi.%s.yaml', (stack) => {
  it('is a valid config once release.yml adds the image', async () => {
    const config = parseStackConfig({ ...(await stackFile(stack)), 'plaza:gatewayImage': testImage }, stack);
    expect(config.splitModules).toEqual({});
  });

  it("deploys the gateway where firebase.json's /api/** rewrite sends it", async () => {
    const firebase = JSON.parse(await read('../../firebase.json')) as { hosting: { rewrites: { source: string; run?: { serviceId: string; region: string } }[] } };
    const rewrite = firebase.hosting.rewrites.find((r) => r.source === '/api/**')?.run;
    const gateway = deployables.find((d) => d.kind === 'cloud-run' && d.hostsModules);
    expect(rewrite).toEqual({ serviceId: gateway?.name, region: (await stackFile(stack))['gcp:region'] });
  });
});

it('schedules the sweep on the path the runtime serves it', () => {
  expect(outboxSweepPath).toBe(runtimeSweepPath);
});
