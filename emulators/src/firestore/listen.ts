import { bidiStreamHandler } from './bidi-stream.ts';
import type { ListenResponse } from './listen-responses.ts';
import { ListenSession, type ListenRequest } from './listen-session.ts';
import type { DocumentStore } from './store.ts';

export type { ListenRequest } from './listen-session.ts';
export type { ListenResponse } from './listen-responses.ts';

/** The Listen RPC: one ListenSession per stream, following `store`'s commits until the stream ends. */
export function createListenHandler(store: DocumentStore) {
  return bidiStreamHandler<ListenRequest, ListenResponse>((stream) => {
    const session = new ListenSession(store, { send: stream.send, fail: stream.finish });
    return {
      onRequest: (request) => session.handle(request),
      onClose: () => session.close(),
    };
  });
}
