/**
 * The contract every emulator in the suite (engines and outside-service stand-ins) fulfils,
 * so the launcher can start, reset and stop them without knowing what they are.
 */
export interface RunningService {
  /** The port actually bound (useful when 0 was asked for). */
  readonly port: number;
  /** host:port as clients dial it. */
  readonly host: string;
  /** Environment variables a client process needs to reach this service, e.g. FIRESTORE_EMULATOR_HOST. */
  readonly env: Readonly<Record<string, string>>;
  /** Drop all state, as if freshly started. */
  reset(): Promise<void>;
  /** Stop serving and release the port. Idempotent. */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Interface to bind; always loopback by default. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}
