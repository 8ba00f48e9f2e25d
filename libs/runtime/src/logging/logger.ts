import { pino, type DestinationStream, type Level, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;
export type LogLevel = Level | 'silent';

// Cloud Logging reads `severity`; pino's numeric `level` would show every line as DEFAULT.
const severityByLevel: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

export interface LoggerOptions {
  /** The service name, on every line so lines of services sharing a log stream stay apart. */
  service: string;
  level?: LogLevel;
  /** Defaults to stdout, which Cloud Run and Cloud Functions ship to Cloud Logging. */
  destination?: DestinationStream;
}

/** JSON lines in Cloud Logging's structured format: `severity`, `message`, `time`. */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options = {
    level,
    messageKey: 'message',
    base: { service },
    timestamp: isoTime,
    formatters: { level: (label: string) => ({ severity: severityByLevel[label] ?? 'DEFAULT' }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

let formattedAt = 0;
let formatted = '';

/**
 * pino's `isoTime`, formatted once per millisecond: a busy instance writes several lines in the
 * same millisecond (an access line for every request), and toISOString was a visible part of
 * each line's cost.
 */
function isoTime(): string {
  const now = Date.now();
  if (now !== formattedAt) {
    formattedAt = now;
    formatted = `,"time":"${new Date(now).toISOString()}"`;
  }
  return formatted;
}
