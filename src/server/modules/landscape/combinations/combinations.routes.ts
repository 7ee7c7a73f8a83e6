import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, problems, ZIdParam } from '../../../http/openapi.js';
import { createCombination, listCombinations, updateCombination } from './combinations.service.js';

export const combinationRoutes = new OpenAPIHono<AppEnv>();

const ZCombination = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    name: z.string(),
    leadProviderId: z.uuid(),
    endedOn: z.string().nullable().describe('Laatste dag van de combinatie; null = bestaat'),
    endReason: z.string().nullable(),
    members: z.array(
      z.object({
        providerId: z.uuid(),
        name: z.string(),
        agbCode: z.string(),
        role: z.enum(['hoofdaannemer', 'onderaannemer']),
      }),
    ),
  })
  .openapi('Combination');

const ZCombinationCreate = z
  .object({
    regionId: z.uuid({ message: 'kies een regio' }),
    name: z.string().trim().min(1, 'naam is verplicht').max(200),
    leadProviderId: z.uuid({ message: 'kies de hoofdaannemer' }),
    subcontractorIds: z.array(z.uuid()).default([]),
  })
  .openapi('CombinationCreate');

const ZCombinationUpdate = z
  .object({
    name: z.string().trim().min(1, 'naam is verplicht').max(200),
    leadProviderId: z.uuid({ message: 'kies de hoofdaannemer' }),
    subcontractorIds: z.array(z.uuid()).default([]),
    endedOn: z.iso.date({ message: 'geef een datum (JJJJ-MM-DD)' }).nullable().default(null),
    endReason: z.string().trim().max(500, 'mag hoogstens 500 tekens zijn').nullable().default(null),
  })
  .openapi('CombinationUpdate');

combinationRoutes.openapi(
  defineRoute({
    permission: 'combinations.read',
    method: 'get',
    path: '/combinations',
    tags: ['Aanbieders'],
    summary: 'Combinaties van aanbieders',
    description: 'Een aanbieder ziet alleen de combinaties waarin de eigen organisatie zit.',
    responses: { 200: json(z.object({ data: z.array(ZCombination) }), 'De combinaties'), ...problems(401) },
  }),
  async (c) => c.json({ data: await listCombinations(c.get('db'), actorOf(c)) }, 200),
);

combinationRoutes.openapi(
  defineRoute({
    permission: 'combinations.edit',
    method: 'post',
    path: '/combinations',
    tags: ['Aanbieders'],
    summary: 'Combinatie vastleggen (hoofdaannemer met onderaannemers)',
    request: body(ZCombinationCreate),
    responses: { 201: json(ZCombination, 'De combinatie'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await createCombination(c.get('db'), actor, c.req.valid('json')), 201);
  },
);

combinationRoutes.openapi(
  defineRoute({
    permission: 'combinations.edit',
    method: 'put',
    path: '/combinations/{id}',
    tags: ['Aanbieders'],
    summary: 'Combinatie wijzigen of beëindigen',
    description:
      'Naam, hoofdaannemer en onderaannemers wijzigen, of de combinatie beëindigen met een laatste dag en een reden (leeg maken zet haar terug). Beëindigen kan niet zolang een contract van de combinatie na die dag loopt.',
    request: { params: ZIdParam, ...body(ZCombinationUpdate) },
    responses: { 200: json(ZCombination, 'De combinatie'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await updateCombination(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json')), 200);
  },
);
