import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, assertOwnRegion, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, problems, ZIdParam } from '../../../http/openapi.js';
import {
  ZBudgetLineCreate,
  ZCodedCreate,
  ZMunicipalityCreate,
  ZRegion,
  ZRegionCreate,
  ZRegionReference,
  ZTierLevel,
  ZTierLevelCreate,
  ZTierLevelUpdate,
} from './regions.schema.js';
import {
  addBudgetLine,
  addLot,
  addMunicipality,
  addTierLevel,
  createRegion,
  getRegion,
  getRegionReference,
  listRegions,
  updateTierLevel,
} from './regions.service.js';

export const regionRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Regio'];
const ZCoded = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

regionRoutes.openapi(
  defineRoute({
    permission: 'regions.read',
    method: 'get',
    path: '/regions',
    tags,
    summary: 'Regio’s met gemeenten, percelen, begrotingsposten en niveaus',
    responses: { 200: json(z.object({ data: z.array(ZRegion) }), 'De regio’s'), ...problems(401) },
  }),
  async (c) => c.json({ data: await listRegions(c.get('db'), actorOf(c).regionIds) }, 200),
);

regionRoutes.openapi(
  defineRoute({
    permission: 'regions.reference',
    method: 'get',
    path: '/regions/current/reference',
    tags,
    summary: 'De eigen regio: alleen namen en codes van gemeenten en percelen, voor filters en formulieren',
    description: 'Zonder begrotingsposten en niveaus. Een account zonder regio krijgt 404.',
    responses: { 200: json(ZRegionReference, 'De regio'), ...problems(401, 404) },
  }),
  async (c) => c.json(await getRegionReference(c.get('db'), actorOf(c).regionIds), 200),
);

regionRoutes.openapi(
  defineRoute({
    permission: 'regions.read',
    method: 'get',
    path: '/regions/{id}',
    tags,
    summary: 'Eén regio',
    request: { params: ZIdParam },
    responses: { 200: json(ZRegion, 'De regio'), ...problems(400, 401, 404) },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    assertOwnRegion(actorOf(c), id, 'Deze regio bestaat niet.');
    return c.json(await getRegion(c.get('db'), id), 200);
  },
);

regionRoutes.openapi(
  defineRoute({
    permission: 'regions.create',
    method: 'post',
    path: '/regions',
    tags,
    summary: 'Regio aanmaken (alleen de beheerder van de installatie)',
    request: body(ZRegionCreate),
    responses: { 201: json(ZRegion, 'De nieuwe regio'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await createRegion(c.get('db'), actor, c.req.valid('json')), 201);
  },
);

const addRoute = (path: string, summary: string, schema: z.ZodType, response: z.ZodType) =>
  defineRoute({
    permission: 'regions.edit',
    method: 'post',
    path: `/regions/{id}/${path}`,
    tags,
    summary,
    request: { params: ZIdParam, ...body(schema) },
    responses: { 201: json(response, 'Toegevoegd'), ...problems(400, 401, 403, 404, 409) },
  });
const ZMunicipality = z.object({ id: z.uuid(), cbsCode: z.string(), name: z.string() });

regionRoutes.openapi(
  addRoute('municipalities', 'Gemeente toevoegen', ZMunicipalityCreate, ZMunicipality),
  async (c) => {
    const actor = actorOf(c);
    assertOwnRegion(actor, c.req.valid('param').id, 'Deze regio bestaat niet.');
    const input = ZMunicipalityCreate.parse(c.req.valid('json'));
    return c.json(
      await c.get('db').transaction((tx) => addMunicipality(tx, actor, c.req.valid('param').id, input)),
      201,
    );
  },
);
regionRoutes.openapi(addRoute('lots', 'Perceel (segment) toevoegen', ZCodedCreate, ZCoded), async (c) => {
  const actor = actorOf(c);
  assertOwnRegion(actor, c.req.valid('param').id, 'Deze regio bestaat niet.');
  const input = ZCodedCreate.parse(c.req.valid('json'));
  return c.json(await c.get('db').transaction((tx) => addLot(tx, actor, c.req.valid('param').id, input)), 201);
});
regionRoutes.openapi(
  addRoute(
    'budget-lines',
    'Begrotingspost toevoegen',
    ZBudgetLineCreate,
    ZCoded.extend({ productCategories: z.array(z.string()) }),
  ),
  async (c) => {
    const actor = actorOf(c);
    assertOwnRegion(actor, c.req.valid('param').id, 'Deze regio bestaat niet.');
    const input = ZBudgetLineCreate.parse(c.req.valid('json'));
    return c.json(await c.get('db').transaction((tx) => addBudgetLine(tx, actor, c.req.valid('param').id, input)), 201);
  },
);
regionRoutes.openapi(
  addRoute('tier-levels', 'Niveau in een indeling (omvang of rol) toevoegen', ZTierLevelCreate, ZTierLevel),
  async (c) => {
    const actor = actorOf(c);
    assertOwnRegion(actor, c.req.valid('param').id, 'Deze regio bestaat niet.');
    const input = ZTierLevelCreate.parse(c.req.valid('json'));
    return c.json(await c.get('db').transaction((tx) => addTierLevel(tx, actor, c.req.valid('param').id, input)), 201);
  },
);

regionRoutes.openapi(
  defineRoute({
    permission: 'regions.edit',
    method: 'patch',
    path: '/tier-levels/{id}',
    tags,
    summary: 'Niveau wijzigen (naam, gesprekken per jaar, uitsluiting)',
    request: { params: ZIdParam, ...body(ZTierLevelUpdate) },
    responses: { 200: json(ZTierLevel, 'Het niveau'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await updateTierLevel(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json')), 200);
  },
);
