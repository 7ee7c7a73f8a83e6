import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireActor, requireRole } from '../../../http/auth.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, problems, ZIdParam } from '../../../http/openapi.js';
import { masterDataEditors } from '../landscape.policy.js';
import {
  ZBudgetLineCreate,
  ZCodedCreate,
  ZMunicipalityCreate,
  ZRegion,
  ZRegionCreate,
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
  listRegions,
  updateTierLevel,
} from './regions.service.js';

export const regionRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Regio'];
const ZCoded = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

regionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/regions',
    tags,
    summary: 'Regio’s met gemeenten, percelen, begrotingsposten en niveaus',
    responses: { 200: json(z.object({ data: z.array(ZRegion) }), 'De regio’s'), ...problems(401) },
  }),
  async (c) => {
    requireActor(c);
    return c.json({ data: await listRegions(c.get('db')) }, 200);
  },
);

regionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/regions/{id}',
    tags,
    summary: 'Eén regio',
    request: { params: ZIdParam },
    responses: { 200: json(ZRegion, 'De regio'), ...problems(400, 401, 404) },
  }),
  async (c) => {
    requireActor(c);
    return c.json(await getRegion(c.get('db'), c.req.valid('param').id), 200);
  },
);

regionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/regions',
    tags,
    summary: 'Regio aanmaken (alleen beheerder)',
    request: body(ZRegionCreate),
    responses: { 201: json(ZRegion, 'De nieuwe regio'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = requireRole(c, 'beheerder');
    return c.json(await createRegion(c.get('db'), actor, c.req.valid('json')), 201);
  },
);

const addRoute = (path: string, summary: string, schema: z.ZodType, response: z.ZodType) =>
  createRoute({
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
    const actor = requireRole(c, ...masterDataEditors);
    const input = ZMunicipalityCreate.parse(c.req.valid('json'));
    return c.json(
      await c.get('db').transaction((tx) => addMunicipality(tx, actor, c.req.valid('param').id, input)),
      201,
    );
  },
);
regionRoutes.openapi(addRoute('lots', 'Perceel (segment) toevoegen', ZCodedCreate, ZCoded), async (c) => {
  const actor = requireRole(c, ...masterDataEditors);
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
    const actor = requireRole(c, ...masterDataEditors);
    const input = ZBudgetLineCreate.parse(c.req.valid('json'));
    return c.json(await c.get('db').transaction((tx) => addBudgetLine(tx, actor, c.req.valid('param').id, input)), 201);
  },
);
regionRoutes.openapi(
  addRoute('tier-levels', 'Niveau in een indeling (omvang of rol) toevoegen', ZTierLevelCreate, ZTierLevel),
  async (c) => {
    const actor = requireRole(c, ...masterDataEditors);
    const input = ZTierLevelCreate.parse(c.req.valid('json'));
    return c.json(await c.get('db').transaction((tx) => addTierLevel(tx, actor, c.req.valid('param').id, input)), 201);
  },
);

regionRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/tier-levels/{id}',
    tags,
    summary: 'Niveau wijzigen (naam, gesprekken per jaar, uitsluiting)',
    request: { params: ZIdParam, ...body(ZTierLevelUpdate) },
    responses: { 200: json(ZTierLevel, 'Het niveau'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = requireRole(c, ...masterDataEditors);
    return c.json(await updateTierLevel(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json')), 200);
  },
);
