export * from './api/index.ts';
export * from './password-policy.ts';
export * from './permissions/index.ts';
export * from './problems/index.ts';
export * from './events/index.ts';
export * from './deployables.ts';
export * from './firestore-indexes.ts';
