import { and, desc, eq, lte } from 'drizzle-orm';
import type { KpiResponse, KpiUnit } from '../../../../shared/kpi.js';
import type { Db } from '../../../db/client.js';
import { issuedReports } from '../../../db/schema/index.js';
import { computeKpis } from '../kpi.service.js';
import { computeMoneyLines, type MoneyLinesResponse } from '../money-lines.js';

/**
 * An issued report keeps the figures it was made from. Later master-data changes (a contract's dates, a product's
 * stay) or late messages can move a figure of that quarter; comparing the kept figures with today's answer for the
 * same quarter says which moved and by how much, in the next report and on the dashboard.
 */

/** What an issued report keeps besides its PDF: the quarter's figures as printed. */
export interface IssuedFigures {
  kpis: KpiResponse;
  money: MoneyLinesResponse | null;
}

export interface FigureChange {
  /** What the figure is: a KPI's name, or a budget line's spend or forecast. */
  subject: string;
  unit: KpiUnit;
  issued: number | null;
  current: number | null;
}

export interface IssuedChange {
  reportId: string;
  quarter: string;
  issuedAt: string;
  issuedByName: string;
  figures: FigureChange[];
}

const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) < 0.005);

/** The region totals and money lines that differ between the kept figures and today's. */
export function compareFigures(issued: IssuedFigures, now: IssuedFigures): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const before of issued.kpis.data) {
    const after = now.kpis.data.find((r) => r.kpi.id === before.kpi.id);
    if (!after || !before.available) continue;
    if (!same(before.total.value, after.total.value))
      changes.push({
        subject: before.kpi.name,
        unit: before.kpi.unit,
        issued: before.total.value,
        current: after.total.value,
      });
  }
  for (const line of issued.money?.lines ?? []) {
    const after = now.money?.lines.find((l) => l.code === line.code);
    if (!after) continue;
    if (!same(line.spent, after.spent))
      changes.push({
        subject: `${line.name}: uitgaven tot en met het kwartaal`,
        unit: 'euro',
        issued: line.spent,
        current: after.spent,
      });
    if (!same(line.forecast, after.forecast))
      changes.push({
        subject: `${line.name}: prognose jaareinde`,
        unit: 'euro',
        issued: line.forecast,
        current: after.forecast,
      });
  }
  return changes;
}

/** Today's answer for a quarter, made as the region report makes it. */
export async function currentFigures(
  db: Db,
  options: { regionId: string; quarter: string; threshold?: number; today?: string },
): Promise<IssuedFigures> {
  const kpis = await computeKpis(db, {
    regionId: options.regionId,
    period: options.quarter,
    groupBy: 'municipality',
    threshold: options.threshold,
    today: options.today,
  });
  const money = await computeMoneyLines(db, {
    regionId: options.regionId,
    period: options.quarter,
    threshold: options.threshold,
  });
  return { kpis, money };
}

/**
 * The latest issue of each of the last `limit` issued quarters up to `until`, with the figures that moved since;
 * quarters where nothing moved are left out unless `all` is set.
 */
export async function changesSinceIssued(
  db: Db,
  options: { regionId: string; until?: string; threshold?: number; today?: string; limit?: number; all?: boolean },
): Promise<IssuedChange[]> {
  const rows = await db
    .select({
      id: issuedReports.id,
      quarter: issuedReports.quarter,
      issuedAt: issuedReports.issuedAt,
      issuedByName: issuedReports.issuedByName,
      figures: issuedReports.figures,
    })
    .from(issuedReports)
    .where(
      and(
        eq(issuedReports.regionId, options.regionId),
        options.until ? lte(issuedReports.quarter, options.until) : undefined,
      ),
    )
    .orderBy(desc(issuedReports.quarter), desc(issuedReports.issuedAt));
  const latest = rows
    .filter((row, i) => rows.findIndex((r) => r.quarter === row.quarter) === i)
    .slice(0, options.limit ?? 4);
  const result: IssuedChange[] = [];
  for (const row of latest) {
    const now = await currentFigures(db, { ...options, quarter: row.quarter });
    const figures = compareFigures(row.figures as IssuedFigures, now);
    if (figures.length || options.all)
      result.push({
        reportId: row.id,
        quarter: row.quarter,
        issuedAt: row.issuedAt.toISOString(),
        issuedByName: row.issuedByName,
        figures,
      });
  }
  return result;
}
