import { z } from 'zod';
import { opaqueCursor } from './opaque-cursor.ts';

/** Where a page of the audit log ends: the last entry's time and id. */
export const auditCursor = opaqueCursor(z.object({ at: z.iso.datetime(), id: z.string().min(1) }));
export type AuditCursor = { at: string; id: string };
