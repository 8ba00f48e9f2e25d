import { z } from 'zod';
import { defineEvent } from './define-event.ts';

/** A person was seen for the first time and their profile was created. */
export const userRegistered = defineEvent(
  'plaza.identity.user.registered.v1',
  z.object({
    uid: z.string().min(1),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
  }),
);
