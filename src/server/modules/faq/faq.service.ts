import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { isValidBsn } from '../../../shared/bsn.js';
import type { Db } from '../../db/client.js';
import { faqEntries, faqVisits } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';

export interface FaqEntry {
  id: string;
  theme: string;
  question: string;
  answer: string;
  /** Null: a concept, which only the region's own staff see. */
  publishedAt: string | null;
  /** The last change of the text after publication; null when it has not changed since. */
  changedAt: string | null;
  /** For the reader: published or changed after their previous visit. */
  since: 'new' | 'changed' | null;
}

export interface FaqWrite {
  theme: string;
  question: string;
  answer: string;
  published: boolean;
}

export interface FaqList {
  entries: FaqEntry[];
  /** Every theme of the entries the reader may see, alphabetically (for the filter). */
  themes: string[];
  /** The reader's previous visit, which `since` compares with; null on a first visit. */
  previousVisit: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A text that holds a 9-digit number passing the 11-proef may hold a BSN: the FAQ is read by every provider. */
function refuseBsnLike(field: 'question' | 'answer', text: string) {
  const hit = text.match(/(?<!\d)\d{9}(?!\d)/g)?.some(isValidBsn);
  if (hit)
    throw new AppError(ErrorCode.Validation, 'De tekst lijkt een BSN te bevatten', [
      {
        name: field,
        code: 'personal-data',
        reason: 'bevat een getal van 9 cijfers dat een BSN kan zijn; een veelgestelde vraag noemt geen personen',
      },
    ]);
}

/**
 * The region's FAQ as this reader may see it: staff (`withConcepts`) also see concepts; everyone only entries not
 * withdrawn. `search`: every word must occur in the question or answer (case-insensitive); `theme`: one theme.
 * Each entry says whether it is new or changed since the reader's previous visit, or since `since` when given (a page
 * that recorded this visit keeps comparing with the one before while the reader searches).
 */
export async function listFaq(
  db: Db,
  regionId: string,
  reader: { userId: string; withConcepts: boolean },
  filter: { search?: string; theme?: string; since?: string } = {},
): Promise<FaqList> {
  const [visit] = await db
    .select()
    .from(faqVisits)
    .where(and(eq(faqVisits.userId, reader.userId), eq(faqVisits.regionId, regionId)));
  const visible: SQL[] = [eq(faqEntries.regionId, regionId), isNull(faqEntries.withdrawnAt)];
  if (!reader.withConcepts) visible.push(sql`${faqEntries.publishedAt} is not null`);
  const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const matches = words.map(
    (w) =>
      sql`(${faqEntries.question} || ' ' || ${faqEntries.answer} || ' ' || ${faqEntries.theme}) ilike ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );
  const [rows, themes] = await Promise.all([
    db
      .select()
      .from(faqEntries)
      .where(and(...visible, ...matches, ...(filter.theme ? [eq(faqEntries.theme, filter.theme)] : [])))
      .orderBy(asc(faqEntries.theme), asc(faqEntries.question)),
    db
      .selectDistinct({ theme: faqEntries.theme })
      .from(faqEntries)
      .where(and(...visible))
      .orderBy(asc(faqEntries.theme)),
  ]);
  const previous = filter.since ? new Date(filter.since) : (visit?.visitedAt ?? null);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      theme: r.theme,
      question: r.question,
      answer: r.answer,
      publishedAt: iso(r.publishedAt),
      changedAt: iso(r.changedAt),
      since:
        !previous || !r.publishedAt
          ? null
          : r.publishedAt > previous
            ? 'new'
            : r.changedAt && r.changedAt > previous
              ? 'changed'
              : null,
    })),
    themes: themes.map((t) => t.theme),
    previousVisit: iso(previous),
  };
}

/** The reader has seen the FAQ now: the next visit marks what is published or changed after this moment. */
export async function recordFaqVisit(db: Db, regionId: string, userId: string, at = new Date()): Promise<void> {
  await db
    .insert(faqVisits)
    .values({ userId, regionId, visitedAt: at })
    .onConflictDoUpdate({ target: [faqVisits.userId, faqVisits.regionId], set: { visitedAt: at } });
}

const clean = (input: FaqWrite): FaqWrite => {
  const out = { ...input, theme: input.theme.trim(), question: input.question.trim(), answer: input.answer.trim() };
  refuseBsnLike('question', out.question);
  refuseBsnLike('answer', out.answer);
  return out;
};

const audited = (r: typeof faqEntries.$inferSelect) => ({
  theme: r.theme,
  question: r.question,
  answer: r.answer,
  published: r.publishedAt !== null,
});

export async function createFaqEntry(db: Db, actor: Actor, regionId: string, input: FaqWrite): Promise<FaqEntry> {
  const v = clean(input);
  const [row] = await db
    .insert(faqEntries)
    .values({
      regionId,
      theme: v.theme,
      question: v.question,
      answer: v.answer,
      publishedAt: v.published ? new Date() : null,
    })
    .returning();
  await recordAudit(db, actor, {
    action: 'create',
    entity: 'faq-entry',
    entityId: row!.id,
    regionId,
    after: audited(row!),
    label: row!.question,
  });
  return present(row!);
}

async function ownEntry(db: Db, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.id, id), eq(faqEntries.regionId, regionId), isNull(faqEntries.withdrawnAt)));
  if (!row)
    throw new AppError(ErrorCode.NotFound, 'Deze vraag bestaat niet (meer) in de veelgestelde vragen van de regio');
  return row;
}

/**
 * Changes an entry. Publishing stamps the publication date; a change of the text of a published entry stamps the
 * change date (so readers see it as changed); taking it back to concept clears both.
 */
export async function updateFaqEntry(
  db: Db,
  actor: Actor,
  regionId: string,
  id: string,
  input: FaqWrite,
): Promise<FaqEntry> {
  const before = await ownEntry(db, regionId, id);
  const v = clean(input);
  const now = new Date();
  const textChanged = v.theme !== before.theme || v.question !== before.question || v.answer !== before.answer;
  const publishedAt = v.published ? (before.publishedAt ?? now) : null;
  const changedAt = !v.published ? null : before.publishedAt && textChanged ? now : before.changedAt;
  const [row] = await db
    .update(faqEntries)
    .set({ theme: v.theme, question: v.question, answer: v.answer, publishedAt, changedAt, updatedAt: now })
    .where(eq(faqEntries.id, id))
    .returning();
  await recordAudit(db, actor, {
    action: 'update',
    entity: 'faq-entry',
    entityId: id,
    regionId,
    before: audited(before),
    after: audited(row!),
    label: row!.question,
  });
  return present(row!);
}

/** Withdraws an entry: gone for every reader, kept (with its texts) for the audit log. */
export async function withdrawFaqEntry(db: Db, actor: Actor, regionId: string, id: string): Promise<void> {
  const before = await ownEntry(db, regionId, id);
  await db.update(faqEntries).set({ withdrawnAt: new Date() }).where(eq(faqEntries.id, id));
  await recordAudit(db, actor, {
    action: 'delete',
    entity: 'faq-entry',
    entityId: id,
    regionId,
    before: audited(before),
    label: before.question,
  });
}

function present(r: typeof faqEntries.$inferSelect): FaqEntry {
  return {
    id: r.id,
    theme: r.theme,
    question: r.question,
    answer: r.answer,
    publishedAt: iso(r.publishedAt),
    changedAt: iso(r.changedAt),
    since: null,
  };
}
