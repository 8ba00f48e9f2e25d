import { z } from 'zod';

/**
 * The CloudEvents 1.0 structured envelope (JSON format) as Plaza sends it: JSON data only, and the
 * attributes every event carries. `data` is checked separately against the event type's schema,
 * so one envelope schema serves every event.
 */
export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1).optional(),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

export type CloudEvent<T = unknown> = Omit<z.infer<typeof cloudEventSchema>, 'data'> & { data: T };
