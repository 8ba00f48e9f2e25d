import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { releasableLibs } from './next-lib-tag.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const workflowsDir = join(root, '.github/workflows');
const validator = join(root, 'node_modules/.bin/action-validator');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, { steps: Step[] }>;
}

const workflowFiles = readdirSync(workflowsDir).filter((file) => file.endsWith('.yml'));
const workflow = async (file: string) => load(await readFile(join(workflowsDir, file), 'utf8')) as Workflow;
const stepsOf = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow): string => stepsOf(w).flatMap((step) => (step.run ? [step.run] : [])).join('\n');

/** action-validator's verdict on one file: exit code and its report. */
async function validate(file: string): Promise<{ code: number; report: string }> {
  return run(validator, [file]).then(
    ({ stdout }) => ({ code: 0, report: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, report: `${error.stdout}${error.stderr}` }),
  );
}

const scratch = await mkdtemp(join(tmpdir(), 'plaza-workflows-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('GitHub workflows', () => {
  it('are ci, libs-tagger and release', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'libs-tagger.yml', 'release.yml']);
  });

  it.each(workflowFiles)('%s passes action-validator', async (file) => {
    const { code, report } = await validate(join(workflowsDir, file));
    expect(report).toBe('');
    expect(code).toBe(0);
  });

  it('action-validator rejects a workflow with a misspelt key (so a pass means something)', async () => {
    const broken = join(scratch, 'broken.yml');
    const text = (await readFile(join(workflowsDir, 'ci.yml'), 'utf8')).replace('runs-on:', 'runs_on:');
    await writeFile(broken, text);
    const { code, report } = await validate(broken);
    expect(code).not.toBe(0);
    expect(report).toContain('runs_on');
  });

  it('ci runs install with the npm cache, typecheck, lint, test and build on pushes and PRs to master', async () => {
    const ci = await workflow('ci.yml');
    expect(ci.on).toEqual({ push: { branches: ['master'] }, pull_request: { branches: ['master'] } });
    expect(stepsOf(ci).find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ cache: 'npm' });
    const commands = stepsOf(ci).flatMap((s) => (s.run ? [s.run] : []));
    const order = ['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm run lint', 'npm test', 'npm run build'].map((c) => commands.indexOf(c));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('libs-tagger offers exactly the directories under libs/ and rolls the tag back when publishing fails', async () => {
    const tagger = await workflow('libs-tagger.yml');
    const inputs = (tagger.on.workflow_dispatch as { inputs: Record<string, { options: string[] }> }).inputs;
    expect(inputs.lib?.options).toEqual(releasableLibs());
    expect(inputs.bump?.options.sort()).toEqual(['major', 'minor', 'patch']);
    const steps = stepsOf(tagger);
    expect(runs(tagger)).toContain('node --import tsx scripts/next-lib-tag.ts "$LIB" "$BUMP"');
    const publish = steps.findIndex((s) => s.run?.includes('npm publish'));
    const rollback = steps.find((s) => s.run?.includes('git push --delete origin'));
    expect(publish).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('git push origin "$TAG"')));
    expect(rollback?.if).toBe("failure() && steps.tag.outcome == 'success'");
  });

  it('release ships a vX.Y.Z tag keylessly: image, pulumi up prod, hosting, webhook when it exists, smoke test', async () => {
    const release = await workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(release.permissions?.['id-token']).toBe('write');
    const steps = stepsOf(release);
    const auth = steps.find((s) => s.uses?.startsWith('google-github-actions/auth'));
    expect(Object.keys(auth?.with ?? {})).toContain('workload_identity_provider');
    expect(Object.keys(auth?.with ?? {})).not.toContain('credentials_json');
    expect(runs(release)).toContain('docker build --file functions/gateway/Dockerfile');
    expect(existsSync(join(root, 'functions/gateway/Dockerfile'))).toBe(true);
    const pulumi = steps.find((s) => s.uses?.startsWith('pulumi/actions'));
    expect(pulumi?.with).toMatchObject({ command: 'up', 'stack-name': 'prod', 'work-dir': 'pulumi' });
    expect(existsSync(join(root, 'pulumi/Pulumi.prod.yaml'))).toBe(true);
    expect(runs(release)).toContain('firebase deploy --only hosting');
    const webhook = steps.find((s) => s.run?.includes('telegram-set-webhook'));
    expect(webhook?.if).toContain("hashFiles('scripts/telegram-set-webhook.ts') != ''");
    expect(steps.at(-1)?.run).toContain('scripts/smoke-test.ts');
  });

  it('call only scripts that exist, except a step guarded on the script existing', async () => {
    for (const file of workflowFiles) {
      for (const step of stepsOf(await workflow(file))) {
        for (const [, script] of (step.run ?? '').matchAll(/node --import tsx (\S+\.ts)/g)) {
          if (step.if?.includes(`hashFiles('${script}')`)) continue;
          expect(existsSync(join(root, script!)), `${file}: ${script}`).toBe(true);
        }
      }
    }
  });
});
