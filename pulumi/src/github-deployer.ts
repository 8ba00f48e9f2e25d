import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

/** What release.yml does as the deployer: manage every resource of this program and push images. */
export const deployerRoles = [
  'roles/artifactregistry.admin',
  'roles/cloudfunctions.admin',
  'roles/cloudscheduler.admin',
  'roles/datastore.owner',
  'roles/firebase.admin',
  'roles/iam.serviceAccountAdmin',
  'roles/iam.serviceAccountUser',
  'roles/iam.workloadIdentityPoolAdmin',
  'roles/identityplatform.admin',
  'roles/monitoring.editor',
  'roles/pubsub.admin',
  'roles/resourcemanager.projectIamAdmin',
  'roles/run.admin',
  'roles/secretmanager.admin',
  'roles/serviceusage.serviceUsageAdmin',
  'roles/storage.admin',
] as const;

/**
 * Workload Identity Federation for GitHub Actions: tokens of the repository's workflows, on a
 * `v*` tag only, may act as the deployer account. No key is ever created.
 */
export function githubDeployer(args: { project: string; repository: string; dependsOn: pulumi.Resource[] }) {
  const pool = new gcp.iam.WorkloadIdentityPool(
    'github-pool',
    { project: args.project, workloadIdentityPoolId: 'github', displayName: 'GitHub Actions' },
    { dependsOn: args.dependsOn },
  );
  const provider = new gcp.iam.WorkloadIdentityPoolProvider('github-provider', {
    project: args.project,
    workloadIdentityPoolId: pool.workloadIdentityPoolId,
    workloadIdentityPoolProviderId: 'github-actions',
    displayName: 'GitHub Actions OIDC',
    attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository', 'attribute.ref': 'assertion.ref' },
    attributeCondition: `assertion.repository == '${args.repository}' && assertion.ref.startsWith('refs/tags/v')`,
    oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
  });
  const deployer = new gcp.serviceaccount.Account(
    'sa-github-deployer',
    { project: args.project, accountId: 'github-deployer', displayName: 'Plaza releases (GitHub Actions)' },
    { dependsOn: args.dependsOn },
  );
  for (const role of deployerRoles) {
    new gcp.projects.IAMMember(`sa-github-deployer-${role.replace('roles/', '').replaceAll('.', '-')}`, {
      project: args.project,
      role,
      member: deployer.member,
    });
  }
  new gcp.serviceaccount.IAMMember('github-deployer-wif', {
    serviceAccountId: deployer.name,
    role: 'roles/iam.workloadIdentityUser',
    member: pulumi.interpolate`principalSet://iam.googleapis.com/${pool.name}/attribute.repository/${args.repository}`,
  });
  return { pool, provider, deployer };
}
