/**
 * Firestore index configuration, the shape of firestore.indexes.json: the composite indexes the
 * queries need and the field overrides (TTL policies). Pulumi creates exactly these; a query that
 * needs a new index adds it here in the same change.
 */

export interface FirestoreIndexField {
  readonly fieldPath: string;
  readonly order: 'ASCENDING' | 'DESCENDING';
}

export interface FirestoreCompositeIndex {
  readonly collectionGroup: string;
  /** `COLLECTION` for queries on one collection, `COLLECTION_GROUP` for collectionGroup() queries. */
  readonly queryScope: 'COLLECTION' | 'COLLECTION_GROUP';
  readonly fields: readonly FirestoreIndexField[];
  /** Who queries it, so an unused index can be found and dropped. */
  readonly usedBy: string;
}

export interface FirestoreTtlPolicy {
  readonly collectionGroup: string;
  /** A timestamp field: Firestore deletes a document some time (typically within a day) after it. */
  readonly field: string;
  readonly why: string;
}

export const firestoreIndexes: readonly FirestoreCompositeIndex[] = [
  {
    collectionGroup: '_outbox',
    queryScope: 'COLLECTION',
    fields: [
      { fieldPath: 'publishedAt', order: 'ASCENDING' },
      { fieldPath: 'createdAt', order: 'ASCENDING' },
    ],
    usedBy: 'libs/runtime sweepOutbox: publishedAt == null, createdAt < cutoff, orderBy createdAt',
  },
  {
    collectionGroup: 'auditLog',
    queryScope: 'COLLECTION',
    fields: [
      { fieldPath: 'actorUid', order: 'ASCENDING' },
      { fieldPath: 'at', order: 'DESCENDING' },
    ],
    // Two or three filters at once are served by merging these (equality filters, same sort).
    usedBy: 'identity GET /v1/admin/audit?actor=: actorUid == x, orderBy at desc',
  },
  {
    collectionGroup: 'auditLog',
    queryScope: 'COLLECTION',
    fields: [
      { fieldPath: 'targetUid', order: 'ASCENDING' },
      { fieldPath: 'at', order: 'DESCENDING' },
    ],
    // Two or three filters at once are served by merging these (equality filters, same sort).
    usedBy: 'identity GET /v1/admin/audit?target=: targetUid == x, orderBy at desc',
  },
  {
    collectionGroup: 'auditLog',
    queryScope: 'COLLECTION',
    fields: [
      { fieldPath: 'action', order: 'ASCENDING' },
      { fieldPath: 'at', order: 'DESCENDING' },
    ],
    // Two or three filters at once are served by merging these (equality filters, same sort).
    usedBy: 'identity GET /v1/admin/audit?action=: action == x, orderBy at desc',
  },
];

export const firestoreTtlPolicies: readonly FirestoreTtlPolicy[] = [
  {
    collectionGroup: '_outbox',
    field: 'publishedAt',
    // Null until published, and TTL ignores documents whose field is not a timestamp, so only
    // entries already on Pub/Sub expire; nothing reads a published entry again.
    why: 'a published outbox entry has done its job',
  },
  {
    collectionGroup: 'processed',
    field: 'expireAt',
    why: "a consumer's record of a handled event (_consumers/*/processed) outlives Pub/Sub's redelivery window, then goes",
  },
  {
    collectionGroup: 'mailer-deliveries',
    field: 'expireAt',
    why: "the mailer's per-event delivery claim, kept as long as a consumer's processed record",
  },
  {
    collectionGroup: 'emailSendLog',
    field: 'expireAt',
    why: "identity's per-address mail window is over a minute after the last send",
  },
  {
    collectionGroup: 'weatherCache',
    field: 'expireAt',
    why: 'a weather report is no use as a stale fallback after a day',
  },
  {
    collectionGroup: 'telegramLinkTokens',
    field: 'expireAt',
    why: 'a Telegram link token, spent or not, is refused after its ten minutes anyway',
  },
  {
    collectionGroup: 'telegramDeliveries',
    field: 'expireAt',
    why: "the Telegram channel's per-event delivery record, kept as long as a consumer's processed record",
  },
  {
    collectionGroup: 'telegramChatSlots',
    field: 'expireAt',
    why: "a chat's next Telegram send time only matters while it is in the future",
  },
  {
    collectionGroup: 'telegramBotWindows',
    field: 'expireAt',
    why: "a second of the bot's Telegram send schedule only matters while it is in the future",
  },
  {
    collectionGroup: 'telegramUpdates',
    field: 'expireAt',
    why: "the Telegram webhook's record of a handled update_id; Telegram stops redelivering an update within a day",
  },
];
