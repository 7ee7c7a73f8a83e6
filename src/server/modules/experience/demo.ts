import type { Db } from '../../db/client.js';
import { experienceResponses } from '../../db/schema/index.js';
import { experienceAudiences } from '../../../shared/experience.js';
import { currentQuestionnaire, ensureDefaultQuestionnaires } from './questionnaires.service.js';

/** A small deterministic generator (mulberry32), so every demo has the same answers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const openTexts = [
  'Fijn dat er snel iemand kwam.',
  'De wachttijd was lang, maar daarna ging het goed.',
  'Ik had graag vaker een afspraak gehad.',
  'Ik voelde me gehoord.',
  'Het contact met school kon beter.',
];

/**
 * Realistic answers for the demo region: for each provider and product it offers, a few answers a month over the
 * `months` before `today` (parents more than young people), marks around 7 with some spread and the smileys in line
 * with them, so the dashboard's satisfaction tile shows a figure and small providers stay below the threshold. Open
 * answers of the last two months wait for moderation; older ones were published (the demo texts name no one).
 */
export async function seedDemoExperience(
  db: Db,
  regionId: string,
  offers: Array<{ providerId: string; productId: string }>,
  today: string,
  months = 36,
): Promise<number> {
  await ensureDefaultQuestionnaires(db, regionId);
  const versions = {
    jongere: await currentQuestionnaire(db, regionId, 'jongere'),
    ouder: await currentQuestionnaire(db, regionId, 'ouder'),
  };
  const next = random(18);
  const rows: Array<typeof experienceResponses.$inferInsert> = [];
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (const [o, offer] of offers.entries()) {
    // Each offer has its own level, so providers differ a little, as real ones do.
    const level = 6.4 + ((o * 7) % 10) / 6;
    for (let back = months; back >= 1; back -= 1) {
      const first = new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 10);
      const answers = Math.floor(next() * 3.2);
      for (let i = 0; i < answers; i += 1) {
        const audience = experienceAudiences[next() < 0.35 ? 0 : 1]!;
        const version = versions[audience];
        const mark = Math.max(1, Math.min(10, Math.round(level + (next() + next() + next() - 1.5) * 2.4)));
        const closed: Record<string, number> = {};
        for (const q of version.questions) {
          if (q.kind === 'score') closed[q.key] = mark;
          else if (q.kind === 'smiley' && next() > 0.05)
            closed[q.key] = Math.max(1, Math.min(5, Math.round(mark / 2 + (next() - 0.5) * 1.6)));
        }
        rows.push({
          regionId,
          providerId: offer.providerId,
          productId: offer.productId,
          questionnaireId: version.id,
          submittedMonth: first,
          language: next() < 0.92 ? 'nl' : 'en',
          answers: closed,
          effectScore: mark,
          ...(next() < 0.2
            ? {
                openText: openTexts[Math.floor(next() * openTexts.length)]!,
                openState: back > 2 ? 'published' : 'pending',
              }
            : { openText: null }),
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(experienceResponses).values(rows.slice(i, i + 500));
  return rows.length;
}
