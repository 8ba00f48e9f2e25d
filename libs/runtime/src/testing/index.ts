export * from '../auth/testing/emulator-users.ts';
export * from './consumer-pushes.ts';
