import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, assertOwnRegion, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { resolveRegion } from '../monitoring/index.js';
import { contractCalendar } from './calendar.service.js';
import { nzaList } from './nza-list.js';
import {
  ZCalendarQuery,
  ZContractCalendar,
  ZNzaQuery,
  ZTierChange,
  ZTierDecision,
  ZTierOverview,
  ZTierWeights,
} from './suppliers.schema.js';
import { decideTiers, getTierWeights, setTierWeights, tierHistory, tierOverview } from './tiers.service.js';

/** Supplier management: the contract calendar, the NZa list and the tiers with reasons. */
export const suppliersRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Leveranciersmanagement'];
const ZRegionQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});

suppliersRoutes.openapi(
  defineRoute({
    permission: 'contractCalendar.read',
    method: 'get',
    path: '/contract-calendar',
    tags,
    summary: 'Contractkalender: aflopende contracten, verlengingsbesluiten en uitgaven tegen het plafond',
    description:
      'Besluiten over verlengingsopties en einddata binnen de horizon (standaard 12 maanden), met een signaal bij een besluit binnen drie maanden of een prognose boven het budgetplafond.',
    request: { query: ZCalendarQuery },
    responses: { 200: json(ZContractCalendar, 'De contractkalender'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const db = c.get('db');
    const region = await resolveRegion(db, query.region, actorOf(c).regionIds);
    return c.json(await contractCalendar(db, { regionId: region.id, horizonMonths: query.horizon }), 200);
  },
);

suppliersRoutes.openapi(
  defineRoute({
    permission: 'contractCalendar.read',
    method: 'get',
    path: '/contract-calendar/nza-list',
    tags,
    summary: 'Jaarlijkse lijst voor de NZa: gecontracteerde aanbieders met KvK-nummer en vormen van jeugdhulp (XLSX)',
    description:
      'Regeling Jeugdwet art. 8g: per aanbieder die in het jaar een contract had de gecontracteerde vormen van jeugdhulp.',
    request: { query: ZNzaQuery },
    responses: {
      200: {
        description: 'De lijst als XLSX',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
      },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const db = c.get('db');
    const region = await resolveRegion(db, query.region, actorOf(c).regionIds);
    const file = await nzaList(db, region, query.year);
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachment(file.name),
    });
  },
);

suppliersRoutes.openapi(
  defineRoute({
    permission: 'tiers.read',
    method: 'get',
    path: '/provider-tiers',
    tags,
    summary: 'Voorgestelde indeling per aanbieder, met de cijfers erachter en de huidige indeling',
    description:
      'Per aanbieder met een lopend contract: aandeel in de uitgaven, jeugdigen, percelen en open signalen over de laatste twaalf maanden, de score met de weging van de regio en het voorgestelde niveau (hoog, midden, basis).',
    request: { query: ZRegionQuery },
    responses: { 200: json(ZTierOverview, 'De indeling'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actorOf(c).regionIds);
    return c.json(await tierOverview(db, region.id), 200);
  },
);

suppliersRoutes.openapi(
  defineRoute({
    permission: 'tiers.read',
    method: 'get',
    path: '/provider-tiers/weights',
    tags,
    summary: 'De weging van de regio voor de voorgestelde indeling',
    request: { query: ZRegionQuery },
    responses: { 200: json(ZTierWeights, 'De weging'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actorOf(c).regionIds);
    return c.json(await getTierWeights(db, region.id), 200);
  },
);

suppliersRoutes.openapi(
  defineRoute({
    permission: 'tiers.edit',
    method: 'put',
    path: '/provider-tiers/weights',
    tags,
    summary: 'De weging van de regio vastleggen',
    request: { query: ZRegionQuery, ...body(ZTierWeights) },
    responses: { 200: json(ZTierWeights, 'De nieuwe weging'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    return c.json(await setTierWeights(db, actor, region.id, c.req.valid('json')), 200);
  },
);

suppliersRoutes.openapi(
  defineRoute({
    permission: 'tiers.edit',
    method: 'post',
    path: '/providers/{id}/tier-decisions',
    tags,
    summary: 'De indeling van een aanbieder bevestigen of ervan afwijken, met een reden',
    description:
      'Een reden is altijd verplicht. Weigert niveaus die de regels van de regio uitsluiten, zoals A samen met C (400); er wordt dan niets opgeslagen.',
    request: { params: ZIdParam, ...body(ZTierDecision) },
    responses: { 201: json(ZTierChange, 'Het besluit'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const input = c.req.valid('json');
    assertOwnRegion(actor, input.regionId, 'Deze regio bestaat niet.');
    const change = await decideTiers(c.get('db'), actor, { ...input, providerId: c.req.valid('param').id });
    return c.json(change, 201);
  },
);

suppliersRoutes.openapi(
  defineRoute({
    permission: 'tiers.read',
    method: 'get',
    path: '/providers/{id}/tier-decisions',
    tags,
    summary: 'De geschiedenis van de indeling van een aanbieder in de regio, met redenen',
    request: { params: ZIdParam, query: ZRegionQuery },
    responses: { 200: json(z.array(ZTierChange), 'Besluiten, nieuwste eerst'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actorOf(c).regionIds);
    return c.json(await tierHistory(db, region.id, c.req.valid('param').id), 200);
  },
);
