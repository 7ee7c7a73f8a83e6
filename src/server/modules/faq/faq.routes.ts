import { OpenAPIHono, z } from '@hono/zod-openapi';
import { can } from '../../../shared/permissions.js';
import type { AppEnv } from '../../http/context.js';
import { body, json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { resolveRegion } from '../monitoring/index.js';
import { createFaqEntry, listFaq, recordFaqVisit, updateFaqEntry, withdrawFaqEntry } from './faq.service.js';

/** The region's FAQ for providers: read and searched by providers and staff, written by the backoffice. */
export const faqRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Veelgestelde vragen'];

const ZRegionQuery = z.object({
  region: z.string().max(60).optional().describe('Code of id van de regio; leeg = de eigen regio'),
});
const ZFaqEntry = z
  .object({
    id: z.uuid(),
    theme: z.string(),
    question: z.string(),
    answer: z.string(),
    publishedAt: z.string().nullable().describe('Gepubliceerd (ISO 8601); null = concept'),
    changedAt: z.string().nullable().describe('Laatst gewijzigd na publicatie (ISO 8601)'),
    since: z.enum(['new', 'changed']).nullable().describe('Nieuw of gewijzigd sinds het vorige bezoek van de lezer'),
  })
  .openapi('FaqEntry');
const ZFaqList = z
  .object({
    entries: z.array(ZFaqEntry),
    themes: z.array(z.string()),
    previousVisit: z.string().nullable().describe('Het vorige bezoek van de lezer (ISO 8601); null = het eerste'),
  })
  .openapi('FaqList');
const text = (max: number, what: string) =>
  z
    .string({ message: 'vul dit in' })
    .trim()
    .min(1, 'vul dit in')
    .max(max, `mag hoogstens ${max.toLocaleString('nl-NL')} tekens zijn`)
    .describe(what);
const ZFaqWrite = z
  .object({
    theme: text(80, 'Thema, bv. Declareren'),
    question: text(300, 'De vraag'),
    answer: text(5000, 'Het antwoord; geen persoonsgegevens, want elke aanbieder leest het'),
    published: z.boolean().describe('Gepubliceerd (aanbieders lezen het) of concept'),
  })
  .openapi('FaqWrite');

faqRoutes.openapi(
  defineRoute({
    permission: 'faq.read',
    method: 'get',
    path: '/faq',
    tags,
    summary: 'De veelgestelde vragen van de regio, doorzocht en per thema',
    description:
      'Aanbieders zien wat gepubliceerd is, de backoffice ook de concepten. Elk antwoord zegt of het nieuw of gewijzigd is sinds het vorige bezoek (POST /faq/visits).',
    request: {
      query: ZRegionQuery.extend({
        search: z.string().max(200).optional().describe('Woorden die allemaal in de vraag of het antwoord staan'),
        theme: z.string().max(80).optional(),
        since: z.iso
          .datetime({ offset: true, message: 'moet een moment zijn (ISO 8601)' })
          .optional()
          .describe('Vergelijk met dit moment in plaats van het vastgelegde vorige bezoek'),
      }),
    },
    responses: { 200: json(ZFaqList, 'De vragen'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const query = c.req.valid('query');
    const region = await resolveRegion(db, query.region, actor.regionIds);
    const reader = { userId: actor.id, withConcepts: can(actor, 'faq.manage') };
    return c.json(await listFaq(db, region.id, reader, query), 200);
  },
);

faqRoutes.openapi(
  defineRoute({
    permission: 'faq.read',
    method: 'post',
    path: '/faq/visits',
    tags,
    summary: 'Vastleggen dat de lezer de veelgestelde vragen nu heeft gezien',
    description: 'Bij het volgende bezoek heet wat daarna gepubliceerd of gewijzigd is nieuw of gewijzigd.',
    request: { query: ZRegionQuery },
    responses: { 204: { description: 'Vastgelegd' }, ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    await recordFaqVisit(db, region.id, actor.id);
    return c.body(null, 204);
  },
);

faqRoutes.openapi(
  defineRoute({
    permission: 'faq.manage',
    method: 'post',
    path: '/faq',
    tags,
    summary: 'Een veelgestelde vraag toevoegen (concept of gepubliceerd)',
    request: { query: ZRegionQuery, ...body(ZFaqWrite) },
    responses: { 201: json(ZFaqEntry, 'De vraag'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, c.req.valid('query').region, actor.regionIds);
    const entry = await db.transaction((tx) => createFaqEntry(tx, actor, region.id, c.req.valid('json')));
    return c.json(entry, 201);
  },
);

faqRoutes.openapi(
  defineRoute({
    permission: 'faq.manage',
    method: 'put',
    path: '/faq/{id}',
    tags,
    summary: 'Een veelgestelde vraag wijzigen, publiceren of terugzetten naar concept',
    description:
      'Een wijziging van de tekst van een gepubliceerde vraag zet de wijzigingsdatum: lezers zien haar als gewijzigd.',
    request: { params: ZIdParam, ...body(ZFaqWrite) },
    responses: { 200: json(ZFaqEntry, 'De vraag'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, undefined, actor.regionIds);
    const { id } = c.req.valid('param');
    const entry = await db.transaction((tx) => updateFaqEntry(tx, actor, region.id, id, c.req.valid('json')));
    return c.json(entry, 200);
  },
);

faqRoutes.openapi(
  defineRoute({
    permission: 'faq.manage',
    method: 'delete',
    path: '/faq/{id}',
    tags,
    summary: 'Een veelgestelde vraag intrekken',
    description: 'Weg voor iedere lezer; de tekst blijft in het auditlog.',
    request: { params: ZIdParam },
    responses: { 204: { description: 'Ingetrokken' }, ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const region = await resolveRegion(db, undefined, actor.regionIds);
    await db.transaction((tx) => withdrawFaqEntry(tx, actor, region.id, c.req.valid('param').id));
    return c.body(null, 204);
  },
);
