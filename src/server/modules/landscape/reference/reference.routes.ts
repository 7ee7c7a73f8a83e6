import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { codeLists, type CodeListName } from '../../../../shared/codelists/index.js';
import { requireActor, requireRole } from '../../../http/auth.js';
import type { AppEnv } from '../../../http/context.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { body, json, problems } from '../../../http/openapi.js';
import { masterDataEditors } from '../landscape.policy.js';
import { createCombination, listCombinations, listRegions } from './reference.service.js';

export const referenceRoutes = new OpenAPIHono<AppEnv>();

const ZCoded = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const ZRegion = z.object({
  id: z.uuid(), code: z.string(), name: z.string(),
  municipalities: z.array(z.object({ id: z.uuid(), cbsCode: z.string().describe('CBS-gemeentecode (4 cijfers)'), name: z.string() })),
  lots: z.array(ZCoded), budgetLines: z.array(ZCoded),
  tierLevels: z.array(z.object({
    id: z.uuid(), scheme: z.enum(['omvang', 'rol']), code: z.string(), name: z.string(), description: z.string().nullable(),
    accountMeetingsPerYear: z.number().int().nullable(), excludesCode: z.string().nullable(),
  })),
}).openapi('Region');

const ZCombination = z.object({
  id: z.uuid(), regionId: z.uuid(), name: z.string(), leadProviderId: z.uuid(),
  members: z.array(z.object({ providerId: z.uuid(), name: z.string(), agbCode: z.string(), role: z.enum(['hoofdaannemer', 'onderaannemer']) })),
}).openapi('Combination');

const ZCombinationCreate = z.object({
  regionId: z.uuid({ message: 'kies een regio' }),
  name: z.string().trim().min(1, 'naam is verplicht').max(200),
  leadProviderId: z.uuid({ message: 'kies de hoofdaannemer' }),
  subcontractorIds: z.array(z.uuid()).default([]),
}).openapi('CombinationCreate');

referenceRoutes.openapi(
  createRoute({
    method: 'get', path: '/regions', tags: ['Regio'], summary: 'Regio’s met gemeenten, percelen, begrotingsposten en niveaus',
    responses: { 200: json(z.object({ data: z.array(ZRegion) }), 'De regio’s'), ...problems(401) },
  }),
  async (c) => {
    requireActor(c);
    return c.json({ data: await listRegions(c.get('db')) }, 200);
  },
);

referenceRoutes.openapi(
  createRoute({
    method: 'get', path: '/combinations', tags: ['Aanbieders'], summary: 'Combinaties van aanbieders',
    responses: { 200: json(z.object({ data: z.array(ZCombination) }), 'De combinaties'), ...problems(401) },
  }),
  async (c) => {
    requireActor(c);
    return c.json({ data: await listCombinations(c.get('db')) }, 200);
  },
);

referenceRoutes.openapi(
  createRoute({
    method: 'post', path: '/combinations', tags: ['Aanbieders'], summary: 'Combinatie vastleggen (hoofdaannemer met onderaannemers)',
    request: body(ZCombinationCreate),
    responses: { 201: json(ZCombination, 'De combinatie'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = requireRole(c, ...masterDataEditors);
    return c.json(await createCombination(c.get('db'), actor, c.req.valid('json')), 201);
  },
);

const listNames = Object.keys(codeLists) as [CodeListName, ...CodeListName[]];
referenceRoutes.openapi(
  createRoute({
    method: 'get', path: '/code-lists/{name}', tags: ['Regio'], summary: 'Een iJw 3.2-codelijst (JZ020, JZ588, WJ756, COD327, WMO757)',
    request: { params: z.object({ name: z.string().openapi({ param: { name: 'name', in: 'path' }, enum: listNames }) }) },
    responses: { 200: json(z.object({ name: z.string(), data: z.array(z.object({ code: z.string(), name: z.string() })) }), 'De codes'), ...problems(404) },
  }),
  (c) => {
    const name = c.req.valid('param').name as CodeListName;
    const list = codeLists[name];
    if (!list) throw new AppError(ErrorCode.NotFound, `Onbekende codelijst ${name}.`);
    return c.json({ name, data: [...list] }, 200);
  },
);
