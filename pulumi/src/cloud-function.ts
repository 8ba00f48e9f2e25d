import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeEnv } from './runtime-env.ts';
import type { ServicePlan } from './service-plan.ts';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where function sources are uploaded, and the account that builds them (not the default compute one). */
export function functionSources(project: string, region: string, dependsOn: pulumi.Resource[]) {
  const bucket = new gcp.storage.Bucket(
    'function-sources',
    { project, name: `${project}-plaza-function-sources`, location: region, uniformBucketLevelAccess: true, forceDestroy: true },
    { dependsOn },
  );
  const builder = new gcp.serviceaccount.Account(
    'sa-function-builder',
    { project, accountId: 'function-builder', displayName: 'Plaza Cloud Functions builds' },
    { dependsOn },
  );
  for (const role of ['roles/logging.logWriter', 'roles/artifactregistry.writer', 'roles/storage.objectViewer']) {
    new gcp.projects.IAMMember(`sa-function-builder-${role.replace('roles/', '').replaceAll('.', '-')}`, { project, role, member: builder.member });
  }
  return { bucket, builder };
}

/**
 * A Cloud Functions gen2 function from a deployable's built directory: zipped, uploaded under
 * its content hash (so a new build is a new object and a new revision), run as its own account.
 */
export function cloudFunction(args: {
  project: string;
  region: string;
  plan: ServicePlan;
  account: gcp.serviceaccount.Account;
  env: RuntimeEnv;
  sources: ReturnType<typeof functionSources>;
  sourceRoot: string;
}) {
  const { plan, env } = args;
  if (plan.deployable.kind !== 'cloud-function') throw new Error(`${plan.name} is not a Cloud Function`);
  const archive = new gcp.storage.BucketObject(`source-${plan.name}`, {
    bucket: args.sources.bucket.name,
    name: `${plan.name}.zip`,
    source: new pulumi.asset.FileArchive(join(args.sourceRoot, plan.deployable.source)),
  });
  const fn = new gcp.cloudfunctionsv2.Function(`fn-${plan.name}`, {
    project: args.project,
    location: args.region,
    name: plan.name,
    buildConfig: {
      runtime: 'nodejs20',
      entryPoint: plan.deployable.entryPoint,
      serviceAccount: args.sources.builder.id,
      source: { storageSource: { bucket: args.sources.bucket.name, object: archive.name, generation: archive.generation } },
    },
    serviceConfig: {
      serviceAccountEmail: args.account.email,
      minInstanceCount: plan.size.minInstances,
      maxInstanceCount: plan.size.maxInstances,
      availableMemory: plan.size.memory,
      availableCpu: plan.size.cpu,
      timeoutSeconds: 60,
      ingressSettings: 'ALLOW_ALL',
      allTrafficOnLatestRevision: true,
      environmentVariables: env.plain,
      secretEnvironmentVariables: Object.entries(env.secrets).map(([key, secret]) => ({
        key,
        projectId: args.project,
        secret,
        version: 'latest',
      })),
    },
  });
  // A gen2 function is served by a Cloud Run service of the same name; invoking it is run.invoker there.
  const serviceName = fn.name;
  if (plan.access === 'public') {
    new gcp.cloudrunv2.ServiceIamMember(`fn-${plan.name}-public`, {
      project: args.project,
      location: args.region,
      name: serviceName,
      role: 'roles/run.invoker',
      member: 'allUsers',
    });
  }
  return { fn, url: fn.url, serviceName };
}
