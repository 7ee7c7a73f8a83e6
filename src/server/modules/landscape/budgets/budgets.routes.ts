import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, problems, ZIdParam } from '../../../http/openapi.js';
import { ZBudget, ZBudgetCreate, ZBudgetQuery, ZBudgetUpdate } from './budgets.schema.js';
import { createBudget, listBudgets, updateBudget } from './budgets.service.js';
import { indexBudgetYear, ZBudgetIndexation, ZBudgetIndexationResult } from './budget-indexation.js';

export const budgetRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Budgetten'];

budgetRoutes.openapi(
  defineRoute({
    permission: 'budgets.read',
    method: 'get',
    path: '/budgets',
    tags,
    summary: 'Budgetten per gemeente, post en jaar',
    request: { query: ZBudgetQuery },
    responses: { 200: json(z.object({ data: z.array(ZBudget) }), 'De budgetten'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    return c.json({ data: await listBudgets(c.get('db'), actorOf(c), c.req.valid('query')) }, 200);
  },
);

budgetRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'post',
    path: '/budgets',
    tags,
    summary: 'Budget vastleggen',
    request: body(ZBudgetCreate),
    responses: { 201: json(ZBudget, 'Het budget'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await createBudget(c.get('db'), actor, c.req.valid('json')), 201);
  },
);

budgetRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'patch',
    path: '/budgets/{id}',
    tags,
    summary: 'Budgetbedrag wijzigen',
    request: { params: ZIdParam, ...body(ZBudgetUpdate) },
    responses: { 200: json(ZBudget, 'Het gewijzigde budget'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await updateBudget(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json').amount), 200);
  },
);

const indexationText =
  'De budgetten van een jaar overnemen in een nieuw jaar, per post geïndexeerd met een percentage en afgerond op centen. ' +
  'Een budget dat het nieuwe jaar al heeft blijft staan.';

budgetRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'post',
    path: '/budget-indexation-previews',
    tags,
    summary: 'Voorbeeld van een nieuw budgetjaar uit een vorig jaar (slaat niets op)',
    description: indexationText,
    request: body(ZBudgetIndexation),
    responses: { 200: json(ZBudgetIndexationResult, 'Het voorbeeld'), ...problems(400, 401, 403) },
  }),
  async (c) => c.json(await indexBudgetYear(c.get('db'), actorOf(c), c.req.valid('json'), false), 200),
);

budgetRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'post',
    path: '/budget-indexations',
    tags,
    summary: 'Een nieuw budgetjaar uit een vorig jaar vastleggen',
    description: `${indexationText} Alles of niets, in het audit-log per budget.`,
    request: body(ZBudgetIndexation),
    responses: { 201: json(ZBudgetIndexationResult, 'Vastgelegd'), ...problems(400, 401, 403) },
  }),
  async (c) => c.json(await indexBudgetYear(c.get('db'), actorOf(c), c.req.valid('json'), true), 201),
);
