import { and, eq } from 'drizzle-orm';
import { kpiIds, type KpiId } from '../../../../shared/kpi.js';
import * as shared from '../../../../shared/period.js';
import type { Db } from '../../../db/client.js';
import { reportComments } from '../../../db/schema/index.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../auth/index.js';
import { kpiDataRange } from '../facts.service.js';
import { dutchToday } from '../period.js';
import { periodName } from './report-format.js';

/** What a comment is about: the whole report, or one KPI. */
export type CommentSubject = 'report' | KpiId;
export const commentSubjects = ['report', ...kpiIds] as const;

export interface ReportComment {
  subject: CommentSubject;
  text: string;
  updatedAt: string;
  updatedByName: string;
}

export interface QuarterComments {
  quarter: string;
  report: ReportComment | null;
  kpis: ReportComment[];
}

/**
 * A quarter exists for the region from the quarter of its first data up to today's quarter: commentary on a quarter
 * the region has no figures for (or that has not begun) would never appear in a report. 400 names the range.
 */
export async function assertQuarterExists(db: Db, regionId: string, quarter: string, today = dutchToday()) {
  const { first } = await kpiDataRange(db, regionId);
  const quarterOf = (day: string) => shared.quarterOf(shared.parsePeriod(day.slice(0, 7))!);
  const [from, until] = [first ? quarterOf(first) : null, quarterOf(today)];
  if (from && quarter >= from && quarter <= until) return;
  const reason = from
    ? `dit kwartaal bestaat niet voor de regio: kies een kwartaal van het ${periodName(from)} tot en met het ${periodName(until)}`
    : 'dit kwartaal bestaat niet voor de regio: er zijn nog geen cijfers';
  throw new AppError(ErrorCode.Validation, 'Onbekend kwartaal', [{ name: 'quarter', code: 'invalid', reason }]);
}

const present = (row: typeof reportComments.$inferSelect): ReportComment => ({
  subject: row.subject as CommentSubject,
  text: row.text,
  updatedAt: row.updatedAt.toISOString(),
  updatedByName: row.updatedByName,
});

export async function listComments(db: Db, regionId: string, quarter: string): Promise<QuarterComments> {
  const rows = await db
    .select()
    .from(reportComments)
    .where(and(eq(reportComments.regionId, regionId), eq(reportComments.quarter, quarter)));
  const comments = rows.map(present);
  const order = (c: ReportComment) => commentSubjects.indexOf(c.subject);
  return {
    quarter,
    report: comments.find((c) => c.subject === 'report') ?? null,
    kpis: comments.filter((c) => c.subject !== 'report').sort((a, b) => order(a) - order(b)),
  };
}

/** Writes (or, with an empty text, removes) one comment of a quarter; audited with the text before and after. */
export async function setComment(
  db: Db,
  actor: Actor,
  regionId: string,
  input: { quarter: string; subject: CommentSubject; text: string },
): Promise<ReportComment | null> {
  await assertQuarterExists(db, regionId, input.quarter);
  const key = and(
    eq(reportComments.regionId, regionId),
    eq(reportComments.quarter, input.quarter),
    eq(reportComments.subject, input.subject),
  );
  const [before] = await db.select().from(reportComments).where(key);
  const text = input.text.trim();
  let after: typeof reportComments.$inferSelect | undefined;
  if (!text) {
    if (before) await db.delete(reportComments).where(key);
  } else {
    const values = { text, updatedBy: actor.id, updatedByName: actor.name, updatedAt: new Date() };
    [after] = await db
      .insert(reportComments)
      .values({ regionId, quarter: input.quarter, subject: input.subject, ...values })
      .onConflictDoUpdate({
        target: [reportComments.regionId, reportComments.quarter, reportComments.subject],
        set: values,
      })
      .returning();
  }
  if (before || after)
    await recordAudit(db, actor, {
      action: !before ? 'create' : !after ? 'delete' : 'update',
      entity: 'report-comment',
      entityId: (after ?? before)!.id,
      regionId,
      before: before ? { quarter: before.quarter, subject: before.subject, text: before.text } : undefined,
      after: after ? { quarter: after.quarter, subject: after.subject, text: after.text } : undefined,
    });
  return after ? present(after) : null;
}
