import { deadLetterMessage } from './dead-letter.ts';
import { alreadyExists, notFound } from './errors.ts';
import { storeMessage, validatePublishedMessages, type StoredMessage } from './messages.ts';
import { DELETED_TOPIC, parseProjectName, parseSubscriptionName, parseTopicName, type ResourceName } from './names.ts';
import { paginate, type Page } from './pagination.ts';
import { newSubscription, updatedSubscription } from './subscription-config.ts';
import type { BacklogEntry } from './subscription-state.ts';
import { SubscriptionRuntime, type SubscriptionEnvironment } from './subscription.ts';
import { newTopic, updatedTopic } from './topic-config.ts';
import type { FieldMask, PubsubMessage, PushConfig, Subscription, Topic } from './wire.ts';

/** The outside world as the engine sees it; everything but dead-letter forwarding, which it does itself. */
export type EngineEnvironment = Omit<SubscriptionEnvironment, 'forwardToDeadLetter'>;

interface TopicRecord {
  resource: Topic;
  readonly subscriptions: Set<SubscriptionRuntime>;
}

const notFoundError = (name: ResourceName) => notFound(`Resource not found (resource=${name.id}).`);

/**
 * Topics and subscriptions of every project, and publishing between them. The gRPC adapter calls
 * it with decoded requests; it throws PubSubError for anything the client got wrong.
 */
export class PubSubEngine {
  private topics = new Map<string, TopicRecord>();
  private subscriptions = new Map<string, SubscriptionRuntime>();
  private lastMessageId = 0;
  private readonly subscriptionEnvironment: SubscriptionEnvironment;

  constructor(environment: EngineEnvironment) {
    this.subscriptionEnvironment = {
      ...environment,
      forwardToDeadLetter: (topic, entry, source) => this.forwardToDeadLetter(topic, entry, source),
    };
  }

  createTopic(request: Topic): Topic {
    const name = parseTopicName(request.name);
    if (this.topics.has(name.name)) throw alreadyExists(`Resource already exists in the project (resource=${name.id}).`);
    const resource = newTopic(request);
    this.topics.set(name.name, { resource, subscriptions: new Set() });
    return resource;
  }

  getTopic(topic: string | undefined): Topic {
    return this.topicRecord(topic).resource;
  }

  updateTopic(patch: Topic | undefined, mask: FieldMask | undefined): Topic {
    const record = this.topicRecord(patch?.name);
    record.resource = updatedTopic(record.resource, patch ?? {}, mask);
    return record.resource;
  }

  listTopics(project: string | undefined, pageSize = 0, pageToken = ''): Page<Topic> {
    const prefix = `projects/${parseProjectName(project)}/topics/`;
    const names = [...this.topics.keys()].filter((name) => name.startsWith(prefix));
    const page = paginate(names, pageSize, pageToken);
    return { items: page.items.map((name) => this.topics.get(name)!.resource), nextPageToken: page.nextPageToken };
  }

  listTopicSubscriptions(topic: string | undefined, pageSize = 0, pageToken = ''): Page<string> {
    const record = this.topicRecord(topic);
    return paginate(
      [...record.subscriptions].map((subscription) => subscription.name.name),
      pageSize,
      pageToken,
    );
  }

  /** Its subscriptions stay, detached from any topic, as in the real service. */
  deleteTopic(topic: string | undefined): void {
    const record = this.topicRecord(topic);
    for (const subscription of record.subscriptions) subscription.update({ ...subscription.resource, topic: DELETED_TOPIC });
    this.topics.delete(parseTopicName(topic).name);
  }

  publish(topic: string | undefined, messages: readonly PubsubMessage[] | undefined): string[] {
    const record = this.topicRecord(topic);
    return this.publishTo(record, validatePublishedMessages(messages));
  }

  createSubscription(request: Subscription): Subscription {
    const name = parseSubscriptionName(request.name);
    const topic = this.topicRecord(request.topic);
    if (this.subscriptions.has(name.name)) {
      throw alreadyExists(`Resource already exists in the project (resource=${name.id}).`);
    }
    const resource = newSubscription(request, (candidate) => this.topics.has(candidate));
    const runtime = new SubscriptionRuntime(name, resource, this.subscriptionEnvironment);
    this.subscriptions.set(name.name, runtime);
    topic.subscriptions.add(runtime);
    return resource;
  }

  getSubscription(subscription: string | undefined): Subscription {
    return this.subscription(subscription).resource;
  }

  updateSubscription(patch: Subscription | undefined, mask: FieldMask | undefined): Subscription {
    const runtime = this.subscription(patch?.name);
    runtime.update(updatedSubscription(runtime.resource, patch ?? {}, mask, (name) => this.topics.has(name)));
    return runtime.resource;
  }

  modifyPushConfig(subscription: string | undefined, pushConfig: PushConfig | undefined): void {
    const runtime = this.subscription(subscription);
    runtime.update(
      updatedSubscription(runtime.resource, { pushConfig: pushConfig ?? {} }, { paths: ['push_config'] }, (name) =>
        this.topics.has(name),
      ),
    );
  }

  listSubscriptions(project: string | undefined, pageSize = 0, pageToken = ''): Page<Subscription> {
    const prefix = `projects/${parseProjectName(project)}/subscriptions/`;
    const names = [...this.subscriptions.keys()].filter((name) => name.startsWith(prefix));
    const page = paginate(names, pageSize, pageToken);
    return {
      items: page.items.map((name) => this.subscriptions.get(name)!.resource),
      nextPageToken: page.nextPageToken,
    };
  }

  deleteSubscription(subscription: string | undefined): void {
    const runtime = this.subscription(subscription);
    this.subscriptions.delete(runtime.name.name);
    this.topics.get(runtime.resource.topic ?? '')?.subscriptions.delete(runtime);
    runtime.close(notFoundError(runtime.name));
  }

  /** The live subscription, for pulling, acking and streaming; NOT_FOUND if there is none. */
  subscription(subscription: string | undefined): SubscriptionRuntime {
    const name = parseSubscriptionName(subscription);
    const runtime = this.subscriptions.get(name.name);
    if (!runtime) throw notFoundError(name);
    return runtime;
  }

  /** Drops every topic, subscription and message; open streams and waiting pulls end with NOT_FOUND. */
  reset(): void {
    for (const runtime of this.subscriptions.values()) runtime.close(notFoundError(runtime.name));
    this.topics = new Map();
    this.subscriptions = new Map();
  }

  private topicRecord(topic: string | undefined): TopicRecord {
    const name = parseTopicName(topic);
    const record = this.topics.get(name.name);
    if (!record) throw notFoundError(name);
    return record;
  }

  private publishTo(record: TopicRecord, messages: readonly PubsubMessage[]): string[] {
    const now = this.subscriptionEnvironment.now();
    return messages.map((message) => {
      this.lastMessageId += 1;
      const stored: StoredMessage = storeMessage(message, String(this.lastMessageId), now);
      for (const subscription of record.subscriptions) subscription.offer(stored);
      return stored.messageId;
    });
  }

  /** A dead-letter topic deleted after the policy was set loses the message, as the real service cannot publish it either. */
  private forwardToDeadLetter(topic: string, entry: BacklogEntry, source: ResourceName): void {
    const record = this.topics.get(topic);
    if (record) this.publishTo(record, [deadLetterMessage(entry.message, entry.failures, source)]);
  }
}
