import { and, eq, sql } from 'drizzle-orm';
import { defaultMinCompletenessPercent, type GoalAnswers } from '../../../shared/outcomes.js';
import { queryRows, type Db } from '../../db/client.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import { goalAttainments, goalAttainmentSettings, municipalities, providers } from '../../db/schema/index.js';
import { AppError, ErrorCode, type InvalidParam } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { endedAllocations, findAllocations, type AllocationState } from '../exchange/index.js';
import { cellError, type GoalRow } from './goal-rows.js';

/** The region a request works in, with its municipalities (CBS codes): allocations are keyed on those. */
export interface GoalRegion {
  id: string;
  code: string;
  name: string;
  municipalities: string[];
}

export async function municipalitiesOf(db: Db, regionId: string): Promise<string[]> {
  const rows = await db
    .select({ code: municipalities.cbsCode })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return rows.map((r) => r.code);
}

/** The AGB code of an aanbieder's own provider; an account bound to none may register nothing. */
export async function ownProviderAgb(db: Db, actor: Actor): Promise<string> {
  const [own] = actor.providerId
    ? await db.select({ agb: providers.agbCode }).from(providers).where(eq(providers.id, actor.providerId))
    : [];
  if (!own) throw new AppError(ErrorCode.Forbidden, 'Uw account is niet aan een aanbieder gekoppeld.');
  return own.agb;
}

/**
 * Why an allocation may not be registered by this provider, or null when it may: it must be the provider's (an
 * unknown number reads the same, so nothing is told about other providers' allocations) and a stop (JW307) must
 * have ended it.
 */
function refusal(
  found: AllocationState | undefined,
  agb: string,
  key: { municipalityCode: string; allocationNumber: string },
) {
  const what = `toewijzing ${key.allocationNumber} van gemeente ${key.municipalityCode}`;
  if (!found || found.providerAgb !== agb)
    return `${what} is niet aan uw organisatie toegewezen (of onbekend in de regio)`;
  if (!found.endDate) return `${what} is nog niet beëindigd: er is geen stopbericht (JW307) van ontvangen`;
  return null;
}

/**
 * Registers goal attainment for rows whose cells were checked: every allocation must be the provider's and ended,
 * else nothing is stored and each wrong row is named. Stored in one transaction; a row with the answers already
 * registered changes nothing (a file sent twice counts once). Returns how many were saved and unchanged.
 */
export async function registerGoalRows(
  db: Db,
  actor: Actor,
  region: GoalRegion,
  rows: GoalRow[],
  errorOf: (row: GoalRow, reason: string) => InvalidParam = (row, reason) => cellError(row.row, 1, reason),
): Promise<{ saved: number; unchanged: number }> {
  const agb = await ownProviderAgb(db, actor);
  const found = await findAllocations(db, { municipalities: region.municipalities, keys: rows });
  const byKey = new Map(found.map((a) => [`${a.municipalityCode}|${a.allocationNumber}`, a]));
  const errors: InvalidParam[] = [];
  for (const row of rows) {
    const reason = refusal(byKey.get(`${row.municipalityCode}|${row.allocationNumber}`), agb, row);
    if (reason) errors.push(errorOf(row, reason));
  }
  if (errors.length) throw refused(errors);
  return db.transaction(async (tx) => {
    let saved = 0;
    for (let i = 0; i < rows.length; i += 1000)
      saved += await upsert(tx, actor, region.id, agb, rows.slice(i, i + 1000));
    if (saved) {
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'goal-attainment',
        entityId: agb,
        regionId: region.id,
        after: { provider: agb, registered: saved, unchanged: rows.length - saved },
        label: `Doelrealisatie van ${agb}: ${saved} ${saved === 1 ? 'toewijzing' : 'toewijzingen'}`,
      });
      await bumpDataVersion(tx, 'outcomes');
    }
    return { saved, unchanged: rows.length - saved };
  });
}

/** The refusal of a file or form with wrong rows: nothing was stored. */
export function refused(errors: InvalidParam[]): AppError {
  const n = new Set(errors.map((e) => e.name.split(',')[0])).size;
  return new AppError(
    ErrorCode.Validation,
    `${n === 1 ? '1 rij klopt' : `${n} rijen kloppen`} niet; er is niets opgeslagen`,
    errors,
  );
}

async function upsert(db: Db, actor: Actor, regionId: string, agb: string, rows: GoalRow[]): Promise<number> {
  const changed = await db
    .insert(goalAttainments)
    .values(
      rows.map((r) => ({
        regionId,
        municipalityCode: r.municipalityCode,
        allocationNumber: r.allocationNumber,
        providerAgb: agb,
        ...r.answers,
        registeredBy: actor.id,
      })),
    )
    .onConflictDoUpdate({
      target: [goalAttainments.municipalityCode, goalAttainments.allocationNumber],
      set: {
        withoutHelp: sql`excluded.without_help`,
        problemsReduced: sql`excluded.problems_reduced`,
        goalsMet: sql`excluded.goals_met`,
        providerAgb: sql`excluded.provider_agb`,
        registeredBy: sql`excluded.registered_by`,
        registeredAt: sql`now()`,
      },
      setWhere: sql`(goal_attainments.without_help, goal_attainments.problems_reduced, goal_attainments.goals_met)
        is distinct from (excluded.without_help, excluded.problems_reduced, excluded.goals_met)`,
    })
    .returning({ id: goalAttainments.id });
  return changed.length;
}

