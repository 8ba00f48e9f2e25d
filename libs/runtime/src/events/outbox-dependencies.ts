import type { Firestore } from 'firebase-admin/firestore';
import { firestore } from '../firebase/index.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { pubsubEventPublisher, type EventPublisher } from './event-publisher.ts';

/** What the outbox talks to. Production uses the defaults; tests inject their own project or a failing publisher. */
export interface OutboxDependencies {
  readonly firestore?: () => Promise<Firestore>;
  readonly publisher?: EventPublisher;
  /** Callers in a request pass the request's logger, so outbox lines carry its request id and trace. */
  readonly logger?: Logger;
}

const defaultPublisher = pubsubEventPublisher();
let defaultLogger: Logger | undefined;

export function resolveOutboxDependencies(dependencies: OutboxDependencies): Required<OutboxDependencies> {
  return {
    firestore: dependencies.firestore ?? firestore,
    publisher: dependencies.publisher ?? defaultPublisher,
    logger: dependencies.logger ?? (defaultLogger ??= createLogger({ service: 'outbox' })),
  };
}
