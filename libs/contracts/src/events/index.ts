export * from './catalog.ts';
export * from './cloud-event.ts';
export * from './define-event.ts';
export * from './event-type.ts';
export * from './identity.ts';
