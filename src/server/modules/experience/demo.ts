import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experienceBatches, experienceResponses, experienceTokens } from '../../db/schema/index.js';
import { experienceAudiences, experienceLimits, type ExperienceAudience } from '../../../shared/experience.js';
import { currentQuestionnaire, ensureDefaultQuestionnaires } from './questionnaires.service.js';
import { hashOf } from './tokens.js';

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

type Response = typeof experienceResponses.$inferInsert;
type Batch = typeof experienceBatches.$inferInsert;

/** The first day of the month `back` months before (year, month), and the first day of its quarter. */
function monthBack(year: number, month: number, back: number): { month: string; quarter: string } {
  const d = new Date(Date.UTC(year, month - 1 - back, 1));
  const q = new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
  return { month: d.toISOString().slice(0, 10), quarter: q.toISOString().slice(0, 10) };
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A municipality drawn in proportion to its inhabitants. */
function pickMunicipality(municipalities: DemoMunicipality[], u: number): string {
  const total = municipalities.reduce((s, m) => s + m.inhabitants, 0);
  let at = u * total;
  for (const m of municipalities) if ((at -= m.inhabitants) < 0) return m.id;
  return municipalities.at(-1)!.id;
}

export interface DemoMunicipality {
  id: string;
  inhabitants: number;
}

/**
 * Realistic answers for the demo region: for each provider and product it offers, a few answers a month over the
 * `months` before `today` (parents more than young people), marks around 7 with some spread and the smileys in line
 * with them, so the dashboard's satisfaction tile shows a figure and small providers stay below the threshold. Open
 * answers of the last two months wait for moderation; older ones were published (the demo texts name no one).
 *
 * The answers came through invitations, as real ones do: per provider, product, quarter and audience one batch, made
 * in the quarter's first week from the care that ended the quarter before in one municipality (drawn by inhabitants;
 * about one in eight by number, without a municipality), of which 32–46 % was used (per provider), each token in its
 * answer's month. So every group has no more answers than invitations and a response rate to read. The batches have no
 * links (no seed) and their token hashes belong to no token that could be typed in (docs/decisions.md). A second
 * generator draws the batches, so the answers themselves are the same as before batches were seeded.
 */
export async function seedDemoExperience(
  db: Db,
  regionId: string,
  offers: Array<{ providerId: string; productId: string }>,
  municipalities: DemoMunicipality[],
  today: string,
  months = 36,
): Promise<{ responses: number; batches: number; invitations: number }> {
  await ensureDefaultQuestionnaires(db, regionId);
  const versions = {
    jongere: await currentQuestionnaire(db, regionId, 'jongere'),
    ouder: await currentQuestionnaire(db, regionId, 'ouder'),
  };
  const next = random(18);
  const rows: Response[] = [];
  /** The answers per offer, quarter and audience: the batch whose invitations they used. */
  const answered = new Map<string, Response[]>();
  const key = (o: number, quarter: string, audience: ExperienceAudience) => `${o}|${quarter}|${audience}`;
  const quarters: string[] = [];
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (const [o, offer] of offers.entries()) {
    // Each offer has its own level, so providers differ a little, as real ones do.
    const level = 6.4 + ((o * 7) % 10) / 6;
    for (let back = months; back >= 1; back -= 1) {
      const { month: first, quarter } = monthBack(year, month, back);
      if (o === 0 && quarters.at(-1) !== quarter) quarters.push(quarter);
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
        const row: Response = {
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
        };
        rows.push(row);
        const k = key(o, quarter, audience);
        if (!answered.has(k)) answered.set(k, []);
        answered.get(k)!.push(row);
      }
    }
  }

  const draw = random(1807);
  const batches: Batch[] = [];
  const tokens: Array<typeof experienceTokens.$inferInsert> = [];
  const providers = [...new Set(offers.map((x) => x.providerId))];
  for (const [o, offer] of offers.entries()) {
    // Each provider has its own response, as providers differ in how they hand out the links: 32–46 % of them used.
    const response = 0.32 + ((providers.indexOf(offer.providerId) * 5) % 8) * 0.02;
    for (const quarter of quarters) {
      for (const audience of experienceAudiences) {
        const used = answered.get(key(o, quarter, audience)) ?? [];
        // A quarter without answers had a small batch now and then (parents more often), of which none came back.
        if (!used.length && draw() >= (audience === 'ouder' ? 0.35 : 0.15)) continue;
        const share = response + (draw() - 0.5) * 0.06;
        const size = used.length ? Math.max(used.length, Math.round(used.length / share)) : 1 + Math.floor(draw() * 3);
        const municipalityId = draw() < 0.12 ? null : pickMunicipality(municipalities, draw());
        const made = addDays(quarter, Math.floor(draw() * 5));
        const id = randomUUID();
        batches.push({
          id,
          regionId,
          providerId: offer.providerId,
          productId: offer.productId,
          questionnaireId: versions[audience].id,
          source: municipalityId ? 'ended' : 'count',
          endedFrom: municipalityId
            ? monthBack(Number(quarter.slice(0, 4)), Number(quarter.slice(5, 7)), 3).month
            : null,
          endedTo: municipalityId ? addDays(quarter, -1) : null,
          municipalityId,
          size,
          seedEncrypted: null,
          expiresAt: new Date(Date.parse(`${made}T08:00:00Z`) + experienceLimits.defaultTokenDays * 86_400_000),
          createdBy: null,
          createdByName: 'Demogegevens',
          createdAt: new Date(`${made}T08:00:00Z`),
        });
        for (const row of used) row.municipalityId = municipalityId;
        // No token: a hash of text that is not one, so none of these invitations can be answered.
        for (let i = 0; i < size; i += 1)
          tokens.push({
            tokenHash: hashOf(`demo/${id}/${i}`),
            batchId: id,
            usedMonth: used[i]?.submittedMonth ?? null,
          });
      }
    }
  }
  for (let i = 0; i < batches.length; i += 500) await db.insert(experienceBatches).values(batches.slice(i, i + 500));
  // One statement with three arrays: faster than thousands of bound values (the demo seed's time, docs/decisions.md).
  await db.execute(sql`insert into experience_tokens (token_hash, batch_id, used_month)
    select * from unnest(${sql.param(tokens.map((t) => t.tokenHash))}::text[], ${sql.param(tokens.map((t) => t.batchId))}::uuid[], ${sql.param(tokens.map((t) => t.usedMonth ?? null))}::date[])`);
  for (let i = 0; i < rows.length; i += 500) await db.insert(experienceResponses).values(rows.slice(i, i + 500));
  return { responses: rows.length, batches: batches.length, invitations: tokens.length };
}
