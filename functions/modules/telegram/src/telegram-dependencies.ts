import type { PubSub } from '@google-cloud/pubsub';
import type { EventPublisher } from '@plaza/runtime';
import type { Firestore } from 'firebase-admin/firestore';
import type { TelegramConfig } from './telegram-config.ts';

/** What the module's consumers run against; production takes every default, tests pass their own project and settings. */
export interface TelegramDependencies {
  readonly firestore?: () => Promise<Firestore>;
  readonly pubsub?: () => Promise<PubSub>;
  readonly publisher?: EventPublisher;
  readonly config?: () => TelegramConfig;
}
