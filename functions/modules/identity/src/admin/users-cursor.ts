import { z } from 'zod';
import { opaqueCursor } from './opaque-cursor.ts';

/**
 * Where a page of accounts ends. Unfiltered lists page through Firebase Auth (its page token);
 * lists filtered by role or suspension page through the access records (the last uid); a name
 * search pages through the profiles' search (its prefix and last username). The cursor says
 * which, so a cursor cannot be replayed against another listing.
 */
export const usersCursor = opaqueCursor(
  z.discriminatedUnion('source', [
    z.object({ source: z.literal('auth'), pageToken: z.string().min(1) }),
    z.object({ source: z.literal('access'), afterUid: z.string().min(1) }),
    z.object({ source: z.literal('search'), prefix: z.string().max(200), afterUsername: z.string().min(1) }),
  ]),
);
