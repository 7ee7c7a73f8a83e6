import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { describeCode } from '../../../shared/codelists/index.js';
import { experienceThemes, type ExperienceQuestion, type ExperienceTheme } from '../../../shared/experience.js';
import {
  experienceResultsThreshold,
  type ExperienceFigures,
  type ExperienceGroup,
  type ExperienceResults,
} from '../../../shared/experience-results.js';
import type { Actor } from '../auth/index.js';
import { suppressComplementary } from '../monitoring/index.js';
import { publishedTexts } from './moderation.service.js';

/** What is counted of one group; each count is protected on its own (a mark left blank is no answer to it). */
interface Tally {
  answers: number;
  invited: number;
  used: number;
  markN: number;
  markSum: number;
  themes: Record<ExperienceTheme, { n: number; items: number; sum: number; positive: number }>;
}
type Measure = 'answers' | 'used' | 'mark' | ExperienceTheme;
const measures: Measure[] = ['answers', 'used', 'mark', ...experienceThemes];

const emptyTally = (): Tally => ({
  answers: 0,
  invited: 0,
  used: 0,
  markN: 0,
  markSum: 0,
  themes: Object.fromEntries(
    experienceThemes.map((t) => [t, { n: 0, items: 0, sum: 0, positive: 0 }]),
  ) as Tally['themes'],
});

function countOf(t: Tally, m: Measure): number {
  if (m === 'answers') return t.answers;
  if (m === 'used') return t.used;
  if (m === 'mark') return t.markN;
  return t.themes[m].n;
}

type ResponseRow = {
  provider_id: string;
  provider_name: string;
  category: string;
  municipality_id: string | null;
  municipality_name: string | null;
  month: string;
  answers: Record<string, number>;
  effect_score: number | null;
  questionnaire_id: string;
};
type BatchRow = {
  provider_id: string;
  provider_name: string;
  category: string;
  municipality_id: string | null;
  municipality_name: string | null;
  /** The day the batch was made: its invitations count in that quarter. */
  made: string;
  size: string | number;
  used: string | number;
};

