import * as gcp from '@pulumi/gcp';
import type * as pulumi from '@pulumi/pulumi';

/** Alerts an operator acts on: the gateway failing requests, and messages a consumer gave up on. */
export function alerting(args: { project: string; email: string; gatewayService: string; gateway5xxPerSecond: number; dependsOn: pulumi.Resource[] }) {
  const channel = new gcp.monitoring.NotificationChannel(
    'alerts-email',
    { project: args.project, displayName: 'Plaza operators', type: 'email', labels: { email_address: args.email } },
    { dependsOn: args.dependsOn },
  );
  const gateway5xx = new gcp.monitoring.AlertPolicy('gateway-5xx', {
    project: args.project,
    displayName: 'Plaza gateway: 5xx responses',
    combiner: 'OR',
    notificationChannels: [channel.name],
    conditions: [
      {
        displayName: '5xx rate above threshold',
        conditionThreshold: {
          filter: [
            'resource.type = "cloud_run_revision"',
            `resource.labels.service_name = "${args.gatewayService}"`,
            'metric.type = "run.googleapis.com/request_count"',
            'metric.labels.response_code_class = "5xx"',
          ].join(' AND '),
          comparison: 'COMPARISON_GT',
          thresholdValue: args.gateway5xxPerSecond,
          duration: '0s',
          aggregations: [{ alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_RATE', crossSeriesReducer: 'REDUCE_SUM' }],
        },
      },
    ],
    documentation: { mimeType: 'text/markdown', content: 'The gateway answers 5xx. Check its logs in Cloud Logging; roll back per docs/deploy.md.' },
  });
  const deadLetters = new gcp.monitoring.AlertPolicy('dead-letters', {
    project: args.project,
    displayName: 'Plaza: messages in dead-letter topics',
    combiner: 'OR',
    notificationChannels: [channel.name],
    conditions: [
      {
        displayName: 'undelivered dead letters',
        conditionThreshold: {
          filter: [
            'resource.type = "pubsub_subscription"',
            'resource.labels.subscription_id = ends_with(".dead-letter")',
            'metric.type = "pubsub.googleapis.com/subscription/num_undelivered_messages"',
          ].join(' AND '),
          comparison: 'COMPARISON_GT',
          thresholdValue: 0,
          duration: '0s',
          aggregations: [{ alignmentPeriod: '300s', perSeriesAligner: 'ALIGN_MAX', crossSeriesReducer: 'REDUCE_SUM', groupByFields: ['resource.labels.subscription_id'] }],
        },
      },
    ],
    documentation: {
      mimeType: 'text/markdown',
      content: 'A consumer gave up on messages: the subscription id names it. Read them from the dead-letter subscription, fix, then republish.',
    },
  });
  return { channel, gateway5xx, deadLetters };
}
