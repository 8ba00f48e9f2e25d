// firebase-tools ships no type declarations; this is the one function of its Auth emulator we use.
declare module 'firebase-tools/lib/emulator/auth/server.js' {
  import type { RequestListener } from 'node:http';

  /** Builds the Auth emulator's Express app (the same one `AuthEmulator.start()` listens with). */
  export function createApp(defaultProjectId: string): Promise<RequestListener>;
}
