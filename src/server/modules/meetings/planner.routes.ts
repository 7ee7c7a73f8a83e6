import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, assertOwnRegionField, defineRoute } from '../../http/permission.js';
import { resolveRegion } from '../monitoring/index.js';
import { closeAction, listActions, updateAction } from './actions.service.js';
import { meetingsCalendar } from './ics.js';
import { calendarContent } from './meetings.routes.js';
import { ZMeetingAction, ZYearPlan } from './meetings.responses.js';
import { ZAcceptProposals, ZActionDone, ZActionsQuery, ZActionUpdate, ZYearQuery } from './meetings.schema.js';
import { acceptProposals, plannedMeetingsOfYear, yearPlan } from './planner.service.js';

/** The year planner with its invitations, and the action items of meetings across the region. */
export const plannerRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Overleggen'];

plannerRoutes.openapi(
  defineRoute({
    permission: 'meetingPlanner.read',
    method: 'get',
    path: '/meeting-planner',
    tags,
    summary: 'Jaarplanner: de overleggen die het jaar vraagt, wat gepland, gehouden en te laat is per aanbieder',
    description:
      'Accountgesprekken per aanbieder naar het aantal van zijn niveau (omvang), de twee overlegtafels (voorjaar, najaar) en de sessies van elke transformatietafel; een periode zonder overleg is een voorstel, te laat zodra ze voorbij is.',
    request: { query: ZYearQuery },
    responses: { 200: json(ZYearPlan, 'Het jaar'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actorOf(c).regionIds);
    return c.json(await yearPlan(db, region.id, query.year), 200);
  },
);

plannerRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'post',
    path: '/meeting-planner/accepted-proposals',
    tags,
    summary: 'Voorstellen van de jaarplanner overnemen als geplande overleggen',
    description:
      'Een sleutel die geen open voorstel van het jaar is, wordt geweigerd (400); er wordt dan niets gepland.',
    request: body(ZAcceptProposals),
    responses: {
      201: json(z.object({ created: z.number().int(), meetingIds: z.array(z.uuid()) }), 'De geplande overleggen'),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const input = c.req.valid('json');
    assertOwnRegionField(actor, input.regionId);
    return c.json(await acceptProposals(c.get('db'), actor, input), 201);
  },
);

plannerRoutes.openapi(
  defineRoute({
    permission: 'meetingPlanner.read',
    method: 'get',
    path: '/meeting-planner/invitations',
    tags,
    summary: 'De uitnodigingen voor alle geplande overleggen van het jaar als één iCalendar-bestand (.ics)',
    request: { query: ZYearQuery },
    responses: {
      200: { description: 'De uitnodigingen', content: calendarContent },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actorOf(c).regionIds);
    const rows = await plannedMeetingsOfYear(db, region.id, query.year);
    return c.body(meetingsCalendar(region.name, rows), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': attachment(`overleggen-${region.code}-${query.year}.ics`),
    });
  },
);

plannerRoutes.openapi(
  defineRoute({
    permission: 'meetings.read',
    method: 'get',
    path: '/meeting-actions',
    tags,
    summary: 'Acties uit overleggen (een aanbieder: alleen die aan de eigen organisatie zijn toegewezen)',
    request: { query: ZActionsQuery },
    responses: { 200: json(z.array(ZMeetingAction), 'Open eerst, op uiterste datum'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    return c.json(await listActions(db, actor, { regionId: region.id, status: query.status }), 200);
  },
);

plannerRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'patch',
    path: '/meeting-actions/{id}',
    tags,
    summary: 'Een actie bijwerken: status, toelichting of uiterste datum',
    request: { params: ZIdParam, ...body(ZActionUpdate) },
    responses: { 200: json(ZMeetingAction, 'De actie'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await updateAction(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

plannerRoutes.openapi(
  defineRoute({
    permission: 'meetingActions.close',
    method: 'post',
    path: '/meeting-actions/{id}/completion',
    tags,
    summary: 'Een actie afronden met een toelichting (een aanbieder: alleen een actie van de eigen organisatie)',
    request: { params: ZIdParam, ...body(ZActionDone) },
    responses: { 200: json(ZMeetingAction, 'De afgeronde actie'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) =>
    c.json(await closeAction(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json').note), 200),
);
