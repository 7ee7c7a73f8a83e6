import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './landscape.js';

/**
 * The outbox (src/server/mail): every e-mail the installation sends or would send, kept after delivery, so the
 * beheerder sees what went out, what waits and what failed. A module queues a row in its own transaction; the
 * delivery job sends it. Status: queued → sent, or retrying (a try failed; next_attempt_at says when the next
 * comes) → failed after the last try; not-sent-no-smtp when no mail server is configured (the embedded default).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The region the mail is about (its beheerder sees it); null for mail of the installation itself. */
    regionId: uuid().references(() => regions.id),
    recipient: text().notNull(),
    subject: text().notNull(),
    /** Plain text. */
    body: text().notNull(),
    /** What kind of mail, a short key of the module that queued it: 'availability-reminder'. */
    kind: text().notNull(),
    /** The module's own key for the occasion (e.g. an entry and its due date), to queue one mail per occasion. */
    reference: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: text().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    /** Why the last try failed, in Dutch, without addresses or secrets. */
    lastError: text(),
    /** When the delivery job tries next (queued, retrying); null once sent, failed or not sent. */
    nextAttemptAt: timestamp({ withTimezone: true }).defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('mail_outbox_status', sql`${t.status} in ('queued', 'retrying', 'sent', 'failed', 'not-sent-no-smtp')`),
    index('mail_outbox_due').on(t.nextAttemptAt),
    index('mail_outbox_region_created').on(t.regionId, t.createdAt),
    index('mail_outbox_kind_reference').on(t.kind, t.reference, t.createdAt),
  ],
);
