import { OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, paged, problems, toPage, ZIdParam, ZPageQuery } from '../../../http/openapi.js';
import { z } from '@hono/zod-openapi';
import { ZContract, ZContractCreate, ZContractQuery, ZContractUpdate, ZExtensionDecision } from './contracts.schema.js';
import { decideExtension } from './extension-decision.js';
import { createContract, getContract, listContracts, updateContract } from './contracts.service.js';

export const contractRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Contracten'];

contractRoutes.openapi(
  defineRoute({
    permission: 'contracts.read',
    method: 'get',
    path: '/contracts',
    tags,
    summary: 'Contracten zoeken en filteren',
    description: 'Een aanbieder-gebruiker ziet alleen de contracten van de eigen organisatie (ook via een combinatie).',
    request: { query: ZPageQuery.extend(ZContractQuery.shape) },
    responses: {
      200: json(paged(ZContract, 'ContractPage'), 'Een pagina contracten, nieuwste eerst'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const { items, total } = await listContracts(c.get('db'), actor, query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

contractRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'post',
    path: '/contracts',
    tags,
    summary: 'Contract vastleggen',
    description:
      'Weigert een contract dat overlapt met een ander contract van dezelfde aanbieder voor hetzelfde perceel (409).',
    request: body(ZContractCreate),
    responses: { 201: json(ZContract, 'Het nieuwe contract'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const contract = await createContract(c.get('db'), actor, c.req.valid('json'));
    c.header('Location', `/api/v1/contracts/${contract.id}`);
    return c.json(contract, 201);
  },
);

contractRoutes.openapi(
  defineRoute({
    permission: 'contracts.read',
    method: 'get',
    path: '/contracts/{id}',
    tags,
    summary: 'Eén contract',
    request: { params: ZIdParam },
    responses: { 200: json(ZContract, 'Het contract'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await getContract(c.get('db'), actor, c.req.valid('param').id), 200);
  },
);

contractRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'patch',
    path: '/contracts/{id}',
    tags,
    summary: 'Contract wijzigen of verlengen',
    request: { params: ZIdParam, ...body(ZContractUpdate) },
    responses: { 200: json(ZContract, 'Het gewijzigde contract'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await updateContract(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json')), 200);
  },
);

const ZExtensionParam = ZIdParam.extend({
  extensionId: z
    .uuid({ message: 'moet een geldige id (uuid) zijn' })
    .openapi({ param: { name: 'extensionId', in: 'path' } }),
});

contractRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'post',
    path: '/contracts/{id}/extensions/{extensionId}/decision',
    tags,
    summary: 'Besluiten over een verlengingsoptie',
    description:
      'Besloten verlengt het contract tot de nieuwe einddatum; afgewezen laat de einddatum staan. Weigert een besluit over een contract dat al geëindigd is en over een verlenging waarover al besloten is (409).',
    request: { params: ZExtensionParam, ...body(ZExtensionDecision) },
    responses: { 200: json(ZContract, 'Het contract na het besluit'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const { id, extensionId } = c.req.valid('param');
    return c.json(await decideExtension(c.get('db'), actor, { contractId: id, extensionId }, c.req.valid('json')), 200);
  },
);
