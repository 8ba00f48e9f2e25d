import { deployables, moduleDeployments, subscriptions } from '@plaza/contracts';
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import { authAndHosting } from './auth-and-hosting.ts';
import { cloudFunction, functionSources, repositoryRoot } from './cloud-function.ts';
import { cloudRunService, grantInvoker } from './cloud-run-service.ts';
import type { StackConfig } from './config.ts';
import { firestoreDatabase } from './firestore.ts';
import { githubDeployer } from './github-deployer.ts';
import { alerting } from './monitoring.ts';
import { outboxSweepJob } from './outbox-sweep-schedule.ts';
import { artifactRegistry, enableApis } from './project-services.ts';
import { publisherGrants, pushSubscription, topics } from './pubsub.ts';
import { pushAudienceFor, runtimeEnvFor } from './runtime-env.ts';
import { secretsFor } from './secrets.ts';
import { serviceAccountFor } from './service-accounts.ts';
import { planServices, pushTargetOf, type Declarations, type ServicePlan } from './service-plan.ts';

export interface PlazaOptions {
  readonly declarations?: Declarations;
  /** OAuth client secrets for Identity Platform, as Pulumi secrets. */
  readonly clientSecrets?: { google?: pulumi.Input<string>; github?: pulumi.Input<string> };
  /** Where the deployables' built `source` directories are found: the repository, after `npm run build`. */
  readonly sourceRoot?: string;
}

/** All of Plaza on one Google Cloud project, for one stack's config. Returns the stack outputs. */
export function definePlaza(config: StackConfig, options: PlazaOptions = {}) {
  const declarations = options.declarations ?? { deployables, modules: moduleDeployments, subscriptions };
  const { project, region } = config;
  const apis = enableApis(project);
  const registry = artifactRegistry(project, region, apis);
  firestoreDatabase({ project, location: config.firestoreLocation ?? region, deletionProtection: config.deletionProtection, dependsOn: apis });
  const projectNumber = gcp.organizations.getProjectOutput({ projectId: project }).number;
  const pubsubServiceAgent = pulumi.interpolate`serviceAccount:service-${projectNumber}@gcp-sa-pubsub.iam.gserviceaccount.com`;

  const plans = planServices(config, declarations);
  const accounts = new Map(plans.map((plan) => [plan.name, serviceAccountFor(project, plan, apis)] as const));
  const accountOf = (plan: ServicePlan) => accounts.get(plan.name) as gcp.serviceaccount.Account;
  secretsFor(project, plans, accounts, apis);

  const topicsByName = topics(project, declarations.subscriptions, apis);
  for (const plan of plans) publisherGrants(project, plan, accountOf(plan).member, topicsByName, isHost(plan));

  // Pub/Sub and Cloud Scheduler sign their calls as this account; each service accepts only it.
  const pushAccount = new gcp.serviceaccount.Account('sa-push', { project, accountId: 'pubsub-push', displayName: 'Plaza push and scheduler calls' }, { dependsOn: apis });
  new gcp.serviceaccount.IAMMember('sa-push-agent-token-creator', {
    serviceAccountId: pushAccount.name,
    role: 'roles/iam.serviceAccountTokenCreator',
    member: pubsubServiceAgent,
  });

  const deployer = githubDeployer({ project, repository: config.githubRepository, dependsOn: apis });
  const auth = authAndHosting({ config, clientSecrets: options.clientSecrets ?? {}, dependsOn: apis });
  alerting({ project, email: config.alerts.email, gatewayService: hostOf(plans).name, gateway5xxPerSecond: config.alerts.gateway5xxPerSecond, dependsOn: apis });

  const common = {
    artifactRegistry: registry.url,
    hostingUrl: auth.hostingUrl,
    pushServiceAccount: pushAccount.email,
    serviceAccounts: pulumi.all(Object.fromEntries([...accounts].map(([name, account]) => [name, account.email]))),
    workloadIdentityProvider: deployer.provider.name,
    deployerServiceAccount: deployer.deployer.email,
  };
  if (config.foundationOnly || !config.gatewayImage) return { ...common, gatewayUrl: undefined, serviceUrls: undefined, telegramWebhookUrl: undefined, gatewayImage: undefined };
  const image = config.gatewayImage;

  // Split services first: the gateway's TOPOLOGY_REMOTE_MODULES needs their URLs.
  const urls = new Map<string, pulumi.Output<string>>();
  const invokable = new Map<string, pulumi.Input<string>>();
  const ordered = [...plans].sort((a, b) => Number(a.forwards.size > 0) - Number(b.forwards.size > 0));
  let sources: ReturnType<typeof functionSources> | undefined;
  for (const plan of ordered) {
    const env = runtimeEnvFor({ plan, config, pushAccount, serviceUrls: urls });
    if (plan.kind === 'cloud-run') {
      const service = cloudRunService({
        project,
        region,
        plan,
        image,
        account: accountOf(plan),
        env,
        audience: pushAudienceFor(project, plan.name),
        deletionProtection: config.deletionProtection,
        dependsOn: apis,
      });
      urls.set(plan.name, service.uri);
      invokable.set(plan.name, service.name);
    } else {
      sources ??= functionSources(project, region, apis);
      const fn = cloudFunction({ project, region, plan, account: accountOf(plan), env, sources, sourceRoot: options.sourceRoot ?? repositoryRoot });
      urls.set(plan.name, fn.url);
      invokable.set(plan.name, fn.serviceName);
    }
  }

  // The gateway may call the services it forwards to.
  for (const plan of plans) {
    for (const target of new Set(plan.forwards.values())) {
      grantInvoker(`invoke-${target}-by-${plan.name}`, { project, region, service: invokable.get(target) as pulumi.Input<string>, member: accountOf(plan).member });
    }
  }

  const pushTargets = new Set<string>();
  for (const declaration of declarations.subscriptions) {
    const target = pushTargetOf(declaration, plans);
    pushTargets.add(target.name);
    pushSubscription({
      project,
      declaration,
      topicsByName,
      endpoint: urls.get(target.name) as pulumi.Output<string>,
      audience: pushAudienceFor(project, target.name),
      pushAccountEmail: pushAccount.email,
      pubsubServiceAgent,
    });
  }
  const host = hostOf(plans);
  outboxSweepJob({
    project,
    region,
    schedule: config.outboxSweepSchedule,
    serviceUrl: urls.get(host.name) as pulumi.Output<string>,
    audience: pushAudienceFor(project, host.name),
    signerEmail: pushAccount.email,
    dependsOn: apis,
  });
  pushTargets.add(host.name);
  for (const target of pushTargets) {
    grantInvoker(`invoke-${target}-by-push`, { project, region, service: invokable.get(target) as pulumi.Input<string>, member: pushAccount.member });
  }

  const telegram = plans.find((plan) => plan.name === 'telegram-webhook');
  return {
    ...common,
    gatewayImage: image,
    gatewayUrl: urls.get(host.name),
    serviceUrls: pulumi.all(Object.fromEntries(urls)),
    telegramWebhookUrl: telegram ? urls.get(telegram.name) : undefined,
  };
}

const isHost = (plan: ServicePlan): boolean => plan.deployable.kind === 'cloud-run' && plan.deployable.name === plan.name;

function hostOf(plans: readonly ServicePlan[]): ServicePlan {
  const host = plans.find(isHost);
  if (!host) throw new Error('no gateway in the plan');
  return host;
}
