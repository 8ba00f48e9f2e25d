import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import type { RuntimeEnv } from './runtime-env.ts';
import type { ServicePlan } from './service-plan.ts';

/**
 * A Cloud Run v2 service running the gateway image: by digest, probed on its health path,
 * sized from config, secrets as env references. Public services let allUsers invoke them;
 * private ones only the accounts granted run.invoker (the push account, the gateway).
 */
export function cloudRunService(args: {
  project: string;
  region: string;
  plan: ServicePlan;
  image: string;
  account: gcp.serviceaccount.Account;
  env: RuntimeEnv;
  audience: string;
  deletionProtection: boolean;
  dependsOn: pulumi.Resource[];
}) {
  const { plan, env } = args;
  const healthPath = plan.deployable.kind === 'cloud-run' ? plan.deployable.healthPath : '/healthz';
  const service = new gcp.cloudrunv2.Service(
    `run-${plan.name}`,
    {
      project: args.project,
      location: args.region,
      name: plan.name,
      ingress: 'INGRESS_TRAFFIC_ALL',
      deletionProtection: args.deletionProtection,
      customAudiences: [args.audience],
      template: {
        serviceAccount: args.account.email,
        scaling: { minInstanceCount: plan.size.minInstances, maxInstanceCount: plan.size.maxInstances },
        // Pushes ride the same service and may take up to the 600 s ack deadline.
        timeout: '600s',
        containers: [
          {
            image: args.image,
            ports: { containerPort: 8080 },
            resources: { limits: { cpu: plan.size.cpu, memory: plan.size.memory }, cpuIdle: true, startupCpuBoost: true },
            envs: [
              ...Object.entries(env.plain).map(([name, value]) => ({ name, value })),
              ...Object.entries(env.secrets).map(([name, secret]) => ({
                name,
                valueSource: { secretKeyRef: { secret, version: 'latest' } },
              })),
            ],
            startupProbe: { httpGet: { path: healthPath }, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 20 },
            livenessProbe: { httpGet: { path: healthPath }, periodSeconds: 30, timeoutSeconds: 5, failureThreshold: 3 },
          },
        ],
      },
    },
    { dependsOn: args.dependsOn },
  );
  if (plan.access === 'public') {
    new gcp.cloudrunv2.ServiceIamMember(`run-${plan.name}-public`, {
      project: args.project,
      location: args.region,
      name: service.name,
      role: 'roles/run.invoker',
      member: 'allUsers',
    });
  }
  return service;
}

/** Lets `member` call a Cloud Run service (or a gen2 function's service). */
export function grantInvoker(name: string, args: { project: string; region: string; service: pulumi.Input<string>; member: pulumi.Input<string> }) {
  return new gcp.cloudrunv2.ServiceIamMember(name, {
    project: args.project,
    location: args.region,
    name: args.service,
    role: 'roles/run.invoker',
    member: args.member,
  });
}
