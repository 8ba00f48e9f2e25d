import {
  deployables as declaredDeployables,
  moduleDeployments as declaredModules,
  type Deployable,
  type ModuleDeployment,
  type RuntimeNeeds,
  type SettingName,
  type SecretId,
  type SubscriptionDeclaration,
} from '@plaza/contracts';
import type { ServiceSize, StackConfig } from './config.ts';

/** The declarations the program deploys; tests pass their own to exercise a Cloud Function. */
export interface Declarations {
  readonly deployables: readonly Deployable[];
  readonly modules: readonly ModuleDeployment[];
  readonly subscriptions: readonly SubscriptionDeclaration[];
}

/** One thing that runs, with everything its account may touch. */
export interface ServicePlan extends RuntimeNeeds {
  readonly name: string;
  readonly kind: 'cloud-run' | 'cloud-function';
  readonly access: 'public' | 'private';
  /** Modules served in-process (cloud-run services only). */
  readonly modules: readonly string[];
  /** Modules whose events it may publish: those it serves, or a function's declared ones. */
  readonly publishes: readonly string[];
  /** Modules this service forwards, each to the named service (the gateway only). */
  readonly forwards: ReadonlyMap<string, string>;
  readonly size: ServiceSize;
  readonly deployable: Deployable;
}

/**
 * Where everything runs for this stack's topology: the gateway hosts every module not split out;
 * each split module gets a private service running the gateway image (docs/adr/0002), with only
 * that module's settings, secrets and roles; Cloud Functions run as declared.
 */
export function planServices(
  config: Pick<StackConfig, 'gateway' | 'splitModules'>,
  declarations: Pick<Declarations, 'deployables' | 'modules'> = { deployables: declaredDeployables, modules: declaredModules },
): ServicePlan[] {
  const host = declarations.deployables.find((d) => d.kind === 'cloud-run' && d.hostsModules);
  if (!host) throw new Error('no deployable hosts the modules');
  const split = declarations.modules.filter(({ name }) => name in config.splitModules);
  const hosted = declarations.modules.filter(({ name }) => !(name in config.splitModules));
  const plans: ServicePlan[] = [];
  for (const deployable of declarations.deployables) {
    if (deployable === host) {
      plans.push({
        name: host.name,
        kind: 'cloud-run',
        access: host.access,
        modules: hosted.map(({ name }) => name),
        publishes: hosted.map(({ name }) => name),
        forwards: new Map(split.map(({ name }) => [name, name])),
        size: config.gateway,
        deployable: host,
        ...mergeNeeds([host, ...hosted]),
      });
    } else if (deployable.kind === 'cloud-function') {
      plans.push({
        name: deployable.name,
        kind: 'cloud-function',
        access: deployable.access,
        modules: [],
        publishes: deployable.publishesEventsOf,
        forwards: new Map(),
        size: config.gateway,
        deployable,
        settings: deployable.settings,
        secrets: deployable.secrets,
        projectRoles: deployable.projectRoles,
      });
    } else {
      throw new Error(`${deployable.name}: a second module-hosting Cloud Run service is not supported`);
    }
  }
  for (const module of split) {
    const size = config.splitModules[module.name];
    if (!size) continue;
    plans.push({
      name: module.name,
      kind: 'cloud-run',
      access: 'private',
      modules: [module.name],
      publishes: [module.name],
      forwards: new Map(),
      size,
      deployable: host,
      ...mergeNeeds([host, module]),
    });
  }
  return plans;
}

function mergeNeeds(modules: readonly RuntimeNeeds[]): RuntimeNeeds {
  const settings = new Set<SettingName>();
  const secrets: Record<string, SecretId> = {};
  const roles = new Set<string>();
  for (const module of modules) {
    for (const setting of module.settings) settings.add(setting);
    for (const [env, secret] of Object.entries(module.secrets)) if (secret) secrets[env] = secret;
    for (const role of module.projectRoles) roles.add(role);
  }
  return { settings: [...settings], secrets, projectRoles: [...roles] };
}

/** The service a subscription pushes to: the one serving the module that owns the consumer. */
export function pushTargetOf(subscription: SubscriptionDeclaration, plans: readonly ServicePlan[]): ServicePlan {
  const target = plans.find((plan) => plan.modules.includes(subscription.module));
  if (!target) throw new Error(`subscription ${subscription.name}: no service runs module "${subscription.module}"`);
  return target;
}

/** Service account ids are 6–30 characters; a prefix keeps short names valid and says what it is. */
export function serviceAccountIdFor(serviceName: string): string {
  const id = `run-${serviceName}`;
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(id)) throw new Error(`service account id "${id}" (from "${serviceName}") is not valid`);
  return id;
}
