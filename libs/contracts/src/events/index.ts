export * from './catalog.ts';
export * from './cloud-event.ts';
export * from './define-event.ts';
export * from './event-type.ts';
export * from './identity.ts';
export * from './notifications.ts';
export * from './telegram.ts';
// Subscriptions sit beside the catalog (libs/contracts/src/subscriptions.ts) and ship with it.
export * from '../subscriptions.ts';
