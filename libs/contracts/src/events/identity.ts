import { z } from 'zod';
import { defineEvent } from './define-event.ts';

const uid = z.string().min(1);
const email = z.email();
/**
 * A link into the dashboard carrying a one-time Firebase action code. Events that hold one are
 * secrets in transit: their topics are private to the project and their consumers only mail them.
 */
const actionUrl = z.url({ protocol: /^https?$/ });

/** A person was seen for the first time and their profile was created. The mailer welcomes them. */
export const userRegistered = defineEvent(
  'plaza.identity.user.registered.v1',
  z.object({
    uid,
    email: z.string().nullable(),
    displayName: z.string().nullable(),
  }),
);

/** A person asked to verify their email address; the mailer sends them the link. */
export const emailVerificationRequested = defineEvent(
  'plaza.identity.emailverification.requested.v1',
  z.object({ uid, email, displayName: z.string().nullable(), actionUrl }),
);

/** Someone asked to reset the password of an existing account; the mailer sends the link to that address. */
export const passwordResetRequested = defineEvent(
  'plaza.identity.passwordreset.requested.v1',
  z.object({ uid, email, displayName: z.string().nullable(), actionUrl }),
);

/** A person asked to move their account to a new address; the link goes to the new address only. */
export const emailChangeRequested = defineEvent(
  'plaza.identity.emailchange.requested.v1',
  z.object({ uid, currentEmail: email, newEmail: email, displayName: z.string().nullable(), actionUrl }),
);

/** The new address was confirmed and is now the account's; the mailer tells the previous address. */
export const emailChanged = defineEvent(
  'plaza.identity.email.changed.v1',
  z.object({ uid, previousEmail: email, newEmail: email, displayName: z.string().nullable() }),
);

/**
 * An account was deleted, by its owner or by an admin. Every module that keeps data about people
 * consumes it and purges or anonymizes that user's data (docs/events.md, "Deleting a user").
 */
export const userDeleted = defineEvent(
  'plaza.identity.user.deleted.v1',
  z.object({
    uid,
    /** Who deleted it: the user themself, or the admin's uid. */
    deletedBy: z.union([z.literal('self'), z.object({ adminUid: uid })]),
  }),
);
