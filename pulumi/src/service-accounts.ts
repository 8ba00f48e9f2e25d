import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';
import { serviceAccountIdFor, type ServicePlan } from './service-plan.ts';

/** Every service reads and writes Firestore; what else it may do comes from its declaration. */
export const baselineRoles = ['roles/datastore.user'] as const;

/** One account per service, with the baseline and its declared project roles, nothing more. */
export function serviceAccountFor(project: string, plan: ServicePlan, dependsOn: pulumi.Resource[]) {
  const account = new gcp.serviceaccount.Account(
    `sa-${plan.name}`,
    { project, accountId: serviceAccountIdFor(plan.name), displayName: `Plaza ${plan.name} (${plan.kind})` },
    { dependsOn },
  );
  const roles = [...new Set([...baselineRoles, ...plan.projectRoles])];
  for (const role of roles) {
    new gcp.projects.IAMMember(`sa-${plan.name}-${role.replace('roles/', '').replaceAll('.', '-')}`, {
      project,
      role,
      member: account.member,
    });
  }
  return account;
}
