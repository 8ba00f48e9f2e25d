import { eventCatalog, topicNames, type SubscriptionDeclaration } from '@plaza/contracts';
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';
import type { ServicePlan } from './service-plan.ts';

/** Resource names may not hold dots; Pub/Sub ids may. */
const resourceName = (id: string): string => id.replaceAll('.', '_');

/** One topic per catalogued event type and one dead-letter topic per subscription (libs/contracts). */
export function topics(project: string, subscriptions: readonly SubscriptionDeclaration[], dependsOn: pulumi.Resource[]) {
  return new Map(
    topicNames(subscriptions).map((name) => [name, new gcp.pubsub.Topic(`topic-${resourceName(name)}`, { project, name }, { dependsOn })] as const),
  );
}

/** Each service may publish the events of the modules it runs; the gateway also sweeps every module's outbox. */
export function publisherGrants(project: string, plan: ServicePlan, member: pulumi.Input<string>, topicsByName: ReadonlyMap<string, gcp.pubsub.Topic>, sweepsOutbox: boolean) {
  const events = eventCatalog.filter((event) => sweepsOutbox || plan.publishes.includes(event.module));
  return events.map((event) => {
    const topic = topicsByName.get(event.topic);
    if (!topic) throw new Error(`no topic ${event.topic}`);
    return new gcp.pubsub.TopicIAMMember(`publish-${plan.name}-${resourceName(event.topic)}`, {
      project,
      topic: topic.name,
      role: 'roles/pubsub.publisher',
      member,
    });
  });
}

/**
 * A push subscription as declared: to the owning service's push path with an OIDC token of the
 * push account, the declared ack deadline and backoff, and its own dead-letter topic, which has
 * its own pull subscription so dead letters can be read and alerted on. The Pub/Sub service
 * agent gets exactly the grants dead-lettering needs: subscribe here, publish there.
 */
export function pushSubscription(args: {
  project: string;
  declaration: SubscriptionDeclaration;
  topicsByName: ReadonlyMap<string, gcp.pubsub.Topic>;
  endpoint: pulumi.Input<string>;
  audience: string;
  pushAccountEmail: pulumi.Input<string>;
  pubsubServiceAgent: pulumi.Input<string>;
}) {
  const { declaration: d } = args;
  const topic = args.topicsByName.get(d.event.topic);
  const deadLetterTopic = args.topicsByName.get(d.deadLetterTopic);
  if (!topic || !deadLetterTopic) throw new Error(`subscription ${d.name}: topic missing`);
  const id = resourceName(d.name);
  const subscription = new gcp.pubsub.Subscription(`sub-${id}`, {
    project: args.project,
    name: d.name,
    topic: topic.id,
    ackDeadlineSeconds: d.ackDeadlineSeconds,
    pushConfig: {
      pushEndpoint: pulumi.interpolate`${args.endpoint}${d.pushPath}`,
      oidcToken: { serviceAccountEmail: args.pushAccountEmail, audience: args.audience },
    },
    retryPolicy: { minimumBackoff: `${d.minBackoffSeconds}s`, maximumBackoff: `${d.maxBackoffSeconds}s` },
    deadLetterPolicy: { deadLetterTopic: deadLetterTopic.id, maxDeliveryAttempts: d.maxDeliveryAttempts },
    // An idle subscription must never expire (the default is 31 days without activity).
    expirationPolicy: { ttl: '' },
  });
  const deadLetters = new gcp.pubsub.Subscription(`sub-${id}_dead-letter`, {
    project: args.project,
    name: d.deadLetterTopic,
    topic: deadLetterTopic.id,
    ackDeadlineSeconds: 60,
    messageRetentionDuration: '604800s',
    expirationPolicy: { ttl: '' },
  });
  new gcp.pubsub.SubscriptionIAMMember(`sub-${id}-agent-subscriber`, {
    project: args.project,
    subscription: subscription.name,
    role: 'roles/pubsub.subscriber',
    member: args.pubsubServiceAgent,
  });
  new gcp.pubsub.TopicIAMMember(`topic-${resourceName(d.deadLetterTopic)}-agent-publisher`, {
    project: args.project,
    topic: deadLetterTopic.name,
    role: 'roles/pubsub.publisher',
    member: args.pubsubServiceAgent,
  });
  return { subscription, deadLetters };
}
