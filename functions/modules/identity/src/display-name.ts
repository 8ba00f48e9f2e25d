import { z } from 'zod';

/** What a member may call themselves: trimmed, 1 to 80 characters, or null to show none. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'A display name needs at least one visible character; send null to remove it')
  .max(80)
  .nullable();