/** An ended allocation of the provider with what it registered for it (null: not yet). */
export interface EndedAllocation {
  municipalityCode: string;
  allocationNumber: string;
  productCategory: string | null;
  productCode: string | null;
  startDate: string | null;
  endDate: string;
  endReason: string | null;
  registered: (GoalAnswers & { registeredAt: string }) | null;
}

/** The provider's ended allocations in the region (ending within the span when given), newest end first. */
export async function listOwnEnded(
  db: Db,
  actor: Actor,
  region: GoalRegion,
  span: { from?: string; to?: string } = {},
): Promise<EndedAllocation[]> {
  const agb = await ownProviderAgb(db, actor);
  const ended = await endedAllocations(db, { municipalities: region.municipalities, providerAgb: agb, ...span });
  const registered = await registrationsOf(db, region.id, agb);
  return ended.map((a) => {
    const r = registered.get(`${a.municipalityCode}|${a.allocationNumber}`);
    const answers = r && {
      withoutHelp: r.withoutHelp,
      problemsReduced: r.problemsReduced,
      goalsMet: r.goalsMet,
      registeredAt: r.registeredAt,
    };
    return {
      municipalityCode: a.municipalityCode,
      allocationNumber: a.allocationNumber,
      productCategory: a.productCategory,
      productCode: a.productCode,
      startDate: a.startDate,
      endDate: a.endDate!,
      endReason: a.endReason,
      registered: answers ?? null,
    };
  });
}

/** The registrations of the region (of one provider when given), keyed municipality|allocation number. */
export async function registrationsOf(
  db: Db,
  regionId: string,
  agb?: string,
): Promise<Map<string, GoalAnswers & { registeredAt: string; providerAgb: string }>> {
  const rows = await db
    .select()
    .from(goalAttainments)
    .where(and(eq(goalAttainments.regionId, regionId), agb ? eq(goalAttainments.providerAgb, agb) : undefined));
  return new Map(
    rows.map((r) => [
      `${r.municipalityCode}|${r.allocationNumber}`,
      {
        withoutHelp: r.withoutHelp,
        problemsReduced: r.problemsReduced,
        goalsMet: r.goalsMet,
        providerAgb: r.providerAgb,
        registeredAt: r.registeredAt.toISOString(),
      } as GoalAnswers & { registeredAt: string; providerAgb: string },
    ]),
  );
}

/** The region's completeness threshold (percent), or the default while it has set none. */
export async function minCompletenessOf(db: Db, regionId: string): Promise<number> {
  const [row] = await db.select().from(goalAttainmentSettings).where(eq(goalAttainmentSettings.regionId, regionId));
  return row?.minCompletenessPercent ?? defaultMinCompletenessPercent;
}

/** Sets the region's completeness threshold (audited). */
export async function setMinCompleteness(db: Db, actor: Actor, regionId: string, percent: number): Promise<number> {
  const before = await minCompletenessOf(db, regionId);
  await db.transaction(async (tx) => {
    await tx
      .insert(goalAttainmentSettings)
      .values({ regionId, minCompletenessPercent: percent })
      .onConflictDoUpdate({
        target: goalAttainmentSettings.regionId,
        set: { minCompletenessPercent: percent, updatedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'goal-attainment-settings',
      entityId: regionId,
      regionId,
      before: { minCompletenessPercent: before },
      after: { minCompletenessPercent: percent },
      label: 'Drempel volledigheid doelrealisatie',
    });
  });
  return percent;
}

/** Per provider: its allocations that ended in the span, and how many of those it registered. */
export async function completenessPerProvider(
  db: Db,
  region: GoalRegion,
  span: { from: string; to: string },
  agb?: string,
): Promise<Array<{ providerAgb: string; name: string; ended: number; registered: number }>> {
  const ended = await endedAllocations(db, { municipalities: region.municipalities, providerAgb: agb, ...span });
  const registered = await registrationsOf(db, region.id, agb);
  const per = new Map<string, { ended: number; registered: number }>();
  for (const a of ended) {
    const p = per.get(a.providerAgb) ?? { ended: 0, registered: 0 };
    p.ended += 1;
    if (registered.has(`${a.municipalityCode}|${a.allocationNumber}`)) p.registered += 1;
    per.set(a.providerAgb, p);
  }
  const names = new Map(
    (
      await queryRows<{ agb: string; name: string }>(
        db,
        sql`select agb_code as agb, name from providers where agb_code = any(${sql.param([...per.keys()])}::text[])`,
      )
    ).map((r) => [r.agb, r.name]),
  );
  return [...per]
    .map(([providerAgb, p]) => ({ providerAgb, name: names.get(providerAgb) ?? providerAgb, ...p }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
