import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, assertOwnRegionField, defineRoute } from '../../http/permission.js';
import { resolveRegion } from '../monitoring/index.js';
import { addAction } from './actions.service.js';
import { meetingsCalendar } from './ics.js';
import {
  commentOnMinutes,
  createMeeting,
  draftMinutes,
  finaliseMinutes,
  getMeetingSettings,
  listMeetings,
  loadMeeting,
  presentMeeting,
  setMeetingSettings,
  updateMeeting,
} from './meetings.service.js';
import { ZMeeting, ZMeetingAction, ZMeetingComment, ZMeetingSummary } from './meetings.responses.js';
import {
  ZActionCreate,
  ZComment,
  ZMeetingCreate,
  ZMeetingSettings,
  ZMeetingsQuery,
  ZMeetingUpdate,
  ZMinutes,
} from './meetings.schema.js';

/** Meetings with providers: agenda, invitees and attendance, minutes with a comment window, actions, escalations. */
export const meetingsRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Overleggen'];
const ZRegionQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});
export const calendarContent = {
  'text/calendar': { schema: z.string().describe('iCalendar (RFC 5545)') },
};

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.read',
    method: 'get',
    path: '/meetings',
    tags,
    summary: 'Overleggen van de regio (een aanbieder: alleen die met de eigen organisatie)',
    request: { query: ZMeetingsQuery },
    responses: { 200: json(z.array(ZMeetingSummary), 'Overleggen op begintijd'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    return c.json(await listMeetings(db, actor, { regionId: region.id, year: query.year }), 200);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'post',
    path: '/meetings',
    tags,
    summary: 'Een overleg vastleggen: soort, thema, tijd, aanbieders, agenda met gevraagde stukken en genodigden',
    description:
      'Weigert een einde vóór het begin, een thema buiten de lijst van de regio en een accountgesprek met meer dan één aanbieder (400).',
    request: body(ZMeetingCreate),
    responses: { 201: json(ZMeeting, 'Het overleg'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const input = c.req.valid('json');
    assertOwnRegionField(actor, input.regionId);
    const row = await createMeeting(db, actor, input);
    return c.json(await presentMeeting(db, actor, row), 201);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.read',
    method: 'get',
    path: '/meetings/{id}',
    tags,
    summary: 'Een overleg met agenda, aanwezigheid, notulen, reacties, besluiten, acties en escalaties',
    description:
      'Een aanbieder ziet alleen een overleg met de eigen organisatie, de notulen zodra ze concept of vastgesteld zijn, de eigen reacties en acties.',
    request: { params: ZIdParam },
    responses: { 200: json(ZMeeting, 'Het overleg'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const row = await loadMeeting(db, actor, c.req.valid('param').id);
    return c.json(await presentMeeting(db, actor, row), 200);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'patch',
    path: '/meetings/{id}',
    tags,
    summary: 'Een overleg bijwerken: gegevens, status (gehouden), aanwezigheid, besluiten en escalaties',
    description:
      'Escalaties alleen met een gepseudonimiseerde referentie en toelichting: een veld als een naam of een nummer dat de 11-proef doorstaat wordt geweigerd (400), er wordt dan niets opgeslagen.',
    request: { params: ZIdParam, ...body(ZMeetingUpdate) },
    responses: { 200: json(ZMeeting, 'Het overleg'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const row = await updateMeeting(db, actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(await presentMeeting(db, actor, row), 200);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'put',
    path: '/meetings/{id}/minutes',
    tags,
    summary: 'Conceptnotulen vastleggen; de uitgenodigde aanbieders kunnen reageren binnen de reactietermijn',
    request: { params: ZIdParam, ...body(ZMinutes) },
    responses: { 200: json(ZMeeting, 'Het overleg'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    await draftMinutes(db, actor, id, c.req.valid('json'));
    return c.json(await presentMeeting(db, actor, await loadMeeting(db, actor, id)), 200);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'post',
    path: '/meetings/{id}/minutes/finalisation',
    tags,
    summary: 'De notulen vaststellen: daarna geen reacties of wijzigingen meer',
    request: { params: ZIdParam },
    responses: { 200: json(ZMeeting, 'Het overleg'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    await finaliseMinutes(db, actor, id);
    return c.json(await presentMeeting(db, actor, await loadMeeting(db, actor, id)), 200);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.comment',
    method: 'post',
    path: '/meetings/{id}/comments',
    tags,
    summary: 'Reageren op de conceptnotulen van een overleg met de eigen organisatie, binnen de reactietermijn',
    description: 'Na de termijn of op vastgestelde notulen: 409, niets opgeslagen.',
    request: { params: ZIdParam, ...body(ZComment) },
    responses: { 201: json(ZMeetingComment, 'De reactie'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const comment = await commentOnMinutes(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json').text);
    return c.json(comment, 201);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'post',
    path: '/meetings/{id}/actions',
    tags,
    summary:
      'Een actie uit het overleg vastleggen, met eigenaar (regio of een deelnemende aanbieder) en uiterste datum',
    request: { params: ZIdParam, ...body(ZActionCreate) },
    responses: { 201: json(ZMeetingAction, 'De actie'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const row = await addAction(db, actor, id, c.req.valid('json'));
    const meeting = await presentMeeting(db, actor, await loadMeeting(db, actor, id));
    return c.json(
      meeting.actions.find((a) => a.id === row.id)!,
      201,
    );
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.read',
    method: 'get',
    path: '/meetings/{id}/invitation',
    tags,
    summary: 'De uitnodiging voor een overleg als iCalendar-bestand (.ics)',
    request: { params: ZIdParam },
    responses: {
      200: { description: 'De uitnodiging', content: calendarContent },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const row = await loadMeeting(db, actor, c.req.valid('param').id);
    const region = await resolveRegion(db, row.regionId);
    // A provider's copy names only the region's people and its own, as the meeting page does.
    const own = actor.role === 'aanbieder' ? actor.providerId : null;
    const invitees = own ? row.invitees.filter((i) => i.side === 'region' || i.providerId === own) : row.invitees;
    return c.body(meetingsCalendar(region.name, [{ ...row, invitees }]), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': attachment(`overleg-${row.startsAt.toISOString().slice(0, 10)}.ics`),
    });
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.read',
    method: 'get',
    path: '/meeting-settings',
    tags,
    summary: 'De thema’s van de transformatietafels, de reactietermijn op notulen en de sessies per thema',
    request: { query: ZRegionQuery },
    responses: { 200: json(ZMeetingSettings, 'De instellingen'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actorOf(c).regionIds);
    return c.json(await getMeetingSettings(db, region.id), 200);
  },
);

meetingsRoutes.openapi(
  defineRoute({
    permission: 'meetings.edit',
    method: 'put',
    path: '/meeting-settings',
    tags,
    summary: 'De thema’s, de reactietermijn en de sessies per thema van de regio vastleggen',
    request: { query: ZRegionQuery, ...body(ZMeetingSettings) },
    responses: { 200: json(ZMeetingSettings, 'De instellingen'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const actor = actorOf(c);
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    return c.json(await setMeetingSettings(db, actor, region.id, c.req.valid('json')), 200);
  },
);
