import type { EventDefinition } from './define-event.ts';
import {
  emailChanged,
  emailChangeRequested,
  emailVerificationRequested,
  passwordResetRequested,
  userDeleted,
  userRegistered,
} from './identity.ts';
import { notificationCreated } from './notifications.ts';
import { telegramWeatherRequested } from './telegram.ts';

/** Every event type Plaza publishes: the list topics are created from and docs are written about. */
export const eventCatalog: readonly EventDefinition[] = [
  userRegistered,
  emailVerificationRequested,
  passwordResetRequested,
  emailChangeRequested,
  emailChanged,
  userDeleted,
  notificationCreated,
  telegramWeatherRequested,
];
