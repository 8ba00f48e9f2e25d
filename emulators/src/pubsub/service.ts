import type {
  handleUnaryCall,
  ServerDuplexStream,
  ServerUnaryCall,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { PubSubEngine } from './engine.ts';
import { invalidArgument } from './errors.ts';
import { toGrpcStatus } from './grpc-status.ts';
import { checkAckDeadlineSeconds, checkAckIds } from './subscription-config.ts';
import { serveStreamingPull } from './streaming-pull.ts';
import type {
  FieldMask,
  PubsubMessage,
  PushConfig,
  ReceivedMessage,
  StreamingPullRequest,
  StreamingPullResponse,
  Subscription,
  Topic,
} from './wire.ts';

/**
 * The gRPC handlers of the Publisher and Subscriber services: thin adapters that decode the
 * request, call the engine and turn every failure into a status, so no request can throw out of
 * a handler.
 */
interface ListRequest {
  project?: string;
  topic?: string;
  pageSize?: number;
  pageToken?: string;
}

const EMPTY = {};

function unary<Request, Response>(
  reportError: (error: unknown) => void,
  handler: (request: Request, call: ServerUnaryCall<Request, Response>) => Response | Promise<Response>,
): handleUnaryCall<Request, Response> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request, call))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(toGrpcStatus(error, reportError)),
      );
  };
}

export function publisherService(
  engine: PubSubEngine,
  reportError: (error: unknown) => void,
): UntypedServiceImplementation {
  return {
    CreateTopic: unary<Topic, Topic>(reportError, (request) => engine.createTopic(request)),
    UpdateTopic: unary<{ topic?: Topic; updateMask?: FieldMask }, Topic>(reportError, (request) =>
      engine.updateTopic(request.topic, request.updateMask),
    ),
    Publish: unary<{ topic?: string; messages?: PubsubMessage[] }, { messageIds: string[] }>(reportError, (request) => ({
      messageIds: engine.publish(request.topic, request.messages),
    })),
    GetTopic: unary<{ topic?: string }, Topic>(reportError, (request) => engine.getTopic(request.topic)),
    ListTopics: unary<ListRequest, { topics: Topic[]; nextPageToken: string }>(reportError, (request) => {
      const page = engine.listTopics(request.project, request.pageSize, request.pageToken);
      return { topics: page.items, nextPageToken: page.nextPageToken };
    }),
    ListTopicSubscriptions: unary<ListRequest, { subscriptions: string[]; nextPageToken: string }>(
      reportError,
      (request) => {
        const page = engine.listTopicSubscriptions(request.topic, request.pageSize, request.pageToken);
        return { subscriptions: page.items, nextPageToken: page.nextPageToken };
      },
    ),
    DeleteTopic: unary<{ topic?: string }, object>(reportError, (request) => {
      engine.deleteTopic(request.topic);
      return EMPTY;
    }),
  };
}

export function subscriberService(
  engine: PubSubEngine,
  reportError: (error: unknown) => void,
): UntypedServiceImplementation {
  return {
    CreateSubscription: unary<Subscription, Subscription>(reportError, (request) => engine.createSubscription(request)),
    GetSubscription: unary<{ subscription?: string }, Subscription>(reportError, (request) =>
      engine.getSubscription(request.subscription),
    ),
    UpdateSubscription: unary<{ subscription?: Subscription; updateMask?: FieldMask }, Subscription>(
      reportError,
      (request) => engine.updateSubscription(request.subscription, request.updateMask),
    ),
    ListSubscriptions: unary<ListRequest, { subscriptions: Subscription[]; nextPageToken: string }>(
      reportError,
      (request) => {
        const page = engine.listSubscriptions(request.project, request.pageSize, request.pageToken);
        return { subscriptions: page.items, nextPageToken: page.nextPageToken };
      },
    ),
    DeleteSubscription: unary<{ subscription?: string }, object>(reportError, (request) => {
      engine.deleteSubscription(request.subscription);
      return EMPTY;
    }),
    ModifyPushConfig: unary<{ subscription?: string; pushConfig?: PushConfig }, object>(reportError, (request) => {
      engine.modifyPushConfig(request.subscription, request.pushConfig);
      return EMPTY;
    }),
    ModifyAckDeadline: unary<{ subscription?: string; ackIds?: string[]; ackDeadlineSeconds?: number }, object>(
      reportError,
      (request) => {
        const subscription = engine.subscription(request.subscription);
        const seconds = checkAckDeadlineSeconds(request.ackDeadlineSeconds ?? 0, 'ack_deadline_seconds');
        subscription.modifyAckDeadline(checkAckIds(request.ackIds, true), seconds);
        return EMPTY;
      },
    ),
    Acknowledge: unary<{ subscription?: string; ackIds?: string[] }, object>(reportError, (request) => {
      engine.subscription(request.subscription).acknowledge(checkAckIds(request.ackIds, true));
      return EMPTY;
    }),
    Pull: unary<
      { subscription?: string; maxMessages?: number; returnImmediately?: boolean },
      { receivedMessages: ReceivedMessage[] }
    >(reportError, async (request, call) => {
      const subscription = engine.subscription(request.subscription);
      const maxMessages = request.maxMessages ?? 0;
      if (maxMessages <= 0) throw invalidArgument('max_messages must be a positive number.');
      const ready = subscription.pull(maxMessages);
      if (ready.length > 0 || request.returnImmediately) return { receivedMessages: ready };
      // Long-poll like the real service until a message arrives or the client gives up.
      const cancel = new AbortController();
      call.once('cancelled', () => cancel.abort());
      return { receivedMessages: await subscription.waitForMessages(maxMessages, cancel.signal) };
    }),
    StreamingPull: (call: ServerDuplexStream<StreamingPullRequest, StreamingPullResponse>) =>
      serveStreamingPull(engine, call, reportError),
  };
}
