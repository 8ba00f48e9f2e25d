import { inboxDocuments, notificationItemOf, unreadOf } from './inbox-documents.ts';
import type { NewestItemsSnapshot } from './live-item-feed.ts';

/** How many of the newest items the listener holds: also the most a resume catches up. */
export const watchedItemCount = 50;

export interface InboxListenerHandlers {
  unread(count: number): void;
  newestItems(snapshot: NewestItemsSnapshot): void;
  /** The listener failed (or a document did not read back); nothing more will come. */
  failed(error: unknown): void;
}

/**
 * Firestore real-time listeners on one inbox: its counter and its newest items. They run on the
 * instance that serves the stream, whichever instance the consumer wrote on. `open` returns the
 * function that removes both listeners.
 */
export const inboxListeners = { open };

async function open(uid: string, handlers: InboxListenerHandlers): Promise<() => void> {
  const { counter, items } = await inboxDocuments(uid);
  const guarded = <T>(handle: (value: T) => void) => (value: T) => {
    try {
      handle(value);
    } catch (error) {
      handlers.failed(error);
    }
  };
  const stopCounter = counter.onSnapshot(
    guarded((snapshot) => handlers.unread(unreadOf(snapshot))),
    handlers.failed,
  );
  const stopItems = items
    .orderBy('createdAt', 'desc')
    .orderBy('__name__', 'desc')
    .limit(watchedItemCount)
    .onSnapshot(
      guarded((snapshot) =>
        handlers.newestItems({
          items: snapshot.docs.map(notificationItemOf),
          full: snapshot.size === watchedItemCount,
          added: snapshot.docChanges().flatMap((change) => (change.type === 'added' ? [notificationItemOf(change.doc)] : [])),
        }),
      ),
      handlers.failed,
    );
  return () => {
    stopCounter();
    stopItems();
  };
}
