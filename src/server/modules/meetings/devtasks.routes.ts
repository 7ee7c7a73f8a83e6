import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, assertOwnRegionField, defineRoute } from '../../http/permission.js';
import { resolveRegion } from '../monitoring/index.js';
import { ZTask, ZTaskCreate, ZTaskNote, ZTasksQuery, ZTaskUpdate } from './devtasks.schema.js';
import { addTaskNote, createTask, getTask, listTasks, updateTask } from './devtasks.service.js';

/** Development tasks (ontwikkelopgaven) of the transformatietafels: goal, measure with a KPI, milestones, progress. */
export const devtasksRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Ontwikkelopgaven'];

devtasksRoutes.openapi(
  defineRoute({
    permission: 'developmentTasks.read',
    method: 'get',
    path: '/development-tasks',
    tags,
    summary: 'Ontwikkelopgaven per thema (een aanbieder: alleen die waaraan hij deelneemt)',
    request: { query: ZTasksQuery },
    responses: { 200: json(z.array(ZTask), 'Op thema en titel'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    return c.json(await listTasks(db, actor, { regionId: region.id, theme: query.theme, status: query.status }), 200);
  },
);

devtasksRoutes.openapi(
  defineRoute({
    permission: 'developmentTasks.edit',
    method: 'post',
    path: '/development-tasks',
    tags,
    summary: 'Een ontwikkelopgave vastleggen: thema, doel, maat (met een KPI waar die past), deelnemers en mijlpalen',
    description:
      'Weigert een thema buiten de lijst van de regio, een onbekende KPI en een mijlpaal zonder datum (400); er wordt dan niets opgeslagen.',
    request: body(ZTaskCreate),
    responses: { 201: json(ZTask, 'De ontwikkelopgave'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const input = c.req.valid('json');
    assertOwnRegionField(actor, input.regionId);
    return c.json(await createTask(c.get('db'), actor, input), 201);
  },
);

devtasksRoutes.openapi(
  defineRoute({
    permission: 'developmentTasks.read',
    method: 'get',
    path: '/development-tasks/{id}',
    tags,
    summary: 'Een ontwikkelopgave met mijlpalen, voortgangsnotities en de actuele waarde van de regio op de KPI',
    request: { params: ZIdParam },
    responses: { 200: json(ZTask, 'De ontwikkelopgave'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await getTask(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
);

devtasksRoutes.openapi(
  defineRoute({
    permission: 'developmentTasks.edit',
    method: 'patch',
    path: '/development-tasks/{id}',
    tags,
    summary: 'Een ontwikkelopgave bijwerken: gegevens, deelnemers, mijlpalen (de hele lijst) en status',
    request: { params: ZIdParam, ...body(ZTaskUpdate) },
    responses: { 200: json(ZTask, 'De ontwikkelopgave'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await updateTask(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

devtasksRoutes.openapi(
  defineRoute({
    permission: 'developmentTasks.note',
    method: 'post',
    path: '/development-tasks/{id}/notes',
    tags,
    summary: 'Een voortgangsnotitie schrijven bij een lopende ontwikkelopgave',
    description: 'Bij een afgeronde of gestopte opgave: 409, niets opgeslagen.',
    request: { params: ZIdParam, ...body(ZTaskNote) },
    responses: { 201: json(ZTask, 'De ontwikkelopgave met de notitie'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => c.json(await addTaskNote(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
);