/** A group's key and label under each breakdown; a batch or answer without a municipality is 'onbekend'. */
type Dimension = 'provider' | 'productCategory' | 'municipality' | 'quarter';
function keyOf(row: ResponseRow | BatchRow, dim: Exclude<Dimension, 'quarter'>): [string, string] {
  if (dim === 'provider') return [row.provider_id, row.provider_name];
  if (dim === 'productCategory') return [row.category, productCategoryLabel(row.category)];
  return row.municipality_id ? [row.municipality_id, row.municipality_name!] : ['onbekend', 'Gemeente onbekend'];
}
/** "45 – Jeugdhulp ambulant", as the product and dashboard pages name a productcategorie (iJw code list JZ020). */
const productCategoryLabel = (code: string) => {
  const name = describeCode('JZ020', code);
  return name ? `${code} – ${name}` : `Productcategorie ${code}`;
};
/** The quarter in the app's period notation (2026Q1), which the screens and the PDF name "1e kwartaal 2026". */
const quarterOf = (month: string) => `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

function addResponse(t: Tally, r: ResponseRow, themeOf: Map<string, Map<string, ExperienceTheme>>) {
  t.answers += 1;
  if (r.effect_score !== null) {
    t.markN += 1;
    t.markSum += r.effect_score;
  }
  const themes = themeOf.get(r.questionnaire_id);
  const seen = new Set<ExperienceTheme>();
  for (const [key, value] of Object.entries(r.answers)) {
    const theme = themes?.get(key);
    if (!theme) continue;
    const th = t.themes[theme];
    th.items += 1;
    th.sum += value;
    if (value >= 4) th.positive += 1;
    seen.add(theme);
  }
  for (const theme of seen) t.themes[theme].n += 1;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The published figures of a tally with the measures suppression hid left out (null). */
function figuresOf(t: Tally, hidden: Set<Measure>): ExperienceFigures {
  const all = hidden.has('answers');
  const show = (m: Measure) => !all && !hidden.has(m);
  return {
    withheld: all,
    answers: all ? null : t.answers,
    invitations: t.invited,
    responseRate: show('used') && t.invited ? Math.round((100 * t.used) / t.invited) : null,
    mark: show('mark') && t.markN ? round1(t.markSum / t.markN) : null,
    themes: Object.fromEntries(
      experienceThemes.map((theme) => {
        const th = t.themes[theme];
        const ok = show(theme) && th.items > 0;
        return [
          theme,
          {
            positive: ok ? Math.round((100 * th.positive) / th.items) : null,
            mean: ok ? round1(th.sum / th.items) : null,
          },
        ];
      }),
    ) as ExperienceFigures['themes'],
  };
}

/**
 * Per measure: the groups (and the total) that have fewer than the threshold, plus the complementary ones so that the
 * total minus the shown groups never reveals a withheld group. A group hidden for its answers loses every figure.
 */
function protectGroups(groups: Tally[], total: Tally): { groups: Set<Measure>[]; total: Set<Measure> } {
  const hidden = groups.map(() => new Set<Measure>());
  const totalHidden = new Set<Measure>();
  for (const m of measures) {
    const cells = groups.map((g, i) => ({ i, n: countOf(g, m) }));
    const out = suppressComplementary(
      cells,
      { i: -1, n: countOf(total, m) },
      experienceResultsThreshold,
      (c) => c.n,
      (c) => ({ ...c, n: -1 }),
    );
    out.rows.forEach((c, i) => c.n === -1 && hidden[i]!.add(m));
    if (out.total.n === -1) totalHidden.add(m);
  }
  return { groups: hidden, total: totalHidden };
}

function breakdown(
  responses: ResponseRow[],
  batches: BatchRow[],
  dim: Exclude<Dimension, 'quarter'>,
  total: Tally,
  themeOf: Map<string, Map<string, ExperienceTheme>>,
): ExperienceGroup[] {
  const tallies = new Map<string, { label: string; t: Tally }>();
  const at = (row: ResponseRow | BatchRow) => {
    const [key, label] = keyOf(row, dim);
    if (!tallies.has(key)) tallies.set(key, { label, t: emptyTally() });
    return tallies.get(key)!.t;
  };
  for (const r of responses) addResponse(at(r), r, themeOf);
  for (const b of batches) {
    const t = at(b);
    t.invited += Number(b.size);
    t.used += Number(b.used);
  }
  const entries = [...tallies.entries()].sort((a, b) => a[1].label.localeCompare(b[1].label, 'nl'));
  const hidden = protectGroups(
    entries.map(([, v]) => v.t),
    total,
  ).groups;
  return entries.map(([key, v], i) => ({ key, label: v.label, ...figuresOf(v.t, hidden[i]!) }));
}

function tallyAll(responses: ResponseRow[], batches: BatchRow[], themeOf: Map<string, Map<string, ExperienceTheme>>) {
  const t = emptyTally();
  for (const r of responses) addResponse(t, r, themeOf);
  for (const b of batches) {
    t.invited += Number(b.size);
    t.used += Number(b.used);
  }
  return t;
}

/**
 * The year's quarters, each protected against the year's total (a withheld quarter is not the year minus the rest).
 * A quarter's invitations are those of the batches made in it, with the share of them used so far.
 */
function quarterTallies(
  responses: ResponseRow[],
  batches: BatchRow[],
  year: number,
  themeOf: Map<string, Map<string, ExperienceTheme>>,
) {
  const quarters = [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  const tallies = quarters.map(() => emptyTally());
  for (const r of responses) addResponse(tallies[quarters.indexOf(quarterOf(r.month))]!, r, themeOf);
  for (const b of batches) {
    const t = tallies[quarters.indexOf(quarterOf(b.made))]!;
    t.invited += Number(b.size);
    t.used += Number(b.used);
  }
  return { quarters, tallies };
}

/** The rest of the region beside one provider: (region − own) with the answers of the rest, tally by tally. */
function minus(a: Tally, b: Tally): Tally {
  const t = emptyTally();
  t.answers = a.answers - b.answers;
  t.used = a.used - b.used;
  t.markN = a.markN - b.markN;
  for (const theme of experienceThemes) t.themes[theme].n = a.themes[theme].n - b.themes[theme].n;
  return t;
}

async function loadYear(db: Db, regionId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const responses = await queryRows<ResponseRow>(
    db,
    sql`select r.provider_id, p.name as provider_name, pr.product_category as category, r.municipality_id,
        m.name as municipality_name, r.submitted_month::text as month, r.answers, r.effect_score, r.questionnaire_id
      from experience_responses r
      join providers p on p.id = r.provider_id
      join products pr on pr.id = r.product_id
      left join municipalities m on m.id = r.municipality_id
      where r.region_id = ${regionId}::uuid and r.submitted_month between ${from}::date and ${to}::date`,
  );
  const batches = await queryRows<BatchRow>(
    db,
    sql`select b.provider_id, p.name as provider_name, pr.product_category as category, b.municipality_id,
        m.name as municipality_name, b.created_at::date::text as made, b.size,
        (select count(*) from experience_tokens t where t.batch_id = b.id and t.used_month is not null) as used
      from experience_batches b
      join providers p on p.id = b.provider_id
      join products pr on pr.id = b.product_id
      left join municipalities m on m.id = b.municipality_id
      where b.region_id = ${regionId}::uuid and b.created_at >= ${from}::timestamptz
        and b.created_at < (${to}::date + 1)::timestamptz`,
  );
  const questionnaires = await queryRows<{ id: string; questions: ExperienceQuestion[] }>(
    db,
    sql`select id, questions from experience_questionnaires where region_id = ${regionId}::uuid`,
  );
  const themeOf = new Map(
    questionnaires.map((q) => [
      q.id,
      new Map(q.questions.filter((x) => x.kind === 'smiley' && x.theme).map((x) => [x.key, x.theme!])),
    ]),
  );
  return { responses, batches, themeOf };
}

/**
 * The Ervaringwijzer's results for a year, for learning: counts, response rates, theme scores and the 1–10 mark, per
 * provider, product category, municipality and quarter, never per batch. Every group under the threshold is withheld,
 * with complementary suppression against the total it is shown beside. An aanbieder sees its own groups and the
 * region's figures beside them, the latter only while the rest of the region is not itself a small group. Groups come
 * in name order: there is no ranking (the results are for learning, not purchasing; Jeugdwet art. 2.10).
 */
export async function experienceResults(
  db: Db,
  actor: Actor,
  regionId: string,
  year: number,
): Promise<ExperienceResults> {
  const { responses, batches, themeOf } = await loadYear(db, regionId, year);
  const regionTally = tallyAll(responses, batches, themeOf);
  const regionQuarters = quarterTallies(responses, batches, year, themeOf);
  const regionHidden = protectGroups(regionQuarters.tallies, regionTally);
  const texts = await publishedTexts(db, actor, regionId, year);
  if (actor.role !== 'aanbieder') {
    return {
      year,
      threshold: experienceResultsThreshold,
      view: 'region',
      region: figuresOf(regionTally, regionHidden.total),
      own: null,
      byProvider: breakdown(responses, batches, 'provider', regionTally, themeOf),
      byProductCategory: breakdown(responses, batches, 'productCategory', regionTally, themeOf),
      byMunicipality: breakdown(responses, batches, 'municipality', regionTally, themeOf),
      quarters: regionQuarters.quarters.map((quarter, i) => ({
        quarter,
        region: figuresOf(regionQuarters.tallies[i]!, regionHidden.groups[i]!),
        own: null,
      })),
      texts,
    };
  }
  if (!actor.providerId) throw new AppError(ErrorCode.Forbidden, 'Uw account hoort bij geen aanbieder.');
  const mine = <T extends { provider_id: string }>(rows: T[]) => rows.filter((r) => r.provider_id === actor.providerId);
  const [ownResponses, ownBatches] = [mine(responses), mine(batches)];
  const ownTally = tallyAll(ownResponses, ownBatches, themeOf);
  const ownQuarters = quarterTallies(ownResponses, ownBatches, year, themeOf);
  const ownHidden = protectGroups(ownQuarters.tallies, ownTally);
  // The region beside the own figures: withheld where the rest of the region is a small group (region − own).
  const restHidden = protectGroups(
    regionQuarters.tallies.map((t, i) => minus(t, ownQuarters.tallies[i]!)),
    minus(regionTally, ownTally),
  );
  const union = (a: Set<Measure>, b: Set<Measure>) => new Set([...a, ...b]);
  const regionFigures = (t: Tally, a: Set<Measure>, b: Set<Measure>) =>
    ownTally.answers < experienceResultsThreshold ? figuresOf(t, new Set(['answers'])) : figuresOf(t, union(a, b));
  return {
    year,
    threshold: experienceResultsThreshold,
    view: 'provider',
    region: regionFigures(regionTally, regionHidden.total, restHidden.total),
    own: figuresOf(ownTally, ownHidden.total),
    byProvider: [],
    byProductCategory: breakdown(ownResponses, ownBatches, 'productCategory', ownTally, themeOf),
    byMunicipality: breakdown(ownResponses, ownBatches, 'municipality', ownTally, themeOf),
    quarters: regionQuarters.quarters.map((quarter, i) => ({
      quarter,
      region: regionFigures(regionQuarters.tallies[i]!, regionHidden.groups[i]!, restHidden.groups[i]!),
      own: figuresOf(ownQuarters.tallies[i]!, ownHidden.groups[i]!),
    })),
    texts,
  };
}
