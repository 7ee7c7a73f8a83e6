import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { resolveRegion } from './kpi.service.js';
import {
  createTarget,
  deleteTarget,
  listTargets,
  updateTarget,
  ZKpiTarget,
  ZKpiTargetCreate,
  ZKpiTargetUpdate,
} from './targets.service.js';
import { getKpiSettings, updateKpiSettings, ZKpiSettings } from './settings.service.js';

/** The region's targets and thresholds on the KPIs, from which the signals come. */
export const targetRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Sturingsinformatie'];

targetRoutes.openapi(
  defineRoute({
    permission: 'targets.read',
    method: 'get',
    path: '/kpi-targets',
    tags,
    summary: 'Doelen en drempels per KPI',
    responses: { 200: json(z.object({ data: z.array(ZKpiTarget) }), 'Doelen'), ...problems(401, 403) },
  }),
  async (c) => {
    const region = await resolveRegion(c.get('db'), undefined, actorOf(c).regionIds);
    return c.json({ data: await listTargets(c.get('db'), region.id) }, 200);
  },
);

targetRoutes.openapi(
  defineRoute({
    permission: 'targets.edit',
    method: 'post',
    path: '/kpi-targets',
    tags,
    summary: 'Doel of drempel toevoegen',
    request: body(ZKpiTargetCreate),
    responses: { 201: json(ZKpiTarget, 'Toegevoegd'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const region = await resolveRegion(c.get('db'), undefined, actor.regionIds);
    return c.json(await c.get('db').transaction((tx) => createTarget(tx, actor, region.id, c.req.valid('json'))), 201);
  },
);

targetRoutes.openapi(
  defineRoute({
    permission: 'targets.edit',
    method: 'patch',
    path: '/kpi-targets/{id}',
    tags,
    summary: 'Doel wijzigen',
    request: { params: ZIdParam, ...body(ZKpiTargetUpdate) },
    responses: { 200: json(ZKpiTarget, 'Gewijzigd'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const region = await resolveRegion(c.get('db'), undefined, actor.regionIds);
    return c.json(
      await c
        .get('db')
        .transaction((tx) => updateTarget(tx, actor, region.id, c.req.valid('param').id, c.req.valid('json'))),
      200,
    );
  },
);

targetRoutes.openapi(
  defineRoute({
    permission: 'targets.edit',
    method: 'delete',
    path: '/kpi-targets/{id}',
    tags,
    summary: 'Doel verwijderen',
    request: { params: ZIdParam },
    responses: { 204: { description: 'Verwijderd' }, ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const region = await resolveRegion(c.get('db'), undefined, actor.regionIds);
    await c.get('db').transaction((tx) => deleteTarget(tx, actor, region.id, c.req.valid('param').id));
    return c.body(null, 204);
  },
);

targetRoutes.openapi(
  defineRoute({
    permission: 'targets.read',
    method: 'get',
    path: '/kpi-settings',
    tags,
    summary: 'Wanneer een periode voorlopig is en welke Treeknorm geldt',
    responses: { 200: json(ZKpiSettings, 'Instellingen'), ...problems(401, 403) },
  }),
  async (c) => {
    const region = await resolveRegion(c.get('db'), undefined, actorOf(c).regionIds);
    return c.json(await getKpiSettings(c.get('db'), region.id), 200);
  },
);

targetRoutes.openapi(
  defineRoute({
    permission: 'targets.edit',
    method: 'put',
    path: '/kpi-settings',
    tags,
    summary: 'Voorlopige perioden en Treeknorm instellen',
    request: body(ZKpiSettings),
    responses: { 200: json(ZKpiSettings, 'Ingesteld'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const region = await resolveRegion(c.get('db'), undefined, actor.regionIds);
    return c.json(
      await c.get('db').transaction((tx) => updateKpiSettings(tx, actor, region.id, c.req.valid('json'))),
      200,
    );
  },
);
