import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { providerTierChanges, tierWeights } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { addDays, addMonths, dutchToday } from '../../../shared/period.js';
import type { Actor } from '../auth/index.js';
import { recordAudit } from '../audit/index.js';
import { getRegion, listRegionContracts, listRegionTiers, setRegionTiers } from '../landscape/index.js';
import { kpiPeriods, listSignals, providerVolumes } from '../monitoring/index.js';
import {
  defaultTierWeights,
  suggestTiers,
  type SuggestedTier,
  type TierMeasures,
  type TierWeights,
} from './tier-suggestion.js';

export async function getTierWeights(db: Db, regionId: string): Promise<TierWeights> {
  const [row] = await db.select().from(tierWeights).where(eq(tierWeights.regionId, regionId));
  if (!row) return defaultTierWeights;
  const { spendShare, youths, lots, signals, hoog, midden } = row;
  return { spendShare, youths, lots, signals, hoog, midden };
}

export async function setTierWeights(db: Db, actor: Actor, regionId: string, input: TierWeights) {
  if (input.spendShare + input.youths + input.lots + input.signals <= 0)
    throw fieldError('spendShare', 'geef ten minste één maatstaf een gewicht groter dan 0');
  if (input.hoog <= input.midden) throw fieldError('hoog', 'de grens voor hoog moet boven die voor midden liggen');
  return db.transaction(async (tx) => {
    const before = await getTierWeights(tx, regionId);
    await tx
      .insert(tierWeights)
      .values({ regionId, ...input })
      .onConflictDoUpdate({ target: tierWeights.regionId, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'tier-weights',
      entityId: regionId,
      regionId,
      before,
      after: input,
    });
    return input;
  });
}

export interface ProviderTierRow {
  providerId: string;
  agbCode: string;
  name: string;
  measures: TierMeasures & { euros: number };
  score: number;
  suggested: SuggestedTier;
  current: { omvang: string[]; rol: string[] };
  /** The current omvang differs from the suggestion (or there is none): worth a look. */
  differs: boolean;
}

/**
 * Every provider with a contract running today in the region, its measures over the last twelve months, the score
 * and suggested tier, and its current tiers. Open signals are those of the last complete quarter on its figures; while
 * the figures are being built they count as none (the suggestion says so by its measures).
 */
export async function tierOverview(db: Db, regionId: string, today = dutchToday()) {
  const weights = await getTierWeights(db, regionId);
  const [contracts, tiers] = [await listRegionContracts(db, regionId), await listRegionTiers(db, regionId)];
  const from = addDays(addMonths(today, -12), 1);
  const volumes = new Map((await providerVolumes(db, { regionId, from, to: today })).map((v) => [v.providerAgb, v]));
  const regionEuros = [...volumes.values()].reduce((n, v) => n + Math.max(0, v.euros), 0);
  const signalCount = new Map<string, number>();
  try {
    const period = (await kpiPeriods(db, regionId, today)).defaultPeriod;
    for (const s of await listSignals(db, { regionId, period }))
      if (s.scopeType === 'provider') signalCount.set(s.key, (signalCount.get(s.key) ?? 0) + 1);
  } catch (error) {
    if (!(error instanceof AppError && error.code === ErrorCode.Unavailable)) throw error;
  }
  const providers = new Map<string, { providerId: string; agbCode: string; name: string; lots: Set<string> }>();
  for (const c of contracts.filter((c) => c.startDate <= today && c.effectiveEndDate >= today))
    for (const h of c.holders) {
      const p = providers.get(h.providerId) ?? { ...h, lots: new Set<string>() };
      p.lots.add(c.lotCode);
      providers.set(h.providerId, p);
    }
  const list = [...providers.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const measures = list.map((p) => {
    const v = volumes.get(p.agbCode);
    return {
      spendShare: regionEuros > 0 ? Math.max(0, v?.euros ?? 0) / regionEuros : 0,
      youths: v?.youths ?? 0,
      lots: p.lots.size,
      signals: signalCount.get(p.agbCode) ?? 0,
      euros: v?.euros ?? 0,
    };
  });
  const scores = suggestTiers(measures, weights);
  const rows: ProviderTierRow[] = list.map((p, i) => {
    const own = tiers.filter((t) => t.providerId === p.providerId);
    const current = {
      omvang: own.filter((t) => t.scheme === 'omvang').map((t) => t.code),
      rol: own.filter((t) => t.scheme === 'rol').map((t) => t.code),
    };
    const m = measures[i]!;
    return {
      providerId: p.providerId,
      agbCode: p.agbCode,
      name: p.name,
      // Counts of youths leave the back office rounded to fives, as published figures do; the score used them exact.
      measures: { ...m, spendShare: Math.round(m.spendShare * 1000) / 1000, youths: Math.round(m.youths / 5) * 5 },
      score: scores[i]!.score,
      suggested: scores[i]!.suggested,
      current,
      differs: current.omvang[0] !== scores[i]!.suggested,
    };
  });
  return { from, to: today, weights, providers: rows };
}

/**
 * A person's decision on a provider's tiers in the region: the levels chosen (checked against the region's rules,
 * such as A and C excluding each other) and the reason, always. Confirmed when the chosen omvang is the suggestion,
 * overridden otherwise. Nothing is saved when any rule refuses.
 */
export async function decideTiers(
  db: Db,
  actor: Actor,
  input: { regionId: string; providerId: string; tierLevelIds: string[]; reason: string },
) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError('reason', 'geef een reden voor deze indeling', ErrorCode.Validation, 'required');
  const region = await getRegion(db, input.regionId);
  const overview = await tierOverview(db, input.regionId);
  const row = overview.providers.find((p) => p.providerId === input.providerId);
  const chosenOmvang = region.tierLevels.find((l) => input.tierLevelIds.includes(l.id) && l.scheme === 'omvang');
  if (!row) throw new AppError(ErrorCode.NotFound, 'Deze aanbieder heeft geen lopend contract in de regio.');
  const decision = chosenOmvang?.code === row.suggested ? 'confirmed' : 'overridden';
  return db.transaction(async (tx) => {
    const { before, after } = await setRegionTiers(tx, input.providerId, input.regionId, input.tierLevelIds);
    const [change] = await tx
      .insert(providerTierChanges)
      .values({
        regionId: input.regionId,
        providerId: input.providerId,
        before,
        after,
        suggested: row.suggested,
        measures: { ...row.measures, score: row.score },
        decision,
        reason,
        decidedBy: actor.id,
        decidedByName: actor.name,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'provider-tier',
      entityId: input.providerId,
      regionId: input.regionId,
      before,
      after: { ...after, decision, reason },
    });
    return presentChange(change!);
  });
}

export async function tierHistory(db: Db, regionId: string, providerId: string) {
  const rows = await db
    .select()
    .from(providerTierChanges)
    .where(and(eq(providerTierChanges.regionId, regionId), eq(providerTierChanges.providerId, providerId)))
    .orderBy(desc(providerTierChanges.decidedAt));
  return rows.map(presentChange);
}

function presentChange(r: typeof providerTierChanges.$inferSelect) {
  return {
    id: r.id,
    providerId: r.providerId,
    before: r.before as Record<string, string[]>,
    after: r.after as Record<string, string[]>,
    suggested: r.suggested,
    measures: r.measures as Record<string, number> | null,
    decision: r.decision as 'confirmed' | 'overridden',
    reason: r.reason,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt.toISOString(),
  };
}

export type TierOverview = Awaited<ReturnType<typeof tierOverview>>;
export type TierChange = ReturnType<typeof presentChange>;
