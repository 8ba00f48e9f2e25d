/**
 * How long a record that an event was handled must outlive the event. Pub/Sub redelivers an
 * unacknowledged message for at most 7 days (the longest subscription retention), so 14 days
 * keeps every redelivery a recognised duplicate, with margin for a replayed dead letter.
 * A Firestore TTL policy on `expireAt` (libs/contracts/src/firestore-indexes.ts) then deletes it.
 */
export const processedRecordRetentionMs = 14 * 24 * 60 * 60 * 1000;

export function processedRecordExpiry(handledAt: Date): Date {
  return new Date(handledAt.getTime() + processedRecordRetentionMs);
}
