import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { issuedReports } from '../../../db/schema/index.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../../auth/index.js';
import { assertQuarterExists } from './commentary.service.js';
import { changesSinceIssued, type IssuedChange, type IssuedFigures } from './issued-changes.js';
import { dutchToday } from '../period.js';
import { renderQuarterlyReport } from './quarterly-report.js';
import { buildQuarterlyReportData } from './report-data.js';

export interface IssuedReport {
  id: string;
  quarter: string;
  issuedAt: string;
  issuedByName: string;
  fileName: string;
  sha256: string;
  /** Figures of this quarter that differ today from the issued ones (the latest issue of a recent quarter); else null. */
  changes: IssuedChange['figures'] | null;
}

const columns = {
  id: issuedReports.id,
  quarter: issuedReports.quarter,
  issuedAt: issuedReports.issuedAt,
  issuedByName: issuedReports.issuedByName,
  fileName: issuedReports.fileName,
  sha256: issuedReports.sha256,
};
type Row = { [K in keyof typeof columns]: (typeof issuedReports.$inferSelect)[K] };
const present = (row: Row, changes: IssuedReport['changes'] = null): IssuedReport => ({
  ...row,
  issuedAt: row.issuedAt.toISOString(),
  changes,
});

/**
 * Issues (vaststellen/uitgeven) the region's report of a quarter: renders it once, stamped with the date and who
 * issued it, and keeps that PDF and the figures it shows. The kept PDF is what the council received, always.
 */
export async function issueReport(
  db: Db,
  actor: Actor,
  options: { regionId: string; quarter: string; threshold?: number; now?: Date },
): Promise<IssuedReport> {
  await assertQuarterExists(db, options.regionId, options.quarter);
  const data = await buildQuarterlyReportData(db, {
    region: options.regionId,
    quarter: options.quarter,
    threshold: options.threshold,
    now: options.now,
    issuedBy: actor.name,
  });
  const report = await renderQuarterlyReport(data);
  const figures: IssuedFigures = { kpis: data.kpis, money: data.money };
  const [row] = await db
    .insert(issuedReports)
    .values({
      regionId: options.regionId,
      quarter: options.quarter,
      issuedAt: data.generatedAt,
      issuedBy: actor.id,
      issuedByName: actor.name,
      fileName: report.fileName.replace(/\.pdf$/, `-vastgesteld-${dutchToday(data.generatedAt)}.pdf`),
      sha256: createHash('sha256').update(report.pdf).digest('hex'),
      pdf: report.pdf,
      figures,
    })
    .returning(columns);
  await recordAudit(db, actor, {
    action: 'create',
    entity: 'issued-report',
    entityId: row!.id,
    regionId: options.regionId,
    after: { quarter: row!.quarter, fileName: row!.fileName, sha256: row!.sha256 },
  });
  return present(row!);
}

/** Every issued report of the region, newest first; the latest issue of each recent quarter says what moved since. */
export async function listIssuedReports(
  db: Db,
  options: { regionId: string; threshold?: number },
): Promise<IssuedReport[]> {
  const rows = await db
    .select(columns)
    .from(issuedReports)
    .where(eq(issuedReports.regionId, options.regionId))
    .orderBy(desc(issuedReports.quarter), desc(issuedReports.issuedAt));
  const changes = await changesSinceIssued(db, { ...options, all: true });
  return rows.map((row) => present(row, changes.find((c) => c.reportId === row.id)?.figures ?? null));
}

/** Changes whenever a report of the region is issued: how many there are and the latest moment. */
export async function issuedVersion(db: Db, regionId: string): Promise<string> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${issuedReports.issuedAt})::text` })
    .from(issuedReports)
    .where(eq(issuedReports.regionId, regionId));
  return `${row?.count ?? 0}|${row?.latest ?? ''}`;
}

/** The exact PDF as issued. */
export async function issuedReportPdf(
  db: Db,
  regionId: string,
  id: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const [row] = await db
    .select({ fileName: issuedReports.fileName, pdf: issuedReports.pdf })
    .from(issuedReports)
    .where(and(eq(issuedReports.id, id), eq(issuedReports.regionId, regionId)));
  if (!row) throw new AppError(ErrorCode.NotFound, 'Deze uitgegeven rapportage bestaat niet.');
  return row;
}
