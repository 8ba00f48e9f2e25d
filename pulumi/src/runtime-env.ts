import type { SecretId } from '@plaza/contracts';
import type * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { StackConfig } from './config.ts';
import type { ServicePlan } from './service-plan.ts';

/**
 * The audience of the OIDC tokens Pub/Sub and Cloud Scheduler send a service. A fixed string,
 * not the URL, so the service can be told it (PUSH_AUDIENCE) before its URL exists; private
 * services list it in Cloud Run's custom audiences so Cloud Run's own IAM check accepts it too.
 */
export const pushAudienceFor = (project: string, serviceName: string): string => `plaza-push:${project}:${serviceName}`;

export interface RuntimeEnv {
  readonly plain: Record<string, pulumi.Input<string>>;
  /** Env name -> secret id (latest version). */
  readonly secrets: Record<string, SecretId>;
}

/** What a service's code reads (libs/runtime serviceConfigSchema, gateway config, module settings). */
export function runtimeEnvFor(args: {
  plan: ServicePlan;
  config: StackConfig;
  pushAccount: gcp.serviceaccount.Account;
  serviceUrls: ReadonlyMap<string, pulumi.Output<string>>;
}): RuntimeEnv {
  const { plan, config } = args;
  const plain: Record<string, pulumi.Input<string>> = {
    GOOGLE_CLOUD_PROJECT: config.project,
    LOG_LEVEL: 'info',
    // Cloud Run's front end appends the client address to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: '1',
    PUSH_AUTH: 'oidc',
    PUSH_AUDIENCE: pushAudienceFor(config.project, plan.name),
    PUSH_SERVICE_ACCOUNT: args.pushAccount.email,
  };
  if (plan.forwards.size > 0) {
    const entries = [...plan.forwards].map(([module, service]) => {
      const url = args.serviceUrls.get(service);
      if (!url) throw new Error(`${plan.name} forwards ${module} to ${service}, which has no URL`);
      return pulumi.interpolate`${module}=${url}`;
    });
    plain.TOPOLOGY_REMOTE_MODULES = pulumi.all(entries).apply((pairs) => pairs.join(','));
  }
  for (const setting of plan.settings) plain[setting] = config.settings[setting];
  const secrets: Record<string, SecretId> = {};
  for (const [env, secret] of Object.entries(plan.secrets)) if (secret) secrets[env] = secret;
  return { plain, secrets };
}
