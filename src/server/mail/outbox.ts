import { and, count, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { runInOrder, type Db } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';
import { AppError, ErrorCode, invalidParamsFromZod } from '../http/errors.js';
import { inOwnRegions } from '../http/permission.js';
import { requestJob } from '../jobs/runner.js';
import { isInstallationKeeper, type Actor } from '../modules/auth/index.js';

/**
 * Where a mail stands: `queued` waits for the delivery job; `sent` was accepted by the mail server; `retrying` had a
 * try fail and waits for the next (next_attempt_at); `failed` failed its last try and stays for the beheerder;
 * `not-sent-no-smtp` was not sent because no mail server is configured (the embedded default).
 */
export const mailStatuses = ['queued', 'retrying', 'sent', 'failed', 'not-sent-no-smtp'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** The delivery job's name: queueMail asks for a run of it. */
export const mailDeliveryJobName = 'mail-delivery';

const ZMailToQueue = z.object({
  regionId: z.uuid('regionId: geen geldige regio').nullable(),
  to: z.email('to: geen geldig e-mailadres').max(254, 'to: e-mailadres is te lang'),
  subject: z
    .string()
    .trim()
    .min(1, 'subject: onderwerp ontbreekt')
    .max(200, 'subject: onderwerp is langer dan 200 tekens')
    .refine((s) => !/[\r\n]/.test(s), 'subject: onderwerp bevat een regeleinde'),
  text: z.string().min(1, 'text: de tekst ontbreekt').max(100_000, 'text: de tekst is langer dan 100.000 tekens'),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,59}$/, 'kind: kleine letters, cijfers en streepjes, zoals availability-reminder'),
  reference: z.string().min(1).max(200, 'reference: langer dan 200 tekens').nullable().optional(),
  unlessQueuedSince: z.date().optional(),
});

/** A mail for queueMail. */
export interface MailToQueue {
  /** The region the mail is about: its beheerder sees it in the outbox. Null for mail of the whole installation. */
  regionId: string | null;
  /** One recipient address. */
  to: string;
  /** One line, at most 200 characters. */
  subject: string;
  /** Plain text (UTF-8). */
  text: string;
  /** What kind of mail, a short key of the calling module: 'availability-reminder'. */
  kind: string;
  /** The module's key for the occasion, so it can tell whether it mailed about it already (mailQueuedSince). */
  reference?: string | null | undefined;
  /**
   * Queue only when no mail of this kind and reference was queued at or after this moment (whatever became of it);
   * checked in the same statement as the insert. new Date(0): once per reference, ever.
   */
  unlessQueuedSince?: Date | undefined;
}

/**
 * Puts a mail in the outbox; it does not send. Call it with the caller's transaction, so the mail is queued exactly
 * when the change that causes it commits (and not when it rolls back); the delivery job sends it after the commit.
 * Returns the new mail's id, or null when `unlessQueuedSince` found one already. An invalid address, subject or kind
 * throws an AppError (400) that names the field. Inside a transaction the delivery run it asks for starts at the
 * runner's next poll (≤ 5 s), and the request's row stays locked until the commit: keep such transactions short.
 */
export async function queueMail(db: Db, mail: MailToQueue): Promise<{ id: string } | null> {
  const parsed = ZMailToQueue.safeParse(mail);
  if (!parsed.success) {
    const params = invalidParamsFromZod(parsed.error);
    throw new AppError(ErrorCode.Validation, params.map((p) => p.reason).join('; '), params);
  }
  const m = parsed.data;
  const values = {
    regionId: m.regionId,
    recipient: m.to,
    subject: m.subject,
    body: m.text,
    kind: m.kind,
    reference: m.reference ?? null,
  };
  let id: string | undefined;
  if (m.unlessQueuedSince) {
    // One statement: the check and the insert see the same snapshot, and a caller's retry cannot queue it twice.
    const rows = (await db.execute(sql`
      insert into mail_outbox (region_id, recipient, subject, body, kind, reference)
      select ${values.regionId}::uuid, ${values.recipient}, ${values.subject}, ${values.body}, ${values.kind},
        ${values.reference}
      where not exists (
        select 1 from mail_outbox where kind = ${values.kind} and reference is not distinct from ${values.reference}
          and created_at >= ${m.unlessQueuedSince.toISOString()}::timestamptz)
      returning id`)) as unknown as { rows: Array<{ id: string }> };
    id = rows.rows[0]?.id;
  } else {
    const [row] = await db.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
    id = row?.id;
  }
  if (!id) return null;
  await requestJob(db, mailDeliveryJobName);
  return { id };
}

/**
 * Whether a mail of this kind and reference was queued at or after `since`, whatever became of it (sent, waiting,
 * failed or not sent): a reminder job asks before it queues, so a second run does not remind twice.
 */
export async function mailQueuedSince(
  db: Db,
  query: { kind: string; reference: string; since: Date },
): Promise<boolean> {
  const [row] = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.kind, query.kind),
        eq(mailOutbox.reference, query.reference),
        gte(mailOutbox.createdAt, query.since),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A mail as the beheerder sees it in the outbox (GET /api/v1/mails). */
export interface OutboxMail {
  id: string;
  regionId: string | null;
  to: string;
  subject: string;
  kind: string;
  reference: string | null;
  createdAt: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

type Row = typeof mailOutbox.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
function present(r: Row): OutboxMail {
  return {
    id: r.id,
    regionId: r.regionId,
    to: r.recipient,
    subject: r.subject,
    kind: r.kind,
    reference: r.reference,
    createdAt: r.createdAt.toISOString(),
    status: r.status as MailStatus,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: iso(r.nextAttemptAt),
    sentAt: iso(r.sentAt),
  };
}

/** A region's beheerder sees its region's mail; the installation's keeper all, the installation's own included. */
function inScope(actor: Actor): SQL | undefined {
  return isInstallationKeeper(actor) ? undefined : inOwnRegions(mailOutbox.regionId, actor);
}

export async function listMail(
  db: Db,
  actor: Actor,
  options: { status?: MailStatus | undefined; page: number; pageSize: number },
): Promise<{ items: OutboxMail[]; total: number }> {
  const filters = [inScope(actor), options.status ? eq(mailOutbox.status, options.status) : undefined].filter(
    (f): f is SQL => f !== undefined,
  );
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await runInOrder([
    db
      .select()
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return { items: rows.map(present), total: Number(total?.n ?? 0) };
}

/** One mail with its text; another region's mail answers 404, as if it did not exist. */
export async function getMail(db: Db, actor: Actor, id: string): Promise<OutboxMail & { text: string }> {
  const scope = inScope(actor);
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(scope ? and(eq(mailOutbox.id, id), scope) : eq(mailOutbox.id, id));
  if (!row) throw new AppError(ErrorCode.NotFound, 'Deze e-mail bestaat niet.');
  return { ...present(row), text: row.body };
}

/**
 * Puts a mail that failed or was not sent back in the queue, its tries counted afresh, and asks for a delivery run:
 * after the mail server was repaired or configured. A mail that was sent, or still waits, is left as it is (409).
 */
export async function retryMail(db: Db, actor: Actor, id: string): Promise<OutboxMail & { text: string }> {
  const mail = await getMail(db, actor, id);
  if (!['failed', 'not-sent-no-smtp', 'retrying'].includes(mail.status))
    throw new AppError(ErrorCode.Conflict, 'Deze e-mail is al verzonden of staat al klaar om verzonden te worden.');
  await db
    .update(mailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ['failed', 'not-sent-no-smtp', 'retrying'])));
  await requestJob(db, mailDeliveryJobName);
  return getMail(db, actor, id);
}
