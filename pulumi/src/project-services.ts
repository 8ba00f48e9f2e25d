import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';

/** The Google APIs Plaza uses. Enabling one is idempotent; destroying the stack leaves them on. */
export const requiredApis = [
  'artifactregistry.googleapis.com',
  'cloudbuild.googleapis.com',
  'cloudfunctions.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'cloudscheduler.googleapis.com',
  'firebase.googleapis.com',
  'firebasehosting.googleapis.com',
  'firestore.googleapis.com',
  'iam.googleapis.com',
  'iamcredentials.googleapis.com',
  'identitytoolkit.googleapis.com',
  'monitoring.googleapis.com',
  'pubsub.googleapis.com',
  'run.googleapis.com',
  'secretmanager.googleapis.com',
  'storage.googleapis.com',
  'sts.googleapis.com',
] as const;

export function enableApis(project: string): pulumi.Resource[] {
  return requiredApis.map(
    (service) => new gcp.projects.Service(`api-${service.split('.')[0]}`, { project, service, disableOnDestroy: false }),
  );
}

/** The Docker repository release.yml pushes the gateway image to. */
export function artifactRegistry(project: string, region: string, dependsOn: pulumi.Resource[]) {
  const repository = new gcp.artifactregistry.Repository(
    'images',
    {
      project,
      location: region,
      repositoryId: 'plaza',
      format: 'DOCKER',
      description: 'Plaza deployable images, pushed by release.yml',
      // Old release images go; the ten newest stay, enough to roll back a few releases.
      cleanupPolicies: [
        { id: 'keep-recent', action: 'KEEP', mostRecentVersions: { keepCount: 10 } },
        { id: 'delete-old', action: 'DELETE', condition: { olderThan: '2592000s' } },
      ],
    },
    { dependsOn },
  );
  const url = repository.repositoryId.apply((id) => `${region}-docker.pkg.dev/${project}/${id}`);
  return { repository, url };
}
