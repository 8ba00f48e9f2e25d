import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

/** The runtime's sweep endpoint (libs/runtime outboxSweepPath; a test keeps the two equal). */
export const outboxSweepPath = '/_internal/outbox/sweep';

/**
 * Cloud Scheduler asks the gateway to republish outbox entries left behind, signing as the push
 * account, the one signer the service's push check accepts.
 */
export function outboxSweepJob(args: {
  project: string;
  region: string;
  schedule: string;
  serviceUrl: pulumi.Input<string>;
  audience: string;
  signerEmail: pulumi.Input<string>;
  dependsOn: pulumi.Resource[];
}) {
  return new gcp.cloudscheduler.Job(
    'outbox-sweep',
    {
      project: args.project,
      region: args.region,
      name: 'outbox-sweep',
      description: 'Republishes outbox entries a crashed process left unpublished',
      schedule: args.schedule,
      timeZone: 'Etc/UTC',
      attemptDeadline: '60s',
      // The next tick is the retry; overlapping sweeps are harmless but pointless.
      retryConfig: { retryCount: 0 },
      httpTarget: {
        uri: pulumi.interpolate`${args.serviceUrl}${outboxSweepPath}`,
        httpMethod: 'POST',
        oidcToken: { serviceAccountEmail: args.signerEmail, audience: args.audience },
      },
    },
    { dependsOn: args.dependsOn },
  );
}
