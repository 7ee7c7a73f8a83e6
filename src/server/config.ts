import { z } from 'zod';

const ZConfig = z.object({
  /** 0 picks a free port; the server prints the one it got. */
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().default('data'),
  /** Base64, at least 32 bytes; keys the BSN pseudonyms and encrypts quarantined files. Default: DATA_DIR/secret.key. */
  secretKey: z.string().optional(),
  /** A file holding that key (a secret store's mount); the production place for it, apart from DATA_DIR. */
  secretKeyFile: z.string().optional(),
  /**
   * The Secure flag on the session cookies. `auto` (default): Secure, except when the browser itself is on plain
   * http at a loopback name (its Origin, or the OIDC redirect URI, is http://localhost, 127.x or [::1]) — a cookie for
   * such a host never crosses a network, and `npm start` keeps working on http://localhost. `false` only for plain
   * http elsewhere in development; `true` always.
   */
  secureCookies: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry (sign-in throttling). */
  trustProxy: z.boolean().default(false),
  /** Published KPI cells standing for fewer youths than this are suppressed (docs/kpi.md). */
  suppressionThreshold: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Requests to the Ervaringwijzer's answer operations (opening and sending a questionnaire) per source address per
   * minute; more is refused with 429. A tablet in a waiting room sends a few an hour.
   */
  answerRequestsPerMinute: z.coerce.number().int().min(1).max(100_000).default(30),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  oidc: z
    .object({
      issuer: z.string().url(),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      redirectUri: z.string().url(),
    })
    .optional(),
  /**
   * The mail server that delivers the outbox (src/server/mail): smtp://user:password@host:587 (STARTTLS when the
   * server offers it) or smtps://user:password@host:465. Unset (the embedded default): mails stay in the outbox,
   * marked as not sent, for the beheerder to read.
   */
  smtpUrl: z
    .string()
    .url('SMTP_URL moet een URL zijn, zoals smtp://gebruiker:wachtwoord@mail.example.nl:587')
    .refine((url) => /^smtps?:\/\//.test(url), 'SMTP_URL moet beginnen met smtp:// of smtps://')
    .optional(),
  /** The sender of every mail, required with smtpUrl: an address, or a name with one ("Lekstroom <noreply@…>"). */
  mailFrom: z.string().min(3).optional(),
});

export type Config = z.infer<typeof ZConfig>;

/** Reads configuration from the environment once, at the edge of the program. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        redirectUri: env.OIDC_REDIRECT_URI,
      }
    : undefined;
  const config = ZConfig.parse({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR,
    secretKey: env.ZL_SECRET_KEY || undefined,
    secretKeyFile: env.ZL_SECRET_KEY_FILE || undefined,
    secureCookies: env.SECURE_COOKIES || undefined,
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL,
    suppressionThreshold: env.ZL_SUPPRESSION_THRESHOLD || undefined,
    answerRequestsPerMinute: env.ZL_ANSWER_REQUESTS_PER_MINUTE || undefined,
    oidc,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    ...overrides,
  });
  if (config.smtpUrl && !config.mailFrom)
    throw new Error('MAIL_FROM is nodig naast SMTP_URL: het afzenderadres van de e-mails.');
  return config;
}
