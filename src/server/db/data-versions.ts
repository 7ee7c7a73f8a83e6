import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.js';

/**
 * The domains of data whose changes alter cached answers: master data (landscape), imported iJw messages (exchange),
 * the KPI facts and their refresh, the KPI targets (monitoring), the availability entries, and the goal attainment
 * providers register (outcomes). Each module bumps its own.
 */
export type DataDomain =
  'landscape' | 'exchange' | 'kpi-facts' | 'kpi-targets' | 'availability' | 'outcomes' | 'experience';

/**
 * Counts a change of `domain`. Call it in the transaction that makes the change, as its last statement where the
 * transaction is long: the counter row stays locked until the commit, so writers of one domain queue there briefly,
 * and a reader in any process sees the new version exactly when the change is visible.
 */
export async function bumpDataVersion(db: Db, domain: DataDomain): Promise<void> {
  await db.execute(sql`
    insert into data_versions (domain, version) values (${domain}, 1)
    on conflict (domain) do update set version = data_versions.version + 1`);
}

/**
 * The version of all data together, as one string that changes whenever any domain's counter does: one small
 * index-less read of a table of a few rows; `domains` narrows it to what a cache depends on. Read it before computing what is cached under it, never after: an
 * answer is then at least as new as its version.
 */
export async function readDataVersion(db: Db, domains?: DataDomain[]): Promise<string> {
  const only = domains
    ? sql`where domain in (${sql.join(
        domains.map((d) => sql`${d}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<{ domain: string; version: number | string }>(
    db,
    sql`select domain, version from data_versions ${only} order by domain`,
  );
  return rows.map((r) => `${r.domain}=${r.version}`).join(',');
}
