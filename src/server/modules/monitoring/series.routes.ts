import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { kpiIds, kpiUnits } from '../../../shared/kpi.js';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { json, problems, ZDate } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../http/spreadsheet.js';
import { cachedAnswer, jsonResponse } from './answer-cache.js';
import { seriesSheet } from './export.js';
import { buildingError, resolveRegion } from './kpi.service.js';
import { kpiScopeQuery, ownProviderAgb } from './monitoring.routes.js';
import { dutchToday } from './period.js';
import { computeKpiSeries, type KpiSeries } from './series.service.js';

/** One KPI over time with its targets and reference lines (trends against norms), and the same as a spreadsheet. */
export const seriesRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Sturingsinformatie'];

const ZTarget = z.object({ value: z.number(), comparator: z.enum(['atMost', 'atLeast']), met: z.boolean() });
const ZSeries = z
  .object({
    facts: z.object({ state: z.enum(['ready', 'building']), asOf: z.string().nullable(), refreshing: z.boolean() }),
    kpi: z.object({
      id: z.enum(kpiIds),
      name: z.string(),
      nameEn: z.string(),
      unit: z.enum(kpiUnits),
      direction: z.string().describe('higher-is-better, lower-is-better of neutral'),
      description: z.string(),
    }),
    kind: z.enum(['quarter', 'month']),
    filters: z.object({
      municipality: z.string().optional(),
      provider: z.string().optional(),
      productCategory: z.string().optional(),
      lot: z.string().optional(),
    }),
    suppressionThreshold: z.number().int(),
    rounding: z.object({ count: z.number().int(), euro: z.number().int() }).nullable(),
    points: z.array(
      z.object({
        period: z.object({
          from: ZDate,
          to: ZDate,
          label: z.string(),
          provisional: z.boolean().optional().describe('Voorlopig: declaraties kunnen nog binnenkomen'),
          finalOn: ZDate.optional(),
        }),
        total: z.object({
          value: z.number().nullable(),
          numerator: z.number().nullable(),
          denominator: z.number().nullable(),
          youths: z.number().int().nullable(),
          suppressed: z.boolean(),
          target: ZTarget.nullable().optional(),
        }),
        target: z
          .object({ value: z.number(), comparator: z.enum(['atMost', 'atLeast']) })
          .nullable()
          .describe('Het doel van de regio voor de periode (ook als het cijfer is weggelaten)'),
        assessment: z
          .enum(['better', 'worse', 'same'])
          .nullable()
          .describe('Ten opzichte van de periode ervoor, in de richting van de KPI (beter, slechter, gelijk)'),
      }),
    ),
    references: z.array(
      z.object({
        key: z.enum(['treeknormIntake', 'treeknormTreatment']),
        label: z.string(),
        value: z.number(),
        comparator: z.literal('atMost'),
      }),
    ),
    dataDate: z.iso
      .date()
      .nullable()
      .describe('Gegevens tot en met deze datum (docs/kpi.md); herhaald beroep hangt ervan af'),
  })
  .openapi('KpiSeries');

const ZSeriesQuery = z.object({
  kpi: z.enum(kpiIds, { message: 'onbekende KPI' }),
  kind: z.enum(['quarter', 'month'], { message: 'kies quarter of month' }).default('quarter'),
  count: z.coerce
    .number()
    .int('moet een heel getal zijn')
    .min(2, 'minstens 2')
    .max(36, 'hoogstens 36')
    .optional()
    .describe('Aantal perioden; standaard 12 kwartalen of 24 maanden'),
  until: z
    .string()
    .max(10)
    .optional()
    .describe('De laatste periode (2025Q3 of 2025-07); leeg = de periode met de laatste gegevens'),
  ...kpiScopeQuery,
});
type SeriesQuery = z.infer<typeof ZSeriesQuery>;

async function series(c: Context<AppEnv>, query: SeriesQuery): Promise<KpiSeries> {
  const actor = actorOf(c);
  const db = c.get('db');
  const region = await resolveRegion(db, query.region, actor.regionIds);
  const own = await ownProviderAgb(c, actor);
  if (own && query.provider && query.provider !== own)
    throw new AppError(ErrorCode.Forbidden, 'U ziet alleen de cijfers van uw eigen organisatie.');
  return computeKpiSeries(db, {
    regionId: region.id,
    kpi: query.kpi,
    kind: query.kind,
    count: query.count,
    until: query.until,
    filters: {
      municipality: query.municipality,
      provider: own ?? query.provider,
      productCategory: query.productCategory,
      lot: query.lot,
    },
    threshold: c.get('config').suppressionThreshold,
    disclosure: kpiDisclosureFor(actor.role),
  });
}

const cachedSeries = (c: Context<AppEnv>, query: SeriesQuery) =>
  cachedAnswer(
    c,
    'kpis/series',
    { ...query, today: dutchToday() },
    () => series(c, query),
    (s) => s.facts.state !== 'ready' || s.facts.refreshing,
  );

seriesRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/kpis/series',
    tags,
    summary: 'Het verloop van een KPI over de laatste kwartalen of maanden, met doel en norm',
    description:
      'Elk punt is het antwoord van /kpis voor die periode: dezelfde afronding en weglating. Voorlopige perioden hebben provisional: true. ' +
      'Bij de wachttijd staan de Treeknormen van de regio als referentielijn.',
    request: { query: ZSeriesQuery },
    responses: { 200: json(ZSeries, 'De reeks'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => jsonResponse(c, await cachedSeries(c, c.req.valid('query'))),
);

seriesRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/kpis/series/export',
    tags,
    summary: 'Het verloop van een KPI als CSV of Excel (XLSX)',
    request: {
      query: ZSeriesQuery.extend({ format: zSpreadsheetFormat('csv') }),
    },
    responses: {
      200: spreadsheetResponse(),
      ...problems(400, 401, 403, 404, 503),
    },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    const answer = JSON.parse(await cachedSeries(c, query)) as KpiSeries;
    if (answer.facts.state === 'building') throw buildingError();
    const f = answer.filters;
    const name = ['kpi-reeks', query.kpi, query.kind, f.municipality, f.provider, f.productCategory, f.lot]
      .filter(Boolean)
      .join('-')
      .replace(/[^\w.+-]/g, '_');
    return sendSpreadsheet(c, seriesSheet(answer, name), format);
  },
);
