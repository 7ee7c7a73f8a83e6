import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { scopeOf } from '../../../shared/permissions.js';
import { kpiGroupings, kpiIds, kpiUnits, type KpiFilters, type KpiId, type KpiResponse } from '../../../shared/kpi.js';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure.js';
import { eq } from 'drizzle-orm';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../http/spreadsheet.js';
import { json, problems, ZDate } from '../../http/openapi.js';
import { providers } from '../../db/schema/index.js';
import type { Actor } from '../auth/index.js';
import { cachedAnswer, jsonResponse } from './answer-cache.js';
import { kpiSheet } from './export.js';
import { buildingError, computeKpis, kpiPeriods, resolveRegion } from './kpi.service.js';
import { kpiFactsState } from './facts.service.js';
import { dutchToday, markProvisional, parsePeriod } from './period.js';
import { getKpiSettings } from './settings.service.js';
import { listSignals } from './signals.service.js';

export const monitoringRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Sturingsinformatie'];

const ZCell = z
  .object({
    key: z.string(),
    label: z.string(),
    value: z.number().nullable(),
    previous: z.number().nullable(),
    previousSuppressed: z.boolean().optional().describe('De vorige periode is weggelaten (kleine aantallen)'),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    youths: z.number().int().nullable().describe('Unieke jeugdigen achter de cel'),
    suppressed: z.boolean().describe('Minder dan de drempel aan jeugdigen: alle getallen weggelaten'),
    budget: z.number().nullable().optional(),
    target: z
      .object({ value: z.number(), comparator: z.enum(['atMost', 'atLeast']), met: z.boolean() })
      .nullable()
      .optional(),
  })
  .openapi('KpiCell');
const ZPeriod = z.object({
  from: ZDate,
  to: ZDate,
  label: z.string(),
  provisional: z
    .boolean()
    .optional()
    .describe('Voorlopig: de declaraties over deze periode kunnen nog niet compleet zijn (tot finalOn)'),
  finalOn: ZDate.optional().describe('De dag vanaf welke de periode als compleet geldt (instelling van de regio)'),
});
const ZFacts = z
  .object({
    state: z
      .enum(['ready', 'building'])
      .describe(
        'building: de cijfers worden voor het eerst opgebouwd (data is dan leeg); ready: cijfers stand per asOf',
      ),
    asOf: z.string().nullable().describe('Stand per: het moment van de laatste voltooide verversing (ISO 8601)'),
    refreshing: z.boolean().describe('Er is een nieuwere verversing gevraagd of bezig'),
  })
  .openapi('KpiFacts');
const ZKpiResponse = z
  .object({
    facts: ZFacts,
    period: ZPeriod,
    previousPeriod: ZPeriod,
    groupBy: z.enum(kpiGroupings),
    filters: z.object({
      municipality: z.string().optional(),
      provider: z.string().optional(),
      productCategory: z.string().optional(),
      lot: z.string().optional(),
    }),
    suppressionThreshold: z.number().int(),
    rounding: z
      .object({ count: z.number().int(), euro: z.number().int() })
      .nullable()
      .describe('Afronding van de gepubliceerde cijfers (aantallen, euro); null: exacte cijfers'),
    dataDate: z.iso
      .date()
      .nullable()
      .describe(
        'Gegevens tot en met deze datum (peildatum van de gegevens, docs/kpi.md); herhaald beroep telt alleen beëindigingen waarvan de termijn daarvoor afloopt',
      ),
    unknownProducts: z
      .object({
        trajectories: z.number().int().describe('Trajecten in de periode met een productcode buiten het productenboek'),
        codes: z.array(z.string()).describe('Die productcodes'),
      })
      .nullable()
      .describe(
        'Productcodes die het productenboek van de regio niet kent (zij tellen naar productcategorie); null bij gepubliceerde cijfers',
      ),
    data: z.array(
      z.object({
        kpi: z.object({
          id: z.enum(kpiIds),
          name: z.string(),
          nameEn: z.string(),
          unit: z.enum(kpiUnits),
          direction: z.string(),
          description: z.string(),
        }),
        available: z.boolean(),
        total: ZCell,
        rows: z.array(ZCell),
      }),
    ),
  })
  .openapi('KpiResponse');

