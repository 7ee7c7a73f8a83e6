import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { body, json, paged, problems, toPage, ZIdParam } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { csvOf } from '../../http/spreadsheet.js';
import { resolveRegion } from '../monitoring/index.js';
import {
  ZBatch,
  ZBatchCreate,
  ZBatchQuery,
  ZLinksQuery,
  ZQuestionnaire,
  ZQuestionnaireCreate,
  ZRegionQuery,
} from './experience.schema.js';
import { batchLinks, createBatch, listBatches } from './invitations.service.js';
import { createQuestionnaireVersion, listQuestionnaires } from './questionnaires.service.js';

/** The Ervaringwijzer for the region and providers: questionnaires and invitations. Answering: answer.routes.ts. */
export const experienceRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Ervaringwijzer'];

experienceRoutes.openapi(
  defineRoute({
    permission: 'questionnaires.read',
    method: 'get',
    path: '/questionnaires',
    tags,
    summary: 'De vragenlijsten van de Ervaringwijzer, elke versie',
    description: 'Per doelgroep (jongere, ouder) alle versies, de nieuwste eerst; uitnodigingen krijgen de nieuwste.',
    request: { query: ZRegionQuery },
    responses: { 200: json(z.array(ZQuestionnaire), 'De versies'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actorOf(c).regionIds);
    return c.json(await listQuestionnaires(db, region.id), 200);
  },
);

experienceRoutes.openapi(
  defineRoute({
    permission: 'questionnaires.edit',
    method: 'post',
    path: '/questionnaires',
    tags,
    summary: 'Een nieuwe versie van een vragenlijst vastleggen',
    description:
      'Eerdere versies blijven ongewijzigd, met hun antwoorden. Hoogstens negen vragen, precies één cijfer van 1 tot 10 en hoogstens één open vraag.',
    request: { query: ZRegionQuery, ...body(ZQuestionnaireCreate) },
    responses: { 201: json(ZQuestionnaire, 'De nieuwe versie'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    const input = c.req.valid('json');
    const made = await db.transaction((tx) => createQuestionnaireVersion(tx, actor, region.id, input));
    return c.json(made, 201);
  },
);

experienceRoutes.openapi(
  defineRoute({
    permission: 'invitations.read',
    method: 'get',
    path: '/invitation-batches',
    tags,
    summary: 'Reeksen uitnodigingen, met hoeveel er zijn ingevuld (een aanbieder: de eigen)',
    description: 'Nieuwste eerst, per pagina; te filteren op aanbieder.',
    request: { query: ZBatchQuery },
    responses: {
      200: json(paged(ZBatch, 'InvitationBatchPage'), 'Een pagina reeksen, nieuwste eerst'),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    const { items, total } = await listBatches(db, actor, region.id, query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

experienceRoutes.openapi(
  defineRoute({
    permission: 'invitations.create',
    method: 'post',
    path: '/invitation-batches',
    tags,
    summary: 'Een reeks eenmalige, anonieme uitnodigingen maken voor een aanbieder en product',
    description:
      'Op aantal, of één per jeugdige van wie de zorg met dit product bij deze aanbieder in de periode eindigde (JW307). ' +
      'Er worden geen contactgegevens of cliënten vastgelegd; van elke uitnodiging alleen een hash.',
    request: { query: ZRegionQuery, ...body(ZBatchCreate) },
    responses: { 201: json(ZBatch, 'De reeks'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    const input = c.req.valid('json');
    const made = await db.transaction((tx) => createBatch(tx, actor, c.get('secrets'), region.id, input));
    return c.json(made, 201);
  },
);

experienceRoutes.openapi(
  defineRoute({
    permission: 'invitations.read',
    method: 'get',
    path: '/invitation-batches/{id}/links',
    tags,
    summary: 'De links van een reeks uitnodigingen downloaden (CSV), om uit te delen',
    description:
      'Eén regel per uitnodiging: volgnummer, link en tot wanneer hij werkt. Elke link werkt één keer. ' +
      'De reeksen van de demogegevens hebben geen links (409).',
    request: { params: ZIdParam, query: ZLinksQuery },
    responses: {
      200: { description: 'De links als CSV', content: { 'text/csv': { schema: z.string() } } },
      ...problems(400, 401, 403, 404, 409),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const origin = (c.get('credential') === 'cookie' && c.req.header('Origin')) || new URL(c.req.url).origin;
    const { batch, links } = await batchLinks(c.get('db'), actor, c.get('secrets'), c.req.valid('param').id, origin);
    const until = batch.expiresAt.toISOString().slice(0, 10);
    const csv = csvOf([['nummer', 'link', 'geldig tot en met'], ...links.map((link, i) => [i + 1, link, until])]);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(
        `uitnodigingen-${batch.createdAt.toISOString().slice(0, 10)}-${batch.id.slice(0, 8)}.csv`,
      ),
    });
  },
);
