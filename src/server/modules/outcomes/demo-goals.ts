import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { GoalAnswers } from '../../../shared/outcomes.js';
import type { Db } from '../../db/client.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import { goalAttainments, regions } from '../../db/schema/index.js';
import { endedAllocations } from '../exchange/index.js';
import { municipalitiesOf } from './goals.service.js';

/** A number in [0, 1) fixed by the text: the same demo every time. */
function chance(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** Early endings (reasons 32–35) go worse than endings per plan, as they do in practice. */
function answersFor(key: string, reason: string | null): GoalAnswers {
  const early = ['32', '33', '34', '35'].includes(reason ?? '');
  const [a, b, c] = [chance(`${key}|3.1`), chance(`${key}|3.3`), chance(`${key}|3.4`)];
  return {
    withoutHelp: a < (early ? 0.25 : 0.6) ? 'ja' : 'nee',
    problemsReduced: b < (early ? 0.4 : 0.78) ? 'ja' : 'nee',
    goalsMet: c < (early ? 0.15 : 0.5) ? 'volledig' : c < (early ? 0.55 : 0.88) ? 'gedeeltelijk' : 'niet',
  };
}

/**
 * The demo region's providers registered goal attainment for part of their ended allocations: most for about four
 * in five, every fourth provider (by AGB code) for about a third (its completeness is too low to trust), and the latest month of
 * endings less than the rest (registration lags). Deterministic, so the demo's figures are the same every start.
 */
export async function seedDemoGoalAttainments(db: Db, regionCode = 'lekstroom'): Promise<number> {
  const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region) return 0;
  const ended = await endedAllocations(db, { municipalities: await municipalitiesOf(db, region.id) });
  const latest = ended[0]?.endDate?.slice(0, 7);
  const agbs = [...new Set(ended.map((a) => a.providerAgb))].sort();
  const lagging = new Set(agbs.filter((_, i) => i % 4 === 2));
  const rows = ended.flatMap((a) => {
    const key = `${a.municipalityCode}|${a.allocationNumber}`;
    const diligent = !lagging.has(a.providerAgb);
    const share = (diligent ? 0.82 : 0.35) * (a.endDate?.slice(0, 7) === latest ? 0.5 : 1);
    if (chance(`registered|${key}`) >= share) return [];
    return [
      {
        regionId: region.id,
        municipalityCode: a.municipalityCode,
        allocationNumber: a.allocationNumber,
        providerAgb: a.providerAgb,
        ...answersFor(key, a.endReason),
      },
    ];
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await tx
        .insert(goalAttainments)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing();
    await bumpDataVersion(tx, 'outcomes');
  });
  return rows.length;
}
