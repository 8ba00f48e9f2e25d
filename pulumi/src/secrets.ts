import { secretIds, type SecretId } from '@plaza/contracts';
import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import type { ServicePlan } from './service-plan.ts';

/**
 * Every declared secret, empty: an operator adds the value (`gcloud secrets versions add`), so
 * no secret passes through Pulumi state. Each is readable by the accounts of the services that
 * declare it and by nobody else; a secret nothing uses yet (Telegram, VAPID) has no reader.
 */
export function secretsFor(project: string, plans: readonly ServicePlan[], accounts: ReadonlyMap<string, gcp.serviceaccount.Account>, dependsOn: pulumi.Resource[]) {
  const secrets = new Map<SecretId, gcp.secretmanager.Secret>();
  for (const secretId of secretIds) {
    const secret = new gcp.secretmanager.Secret(`secret-${secretId}`, { project, secretId, replication: { auto: {} } }, { dependsOn });
    secrets.set(secretId, secret);
    for (const plan of plans) {
      if (!Object.values(plan.secrets).includes(secretId)) continue;
      const account = accounts.get(plan.name);
      if (!account) throw new Error(`no service account for ${plan.name}`);
      new gcp.secretmanager.SecretIamMember(`secret-${secretId}-${plan.name}`, {
        project,
        secretId: secret.secretId,
        role: 'roles/secretmanager.secretAccessor',
        member: account.member,
      });
    }
  }
  return secrets;
}
