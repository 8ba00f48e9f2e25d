import { cloudEventSchema, type CloudEvent, type EventDefinition } from '@plaza/contracts';
import { z } from 'zod';

/** The JSON body of a Pub/Sub push (the wrapped format). */
export const pushRequestSchema = z.object({
  message: z.object({
    data: z.string().default(''),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().min(1),
  }),
  subscription: z.string(),
  deliveryAttempt: z.number().int().optional(),
});

export type PushRequest = z.infer<typeof pushRequestSchema>;

export type DecodedEvent<T> =
  | { readonly ok: true; readonly event: CloudEvent<T> }
  | { readonly ok: false; readonly reason: string; readonly issues?: readonly z.core.$ZodIssue[] };

/** Reads the CloudEvent a push carries and checks it against the envelope and the expected event's schema. */
export function decodePushedEvent<T>(definition: EventDefinition<T>, push: PushRequest): DecodedEvent<T> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(push.message.data, 'base64').toString('utf8'));
  } catch {
    return { ok: false, reason: 'message data is not JSON' };
  }
  const envelope = cloudEventSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'not a CloudEvents 1.0 envelope', issues: envelope.error.issues };
  if (envelope.data.type !== definition.type) {
    return { ok: false, reason: `expected type ${definition.type}, got ${envelope.data.type}` };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `data does not match ${definition.type}`, issues: data.error.issues };
  return { ok: true, event: { ...envelope.data, data: data.data } };
}
