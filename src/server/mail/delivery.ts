import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';
import { safeErrorMessage } from '../http/logger.js';
import type { JobDefinition } from '../jobs/runner.js';
import { mailDeliveryJobName } from './outbox.js';

/** How delivery tries: a failed mail waits 1 minute, then twice as long per further failure (at most 6 hours). */
export interface DeliveryPolicy {
  /** The try after which a mail is marked failed: 12 tries span about 20 hours. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Mails sent in one run; the rest follow in the next (the job runs every minute, and again when asked). */
  batch: number;
}
export const defaultDeliveryPolicy: DeliveryPolicy = {
  maxAttempts: 12,
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 3_600_000,
  batch: 50,
};

/** The mail server: SMTP_URL and MAIL_FROM; without a URL nothing is sent. */
export interface MailServer {
  smtpUrl?: string | undefined;
  from?: string | undefined;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  notSent: number;
}

const waiting = ['queued', 'retrying'];

/**
 * Sends the mails that are due, each once, and records per mail what happened: sent, or the error with the next try
 * (or failed after the last). Without a mail server the waiting mails are marked not sent, and stay readable. A mail
 * the server accepted but whose mark was lost (a crash in between) is sent again: at least once, never lost.
 */
export async function deliverDueMail(
  db: Db,
  server: MailServer,
  options: { now?: Date; policy?: DeliveryPolicy } = {},
): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? defaultDeliveryPolicy;
  if (!server.smtpUrl) {
    const marked = await db
      .update(mailOutbox)
      .set({ status: 'not-sent-no-smtp', nextAttemptAt: null })
      .where(inArray(mailOutbox.status, waiting))
      .returning({ id: mailOutbox.id });
    return { sent: 0, failed: 0, notSent: marked.length };
  }
  const due = await db
    .select()
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.status, waiting), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
    .limit(policy.batch);
  const result: DeliveryResult = { sent: 0, failed: 0, notSent: 0 };
  if (!due.length) return result;
  // One connection for the run (a pool of one), with timeouts short enough that an unreachable server fails a try
  // in seconds rather than the library's two minutes.
  const transport = createTransport(
    {
      url: server.smtpUrl,
      pool: true,
      maxConnections: 1,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    },
    { from: server.from },
  );
  try {
    for (const mail of due) {
      const attempts = mail.attempts + 1;
      try {
        await transport.sendMail({
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body,
          // RFC 3834: an automatic message, so mail servers and people's rules do not answer it with an autoreply.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        await db
          .update(mailOutbox)
          .set({ status: 'sent', attempts, sentAt: new Date(), lastError: null, nextAttemptAt: null })
          .where(eq(mailOutbox.id, mail.id));
        result.sent += 1;
      } catch (error) {
        // A permanent refusal of this mail (RFC 5321 5yz: unknown mailbox, message refused) fails at once: trying again
        // gets the same answer. A 5yz on log-in is the configuration's, not the mail's: it is retried.
        const last = attempts >= policy.maxAttempts || isPermanentRefusal(error);
        const delay = Math.min(policy.retryBaseMs * 2 ** (attempts - 1), policy.retryMaxMs);
        await db
          .update(mailOutbox)
          .set({
            status: last ? 'failed' : 'retrying',
            attempts,
            lastError: describeFailure(error, server.smtpUrl, attempts, policy.maxAttempts),
            nextAttemptAt: last ? null : new Date(now.getTime() + delay),
          })
          .where(eq(mailOutbox.id, mail.id));
        result.failed += 1;
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/** Whether the server refused this mail for good: a 5yz answer to its envelope (sender, recipient) or its message. */
export function isPermanentRefusal(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600
  );
}

/** A URL part as written in SMTP_URL, percent-decoded when it can be. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Nodemailer's error codes in words a beheerder can act on. */
const reasons: Record<string, string> = {
  ECONNECTION: 'de mailserver is niet bereikbaar',
  ESOCKET: 'de mailserver is niet bereikbaar',
  ETIMEDOUT: 'de mailserver antwoordt niet op tijd',
  EDNS: 'de naam van de mailserver is onbekend',
  ETLS: 'een beveiligde verbinding met de mailserver lukt niet',
  EAUTH: 'de mailserver weigert de inloggegevens uit SMTP_URL',
  ENOAUTH: 'de mailserver vraagt inloggegevens, en SMTP_URL heeft er geen',
  EENVELOPE: 'de mailserver weigert de afzender of de ontvanger',
  EMESSAGE: 'de mailserver weigert het bericht',
  EPROTOCOL: 'de mailserver geeft een onverwacht antwoord',
};

/**
 * Why a try failed, in Dutch, for the outbox: the reason, which try it was, and the library's own message with
 * addresses, quoted values and the SMTP_URL's user name and password masked.
 */
export function describeFailure(error: unknown, smtpUrl: string, attempt: number, maxAttempts: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = (typeof code === 'string' && reasons[code]) || 'verzenden mislukt';
  let detail = safeErrorMessage(error);
  const url = new URL(smtpUrl);
  for (const secret of [url.password, url.username].flatMap((s) => [s, decoded(s)]))
    if (secret.length >= 3) detail = detail.split(secret).join('[…]');
  if (isPermanentRefusal(error))
    return `Poging ${attempt}: ${reason}, blijvend (${detail}); niet opnieuw: controleer het adres of het bericht.`.slice(
      0,
      1000,
    );
  const next = attempt >= maxAttempts ? 'laatste poging, niet meer opnieuw' : 'wordt later opnieuw geprobeerd';
  return `Poging ${attempt} van ${maxAttempts}: ${reason} (${detail}); ${next}.`.slice(0, 1000);
}

/**
 * The background job that empties the outbox: every minute, at start, and as soon as a mail is queued (queueMail asks
 * for a run). A mail that fails does not fail the job: the mail keeps its own error and next try.
 */
export const mailDeliveryJob: JobDefinition = {
  name: mailDeliveryJobName,
  description: 'E-mails uit het postvak uit verzenden via de ingestelde mailserver (SMTP_URL)',
  everyMinutes: 1,
  runAtStart: true,
  timeoutMinutes: 30,
  run: async (db, { config, logger }) => {
    const result = await deliverDueMail(db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
    if (result.sent || result.failed || result.notSent) logger?.info({ job: mailDeliveryJobName, ...result }, 'mail');
  },
};
