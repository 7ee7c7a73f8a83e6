import { pino, type Logger } from 'pino';

/** Request logs carry method, path, status and timing; never bodies, so no personal data reaches the log. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization'], remove: true },
  });
}
export type { Logger };
