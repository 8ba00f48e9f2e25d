import { unimplemented } from './errors.ts';
import { applyFieldMask } from './field-mask.ts';
import type { FieldMask, Topic } from './wire.ts';

/** Topic resources: what CreateTopic stores and what UpdateTopic may change. */
const UPDATABLE_FIELDS: Readonly<Record<string, keyof Topic>> = {
  labels: 'labels',
  message_storage_policy: 'messageStoragePolicy',
  kms_key_name: 'kmsKeyName',
  schema_settings: 'schemaSettings',
  message_retention_duration: 'messageRetentionDuration',
};

export function newTopic(request: Topic): Topic {
  if (request.ingestionDataSourceSettings) throw unimplemented('Import topics are not supported by this emulator.');
  return { ...request, state: 'ACTIVE' };
}

export function updatedTopic(current: Topic, patch: Topic, mask: FieldMask | undefined): Topic {
  return newTopic(applyFieldMask(current, patch, mask, UPDATABLE_FIELDS, 'UpdateTopicRequest'));
}
