/** What the Auth emulator's process is started with, as its one argument (JSON). */
export interface AuthProcessInput {
  host: string;
  port: number;
  projectId: string;
}

/** What the process reports back, once. */
export type AuthProcessReport =
  | { kind: 'listening'; port: number }
  | { kind: 'failed'; message: string; code?: string };
