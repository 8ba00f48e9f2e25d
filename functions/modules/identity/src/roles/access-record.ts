import { AccessState } from '@plaza/contracts';
import { z } from 'zod';

/** `access/{uid}` as stored: the account's access state and who last changed it. */
export const accessRecordSchema = AccessState.extend({
  uid: z.string().min(1),
  updatedAt: z.iso.datetime(),
  /** The admin's uid, or `self` when the account owner deleted it. */
  updatedBy: z.string().min(1),
});

export type AccessRecord = z.infer<typeof accessRecordSchema>;
