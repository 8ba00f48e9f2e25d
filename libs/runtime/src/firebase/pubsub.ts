import type { PubSub } from '@google-cloud/pubsub';
import { projectIdFrom } from '../config/project-id.ts';
import { lazy } from './lazy.ts';

/** The Pub/Sub client, loaded on first use; it follows PUBSUB_EMULATOR_HOST on its own. */
export const pubsub = lazy(async (): Promise<PubSub> => {
  const { PubSub } = await import('@google-cloud/pubsub');
  return new PubSub({ projectId: projectIdFrom() });
});
