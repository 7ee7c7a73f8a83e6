import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { body, json, problems, ZIdParam } from '../../../http/openapi.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { ZContract } from '../contracts/contracts.schema.js';
import { ZProduct } from '../products/products.schema.js';
import { ZWithdrawal } from './withdrawals.schema.js';
import { restoreContract, restoreProduct, withdrawContract, withdrawProduct } from './withdrawals.service.js';

/**
 * Withdrawing a contract or product made by mistake, and undoing it, by those who may edit them: the withdrawal is a
 * sub-resource (POST makes it, DELETE undoes it), so the object itself stays at its address, for history.
 */
export const withdrawalRoutes = new OpenAPIHono<AppEnv>();

withdrawalRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'post',
    path: '/contracts/{id}/withdrawal',
    tags: ['Contracten'],
    summary: 'Contract intrekken (een vergissing)',
    description:
      'Met een reden. Het contract blijft in de geschiedenis, maar verdwijnt uit lijsten, de contractkalender, de NZa-lijst, de beschikbaarheid en de tellingen van gecontracteerde zorg. Liepen er trajecten onder, dan alleen met confirm: true (anders 409 met het aantal).',
    request: { params: ZIdParam, ...body(ZWithdrawal) },
    responses: { 200: json(ZContract, 'Het ingetrokken contract'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const contract = await withdrawContract(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(contract, 200);
  },
);

withdrawalRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'delete',
    path: '/contracts/{id}/withdrawal',
    tags: ['Contracten'],
    summary: 'Intrekken van een contract ongedaan maken',
    description: 'Weigert (409) als er intussen een overlappend contract van dezelfde aanbieder voor het perceel is.',
    request: { params: ZIdParam },
    responses: { 200: json(ZContract, 'Het herstelde contract'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => c.json(await restoreContract(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
);

withdrawalRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'post',
    path: '/products/{id}/withdrawal',
    tags: ['Producten'],
    summary: 'Product intrekken (een vergissing)',
    description:
      'Met een reden. Het product blijft in de geschiedenis, maar verdwijnt uit lijsten en keuzes en telt niet meer mee als product van de regio: berichten die de code later noemen gelden als zorg onder een onbekend product.',
    request: { params: ZIdParam, ...body(ZWithdrawal) },
    responses: { 200: json(ZProduct, 'Het ingetrokken product'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const product = await withdrawProduct(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(product, 200);
  },
);

withdrawalRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'delete',
    path: '/products/{id}/withdrawal',
    tags: ['Producten'],
    summary: 'Intrekken van een product ongedaan maken',
    request: { params: ZIdParam },
    responses: { 200: json(ZProduct, 'Het herstelde product'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => c.json(await restoreProduct(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
);
