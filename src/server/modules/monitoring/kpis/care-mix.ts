import { sql } from 'drizzle-orm';
import {
  ambulantCare,
  bothPeriods,
  contractedBy,
  date,
  inCare,
  pairRows,
  periodTags,
  spanOf,
  type KpiContext,
  type KpiModule,
  type Span,
} from './kpi-module.js';
import { countFirstInCell, countYouths, num, percent } from './counting.js';
import { youthsInCare } from './youth-counts.js';
import type { SQL } from 'drizzle-orm';
import { providersLocatedOutside } from '../../landscape/index.js';

/** Per period: per-trajectory flags, and the per-youth counts over them (columns <name>_c and <name>_p). */
async function countPerPeriod(
  db: Parameters<KpiModule['compute']>[0],
  ctx: KpiContext,
  flags: (p: Span) => Record<string, SQL>,
  counts: string[],
  only?: SQL,
) {
  const allFlags = Object.assign(
    {},
    ...periodTags.map((tag) =>
      Object.fromEntries(Object.entries(flags(spanOf(ctx, tag))).map(([k, v]) => [`${k}_${tag}`, v])),
    ),
  );
  const allCounts = Object.assign(
    {},
    ...periodTags.map((tag) => Object.fromEntries(counts.map((k) => [`${k}_${tag}`, sql.raw(`y.${k}_${tag}`)]))),
  );
  return countYouths(db, ctx, bothPeriods(ctx), allFlags, allCounts, { only }) as Promise<
    Array<Record<string, unknown> & { grp: string | null }>
  >;
}

const ambulant = sql.raw(ambulantCare('t'));

/**
 * Verhouding ambulant / verblijf: youths with ambulant care (without stay; not crisis, jeugdreclassering or
 * jeugdbescherming) per youth with care with stay. Where the facts keep the neighbours in the cells asked, each youth
 * counts once per kind by its first trajectory of that kind there in the period; otherwise grouped by youth.
 */
export const ambulantStayRatio: KpiModule = {
  id: 'ambulant_stay_ratio',
  async compute(db, ctx) {
    const firstOfKind = (p: Span, earlierEndSameStay: SQL) =>
      sql`${inCare(p.from, p.to)} and coalesce(${earlierEndSameStay} < ${date(p.from)}, true)`;
    const rows =
      (
        await countFirstInCell(db, ctx, bothPeriods(ctx), (cell) =>
          Object.fromEntries(
            periodTags.flatMap((tag) => [
              [`ambulant_${tag}`, sql`${ambulant} and ${firstOfKind(spanOf(ctx, tag), cell.earlierEndSameStay)}`],
              [`stay_${tag}`, sql`t.with_stay and ${firstOfKind(spanOf(ctx, tag), cell.earlierEndSameStay)}`],
            ]),
          ),
        )
      )?.rows ??
      (await countPerPeriod(
        db,
        ctx,
        (p) => ({
          ambulant: sql`${inCare(p.from, p.to)} and ${ambulant}`,
          stay: sql`${inCare(p.from, p.to)} and t.with_stay`,
        }),
        ['ambulant', 'stay'],
      ));
    return pairRows(rows, (r, tag) => {
      const [ambulant, stay] = [num(r[`ambulant_${tag}`]), num(r[`stay_${tag}`])];
      // As for a share: the denominator's youths (with stay) decide suppression.
      return {
        youths: stay,
        numerator: ambulant,
        denominator: stay,
        value: stay > 0 ? Math.round((100 * ambulant) / stay) / 100 : null,
      };
    });
  },
};

/** Aandeel pleegzorg en gezinshuizen: of the youths with stay, the share in a family-based form. */
export const familyCareShare: KpiModule = {
  id: 'family_care_share',
  async compute(db, ctx) {
    const rows = await countPerPeriod(
      db,
      ctx,
      (p) => ({
        stay: sql`${inCare(p.from, p.to)} and t.with_stay`,
        family: sql`${inCare(p.from, p.to)} and t.with_stay and t.stay_form in ('pleegzorg', 'gezinshuis')`,
      }),
      ['stay', 'family'],
      sql`t.with_stay`,
    );
    return pairRows(rows, (r, tag) => {
      const [stay, family] = [num(r[`stay_${tag}`]), num(r[`family_${tag}`])];
      return { youths: stay, numerator: family, denominator: stay, value: percent(family, stay) };
    });
  },
};

/**
 * A share of the youths in care (jeugdigen in zorg, the same cells): the youths with a trajectory in care in each
 * period that meets `outside(to)` (to: the period's end), counting only the trajectories `only` lets through.
 */
async function shareOfYouthsInCare(
  db: Parameters<KpiModule['compute']>[0],
  ctx: KpiContext,
  outside: (to: string) => SQL,
  only: SQL,
) {
  const counted = new Map(
    (
      await countYouths(
        db,
        ctx,
        bothPeriods(ctx),
        Object.fromEntries(
          periodTags.map((tag) => {
            const { from, to } = spanOf(ctx, tag);
            return [`outside_${tag}`, sql`${inCare(from, to)} and ${outside(to)}`];
          }),
        ),
        Object.fromEntries(periodTags.map((tag) => [`outside_${tag}`, sql.raw(`y.outside_${tag}`)])),
        { only },
      )
    ).map((r) => [r.grp, r]),
  );
  const inCareRows = (await youthsInCare.compute(db, ctx)) ?? [];
  const share = (during: number, n: number) => ({
    youths: during,
    numerator: n,
    denominator: during,
    value: percent(n, during),
  });
  return inCareRows.map((r) => {
    const o = counted.get(r.grp);
    return {
      grp: r.grp,
      ...share(r.youths, num(o?.outside_c)),
      previous: share(r.previous?.youths ?? 0, num(o?.outside_p)),
    };
  });
}

/**
 * Aandeel zorg zonder contract voor het perceel: youths in care with a trajectory whose provider had no contract with
 * the region (directly or as a member of a contracted combination) for the lot of its product overlapping it, of the
 * youths in care (jeugdigen in zorg, the same cells). Care in a product the product book gives no lot is not
 * contracted. Only the trajectories outside contract are grouped by youth.
 */
export const outsideRegionShare: KpiModule = {
  id: 'outside_region_share',
  compute: (db, ctx) =>
    shareOfYouthsInCare(
      db,
      ctx,
      (to) => sql`not ${contractedBy(to)}`,
      // Outside contract in either period: the previous one ends first, so this holds for both.
      sql`t.uncontracted_at_start and not ${contractedBy(ctx.previous.to)}`,
    ),
};

/**
 * Aandeel zorg bij aanbieders zonder vestiging in de regio: youths in care with a trajectory at a provider none of
 * whose locations lies in one of the region's municipalities (by the imported PC4 municipality codes; a provider whose
 * locations cannot be placed does not count as outside), of the youths in care. Locations have no history: the
 * provider's locations today place every period. No figure until the postcode areas' municipalities are imported.
 */
export const outsideRegionLocationShare: KpiModule = {
  id: 'outside_region_location_share',
  async compute(db, ctx) {
    const outsideAgbs = await providersLocatedOutside(db, ctx.municipalities);
    if (outsideAgbs === null) return null;
    return shareOfYouthsInCare(db, ctx, () => sql`true`, sql`t.provider_agb = any(${sql.param(outsideAgbs)}::text[])`);
  },
};
