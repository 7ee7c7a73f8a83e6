import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { body, json, paged, problems, toPage, ZIdParam, ZPageQuery } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import {
  ZConfirm,
  ZEntry,
  ZEntryCreate,
  ZEntryQuery,
  ZEntryUpdate,
  ZEntryWithHistory,
  ZOffer,
  ZOfferQuery,
  ZSettings,
  ZSettingsUpdate,
} from './availability.schema.js';
import { confirmEntries, createEntry, deleteEntry, getEntry, listEntries, updateEntry } from './entries.service.js';
import { searchOffers } from './search.service.js';
import { readSettings, updateSettings } from './settings.service.js';

export const availabilityRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Beschikbaarheid'];
const ZRegionParam = z.object({
  regionId: z.uuid({ message: 'moet een geldige id (uuid) zijn' }).openapi({ param: { name: 'regionId', in: 'path' } }),
});

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.search',
    method: 'get',
    path: '/availability/offers',
    tags,
    summary: 'Gecontracteerd aanbod met plek zoeken',
    description:
      'Alleen aanbieders met een lopend contract voor het product in de regio van de gemeente; kortste wachttijd (aanmelding plus behandeling) eerst, dan de meest actuele. Zonder commerciële gegevens.',
    request: { query: ZOfferQuery },
    responses: { 200: json(paged(ZOffer, 'AvailabilityOfferPage'), 'Een pagina aanbod'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await searchOffers(c.get('db'), actorOf(c), query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.read',
    method: 'get',
    path: '/availability/entries',
    tags,
    summary: 'Beschikbaarheidsregels van aanbieders',
    description: 'Een aanbieder-gebruiker ziet alleen de eigen regels.',
    request: { query: ZPageQuery.extend(ZEntryQuery.shape) },
    responses: { 200: json(paged(ZEntry, 'AvailabilityEntryPage'), 'Een pagina regels'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listEntries(c.get('db'), actorOf(c), query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.edit',
    method: 'post',
    path: '/availability/entries',
    tags,
    summary: 'Beschikbaarheidsregel toevoegen',
    description:
      'Voor een product (of productcategorie) waarvoor de aanbieder een lopend contract heeft, op een eigen locatie.',
    request: body(ZEntryCreate),
    responses: { 201: json(ZEntry, 'De nieuwe regel'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const entry = await createEntry(c.get('db'), actorOf(c), c.req.valid('json'));
    c.header('Location', `/api/v1/availability/entries/${entry.id}`);
    return c.json(entry, 201);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.read',
    method: 'get',
    path: '/availability/entries/{id}',
    tags,
    summary: 'Eén beschikbaarheidsregel met wie wat wanneer bijwerkte',
    request: { params: ZIdParam },
    responses: { 200: json(ZEntryWithHistory, 'De regel met historie'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await getEntry(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.edit',
    method: 'patch',
    path: '/availability/entries/{id}',
    tags,
    summary: 'Beschikbaarheidsregel bijwerken',
    description: 'Een wijziging geldt ook als bevestiging. Bij een fout wordt niets opgeslagen.',
    request: { params: ZIdParam, ...body(ZEntryUpdate) },
    responses: { 200: json(ZEntry, 'De bijgewerkte regel'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await updateEntry(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.edit',
    method: 'delete',
    path: '/availability/entries/{id}',
    tags,
    summary: 'Beschikbaarheidsregel verwijderen',
    request: { params: ZIdParam },
    responses: { 204: { description: 'Verwijderd' }, ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    await deleteEntry(c.get('db'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.edit',
    method: 'post',
    path: '/availability/confirmations',
    tags,
    summary: 'Regels bevestigen als ongewijzigd',
    description: 'Bevestigt elke genoemde regel zoals die is; alles of niets.',
    request: body(ZConfirm),
    responses: {
      200: json(z.object({ data: z.array(ZEntry) }), 'De bevestigde regels'),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => c.json({ data: await confirmEntries(c.get('db'), actorOf(c), c.req.valid('json').entryIds) }, 200),
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'regions.reference',
    method: 'get',
    path: '/regions/{regionId}/availability-settings',
    tags,
    summary: 'De bijwerktermijn, normen en specialisaties van een regio',
    request: { params: ZRegionParam },
    responses: { 200: json(ZSettings, 'De instellingen'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await readSettings(c.get('db'), actorOf(c), c.req.valid('param').regionId), 200),
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.settings',
    method: 'patch',
    path: '/regions/{regionId}/availability-settings',
    tags,
    summary: 'De bijwerktermijn, normen en specialisaties van een regio wijzigen',
    request: { params: ZRegionParam, ...body(ZSettingsUpdate) },
    responses: { 200: json(ZSettings, 'De gewijzigde instellingen'), ...problems(400, 401, 403, 404) },
  }),
  async (c) =>
    c.json(await updateSettings(c.get('db'), actorOf(c), c.req.valid('param').regionId, c.req.valid('json')), 200),
);
