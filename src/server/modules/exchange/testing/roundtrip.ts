import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import type { GenerationManifest } from '../../../../tools/ijw-generator/generate.js';
import type { ImportSummary } from '../import.service.js';
import { declaredCents } from '../trajectories.js';

/**
 * What differs between an imported generated region and the generator's manifest: files and records, trajectories
 * started per productcategorie, ended per reden beëindiging, and the money declared. Shared by the small round trip in
 * the unit tests and the full-size one in the dashboard benchmark, so both prove the same thing.
 */
export async function roundtripDifferences(
  db: Db,
  manifest: GenerationManifest,
  summary: ImportSummary,
): Promise<string[]> {
  const out: string[] = [];
  const same = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      out.push(`${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  };
  same('import summary', summary, {
    accepted: manifest.files.total,
    duplicate: 0,
    rejected: 0,
    records: manifest.records.total,
  });
  const sorted = (rows: Array<{ k: string; n: number }>) =>
    Object.fromEntries(rows.map((r) => [r.k, r.n]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  const sortedKeys = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const byCategory = await queryRows<{ k: string; n: number }>(
    db,
    sql`select product_category as k, count(*)::int as n from ijw_trajectories where start_date is not null group by 1`,
  );
  same('started per productcategorie', sorted(byCategory), sortedKeys(manifest.trajectories.startedByProductCategory));
  const byReason = await queryRows<{ k: string; n: number }>(
    db,
    sql`select end_reason as k, count(*)::int as n from ijw_trajectories where end_date is not null group by 1`,
  );
  same('ended per reden', sorted(byReason), sortedKeys(manifest.trajectories.endedByReason));
  const [totals] = await queryRows<{ started: number; ended: number; cents: string | number }>(
    db,
    sql`
    select count(*) filter (where start_date is not null)::int as started, count(*) filter (where end_date is not null)::int as ended,
      coalesce(sum(${declaredCents(sql`t`)}), 0)::bigint as cents from ijw_trajectories t`,
  );
  same('started', totals!.started, manifest.trajectories.started);
  same('ended', totals!.ended, manifest.trajectories.ended);
  same('declared cents', Number(totals!.cents), manifest.declarations.totalAmountCents);
  return out;
}
