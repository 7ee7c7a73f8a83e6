import { OpenAPIHono, z } from '@hono/zod-openapi';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { json, problems, ZDate } from '../../http/openapi.js';
import { buildingError, kpiPeriods, resolveRegion } from './kpi.service.js';
import { cachedAnswer, jsonResponse } from './answer-cache.js';
import { computeMoneyLines } from './money-lines.js';
import { dutchToday } from './period.js';

export const moneyRoutes = new OpenAPIHono<AppEnv>();

const ZFigures = {
  budget: z.number().nullable().describe('Budget van het hele jaar'),
  spent: z.number().nullable().describe('Uitgegeven in het jaar tot het einde van de periode'),
  forecast: z.number().nullable().describe('Prognose jaareinde'),
  over: z.boolean().describe('De prognose is hoger dan het budget'),
  missing: z
    .enum(['noSource', 'notBooked', 'withheld'])
    .nullable()
    .describe('Waarom er geen cijfer is: geen bron, geen realisatie ingevoerd, of weggelaten (kleine aantallen)'),
};
const ZMoneyLines = z
  .object({
    building: z.boolean(),
    period: z.object({ from: ZDate, to: ZDate, label: z.string() }),
    year: z.number().int(),
    rounding: z.object({ euro: z.number().int() }).nullable(),
    lines: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        source: z
          .enum(['ijw', 'ledger'])
          .nullable()
          .describe('ijw: declaraties; ledger: realisatie uit de boekhouding'),
        ...ZFigures,
        municipalities: z.array(z.object({ code: z.string(), name: z.string(), ...ZFigures })),
        leavesOut: z.array(z.string()).describe('Gemeenten die het cijfer van de post weglaat'),
      }),
    ),
    total: z.object({
      budget: z.number(),
      spent: z.number(),
      forecast: z.number(),
      covers: z.array(z.string()).describe('De posten die het totaal optelt'),
      leavesOut: z.array(z.object({ line: z.string(), reason: z.string() })).describe('De posten die het weglaat'),
      linesOver: z
        .array(z.object({ line: z.string(), region: z.boolean(), municipalities: z.array(z.string()) }))
        .describe('Posten boven hun budget: in de regio (region) en/of in deze gemeenten'),
      met: z.boolean().describe('Binnen budget en geen post erin boven zijn budget'),
    }),
  })
  .openapi('MoneyLines');

moneyRoutes.openapi(
  defineRoute({
    permission: 'budgets.read',
    method: 'get',
    path: '/kpis/money',
    tags: ['Sturingsinformatie'],
    summary: 'Geld per begrotingspost en gemeente: budget, uitgegeven en prognose jaareinde',
    description:
      'Per post uit zijn eigen bron: iJw-declaraties of de ingevoerde realisatie. Het totaal telt alleen posten waarvan de uitgaven bekend zijn en noemt wat het weglaat.',
    request: {
      query: z.object({
        period: z.string().optional().describe('2025, 2025Q3 of 2025-07; leeg = het laatste volledige kwartaal'),
        region: z.string().max(60).optional(),
      }),
    },
    responses: { 200: json(ZMoneyLines, 'Geld per post'), ...problems(400, 401, 403, 404, 503) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const actor = actorOf(c);
    const db = c.get('db');
    // Kept per data version like the KPI answers; the default period moves with the day.
    const answer = await cachedAnswer(c, 'money', { ...query, today: dutchToday() }, async () => {
      const region = await resolveRegion(db, query.region, actor.regionIds);
      const period = query.period ?? (await kpiPeriods(db, region.id)).defaultPeriod;
      const money = await computeMoneyLines(db, {
        regionId: region.id,
        period,
        disclosure: kpiDisclosureFor(actor.role),
        threshold: c.get('config').suppressionThreshold,
      });
      if (money.building) throw buildingError();
      return money;
    });
    return jsonResponse(c, answer);
  },
);
