import { pino, type Logger } from 'pino';

/**
 * Request logs carry method, path, status and timing; never bodies, so no personal data reaches the log. Errors pass
 * through safeError (under the `err` key: pino's convention), and fields that could hold a secret are removed
 * wherever they sit.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: safeError, error: safeError },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        ...['password', 'passwordHash', 'token', 'params', 'parameters', 'body'].flatMap((f) => [f, `*.${f}`]),
      ],
      remove: true,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };

/** What an error may say in a log. */
export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  /** SQLSTATE and the names (never the values) a database error reports. */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The failed statement with its placeholders ($1, $2 …), never its parameters. */
  query?: string;
  cause?: SafeError;
}

/**
 * An error as it may be logged. Database errors carry the statement's parameters (drizzle's "Failed query … params:"
 * message and `params`, pg's `detail` "Key (email)=(…)" and `where`), and any message may quote a value it refused
 * (`invalid input syntax for type uuid: "…"`). So: no parameters, no detail, quoted values and anything that looks
 * like a password hash or a BSN masked, only the frames of the stack, and the cause chain treated the same.
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[geen Error]' };
  const e = error as Error & Record<string, unknown>;
  const isQuery = typeof e.query === 'string' && 'params' in e;
  const safe: SafeError = {
    type: e.constructor?.name ?? e.name,
    message: isQuery ? 'Failed query' : scrub(e.message),
    ...(e.stack
      ? {
          stack: e.stack
            .split('\n')
            .filter((l) => /^\s+at /.test(l))
            .join('\n'),
        }
      : {}),
  };
  if (isQuery) safe.query = scrub(e.query as string);
  for (const field of ['code', 'constraint', 'table', 'column'] as const) {
    const value = e[field] ?? (field === 'table' ? e.table_name : field === 'column' ? e.column_name : undefined);
    if (typeof value === 'string' && value.length <= 100) safe[field] = scrub(value);
  }
  if (e.cause !== undefined && depth < 4) safe.cause = safeError(e.cause, depth + 1);
  return safe;
}

/** For texts an error carries elsewhere (a job's last error, the CLI's stderr): the safe message of each cause. */
export function safeErrorMessage(error: unknown): string {
  const messages: string[] = [];
  for (let e: SafeError | undefined = safeError(error); e; e = e.cause) messages.push(e.message);
  return messages.join(': ');
}

/** Masks quoted values, scrypt hashes, long digit runs (a BSN) and e-mail addresses in a message. */
function scrub(text: string): string {
  return text
    .replace(/params: [\s\S]*$/, 'params: […]')
    .replace(/: "[^"]*"/g, ': "[…]"')
    .replace(/scrypt\$[^\s"'`]+/g, 'scrypt$[…]')
    .replace(/"[^"]*"|'[^']*'|\([^()]*\)=\([^()]*\)/g, (quoted) =>
      /^"[a-z_][a-z0-9_.]*"$/i.test(quoted) ? quoted : '[…]',
    )
    .replace(/\b\d{6,}\b/g, '[…]')
    .replace(/[^\s@"'<>()]+@[^\s@"'<>()]+\.[a-z]{2,}/gi, '[…]');
}