/** The filters that narrow a KPI to a municipality, provider, productcategorie or lot, and the region asked for. */
export const kpiScopeQuery = {
  municipality: z
    .string()
    .regex(/^\d{4}$/, 'moet een CBS-gemeentecode van 4 cijfers zijn')
    .optional(),
  provider: z
    .string()
    .regex(/^\d{8}$/, 'moet een AGB-code van 8 cijfers zijn')
    .optional(),
  productCategory: z
    .string()
    .regex(/^\d{2}$/, 'moet een productcategorie van 2 cijfers zijn')
    .optional(),
  lot: z.string().max(20).optional(),
  region: z.string().max(60).optional().describe('Regiocode; leeg = de regio van deze installatie'),
};

const ZKpiQuery = z.object({
  kpi: z
    .string()
    .optional()
    .describe(`Een of meer KPI's, met komma's: ${kpiIds.join(', ')}. Leeg = alle`),
  period: z
    .string()
    .optional()
    .describe(
      '2025, 2025Q3, 2025-07 of (alleen voor wie trajecten mag inzien) 2025-01-01/2025-06-30; leeg = het laatste volledige kwartaal met gegevens',
    ),
  groupBy: z.enum(kpiGroupings, { message: `kies ${kpiGroupings.join(', ')}` }).default('region'),
  ...kpiScopeQuery,
});
type KpiQuery = z.infer<typeof ZKpiQuery>;

/** An actor scoped to its own provider sees only its own provider's figures, whatever it asks for. */
export async function ownProviderAgb(c: Context<AppEnv>, actor: Actor): Promise<string | undefined> {
  if (scopeOf(actor.role, 'kpis.read') !== 'ownProvider') return undefined;
  const [own] = actor.providerId
    ? await c.get('db').select({ agb: providers.agbCode }).from(providers).where(eq(providers.id, actor.providerId))
    : [];
  if (!own) throw new AppError(ErrorCode.Forbidden, 'Uw account is niet aan een aanbieder gekoppeld.');
  return own.agb;
}

function parseKpis(value: string | undefined): KpiId[] | undefined {
  if (!value) return undefined;
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(kpiIds as readonly string[]).includes(id));
  if (unknown.length)
    throw new AppError(ErrorCode.Validation, 'Onbekende KPI', [
      { name: 'kpi', code: 'unknown', reason: `onbekend: ${unknown.join(', ')}` },
    ]);
  return ids as KpiId[];
}

async function answer(c: Context<AppEnv>, query: KpiQuery) {
  const actor = actorOf(c);
  const db = c.get('db');
  const region = await resolveRegion(db, query.region, actor.regionIds);
  const own = await ownProviderAgb(c, actor);
  if (own && query.provider && query.provider !== own)
    throw new AppError(ErrorCode.Forbidden, 'U ziet alleen de cijfers van uw eigen organisatie.');
  const filters: KpiFilters = {
    municipality: query.municipality,
    provider: own ?? query.provider,
    productCategory: query.productCategory,
    lot: query.lot,
  };
  const period = query.period ?? (await kpiPeriods(db, region.id)).defaultPeriod;
  return computeKpis(db, {
    regionId: region.id,
    period,
    groupBy: query.groupBy,
    filters,
    kpis: parseKpis(query.kpi),
    threshold: c.get('config').suppressionThreshold,
    disclosure: kpiDisclosureFor(actor.role),
  });
}

monitoringRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/kpis',
    tags,
    summary: "KPI's voor een periode, per regio, gemeente, aanbieder, productcategorie, perceel of begrotingspost",
    description:
      'Definities: docs/kpi.md. Een periode waarvan de declaraties nog niet compleet kunnen zijn heeft provisional: true (voorlopig). Cellen met minder dan de drempel aan jeugdigen (standaard 10) zijn weggelaten. Een aanbieder krijgt alleen de eigen cijfers. ' +
      'Wie geen trajecten mag inzien krijgt alleen maanden, kwartalen en jaren, met aantallen afgerond op vijftallen en bedragen op duizenden euro (zie rounding).',
    request: { query: ZKpiQuery },
    responses: {
      200: json(ZKpiResponse, 'De KPI-waarden met de vorige periode en de doelen'),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    return jsonResponse(c, await cachedKpis(c, query));
  },
);

/** /kpis (and its export) from the answer cache: computed once per scope, query and data version. */
const cachedKpis = (c: Context<AppEnv>, query: KpiQuery) =>
  cachedAnswer(
    c,
    'kpis',
    // The KPI list as answer() reads it, unchecked here: a bad one is refused by answer() as before, and never kept.
    {
      ...query,
      // What is provisional changes with the day.
      today: dutchToday(),
      kpi: query.kpi
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(','),
    },
    () => answer(c, query),
    (response) => response.facts.state !== 'ready' || response.facts.refreshing,
  );

monitoringRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/kpis/periods',
    tags,
    summary: 'Het datumbereik van de trajecten, een standaardperiode en welke perioden voorlopig zijn',
    request: { query: z.object({ region: z.string().max(60).optional() }) },
    responses: {
      200: json(
        z.object({
          first: ZDate.nullable(),
          last: ZDate.nullable(),
          defaultPeriod: z.string().describe('Het laatste complete (niet voorlopige) kwartaal met gegevens'),
          provisionalLagMonths: z.number().int().describe('Maanden na het einde waarin een periode voorlopig is'),
          completeThrough: ZDate.describe('Een maand, kwartaal of jaar dat na deze dag eindigt is voorlopig'),
        }),
        'Bereik',
      ),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    return jsonResponse(
      c,
      await cachedAnswer(c, 'kpis/periods', { ...query, today: dutchToday() }, async () => {
        const region = await resolveRegion(c.get('db'), query.region, actorOf(c).regionIds);
        return kpiPeriods(c.get('db'), region.id);
      }),
    );
  },
);

monitoringRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/kpis/export',
    tags,
    summary: 'Dezelfde KPI-cijfers als CSV of Excel (XLSX)',
    request: {
      query: ZKpiQuery.extend({ format: zSpreadsheetFormat('csv') }),
    },
    responses: {
      200: spreadsheetResponse(),
      ...problems(400, 401, 403, 503),
    },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    const response = JSON.parse(await cachedKpis(c, query)) as KpiResponse;
    if (response.facts.state === 'building') throw buildingError();
    return sendSpreadsheet(c, kpiSheet(response, exportName(response, query.kpi)), format);
  },
);

/**
 * The file name says what is in the file, so exports of one period do not overwrite each other: the period, the
 * KPI when one was asked for, the grouping and every filter (kpi-2026Q3-youths_in_care-productCategory-gemeente-0321.csv).
 */
function exportName(response: KpiResponse, kpi: string | undefined): string {
  const f = response.filters;
  const parts = [
    'kpi',
    response.period.label.replace('/', '_'),
    kpi
      ?.split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .join('+'),
    response.groupBy,
    f.municipality && `gemeente-${f.municipality}`,
    f.provider && `aanbieder-${f.provider}`,
    f.productCategory && `categorie-${f.productCategory}`,
    f.lot && `perceel-${f.lot}`,
  ];
  return parts
    .filter(Boolean)
    .join('-')
    .replace(/[^\w.+-]/g, '_');
}

const ZSignal = z
  .object({
    kpi: z.enum(kpiIds),
    kpiName: z.string(),
    unit: z.enum(kpiUnits),
    scopeType: z
      .enum(['region', 'municipality', 'provider', 'budgetLine'])
      .describe('budgetLine: een begrotingspost in de regio (key: code) of in een gemeente (key: code:cbs-code)'),
    key: z.string(),
    label: z.string(),
    value: z.number(),
    target: z.object({ value: z.number(), comparator: z.enum(['atMost', 'atLeast']) }),
    trajectoriesQuery: z.string().describe('Zoekvraag voor /trajectories (gepseudonimiseerd)'),
  })
  .openapi('KpiSignal');

monitoringRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/kpis/signals',
    tags,
    summary: 'Signalen: cellen die hun doel of drempel overschrijden',
    request: { query: z.object({ period: z.string().optional(), region: z.string().max(60).optional() }) },
    responses: {
      200: json(z.object({ facts: ZFacts, period: ZPeriod, data: z.array(ZSignal) }), 'Signalen'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const json = await cachedAnswer(
      c,
      'kpis/signals',
      { ...query, today: dutchToday() },
      () => signals(c, query),
      (s) => s.facts.state !== 'ready' || s.facts.refreshing,
    );
    return jsonResponse(c, json);
  },
);

async function signals(c: Context<AppEnv>, query: { period?: string | undefined; region?: string | undefined }) {
  const actor = actorOf(c);
  const db = c.get('db');
  const region = await resolveRegion(db, query.region, actor.regionIds);
  const period = query.period ?? (await kpiPeriods(db, region.id)).defaultPeriod;
  const provider = await ownProviderAgb(c, actor);
  const data = await listSignals(db, {
    regionId: region.id,
    period,
    provider,
    threshold: c.get('config').suppressionThreshold,
    disclosure: kpiDisclosureFor(actor.role),
  });
  const { provisionalLagMonths } = await getKpiSettings(db, region.id);
  return {
    facts: await kpiFactsState(db),
    period: markProvisional(parsePeriod(period), provisionalLagMonths, dutchToday()),
    data,
  };
}
