export { createLogger, type Logger, type LoggerOptions, type LogLevel } from './logger.ts';
export { logAccess, requestLoggerFor } from './request-logger.ts';
export { traceContextFrom, traceLogFields, type TraceContext } from './trace-context.ts';
