import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../http/spreadsheet.js';
import { body, json, paged, problems, toPage, ZIdParam, ZPageQuery } from '../../http/openapi.js';
import { fieldError } from '../../http/errors.js';
import { actorOf, assertOwnRegion, defineRoute } from '../../http/permission.js';
import { kpiDisclosureFor } from '../../../shared/kpi-disclosure.js';
import {
  ZCompliance,
  ZConfirm,
  ZContractedProduct,
  ZEntry,
  ZEntryCreate,
  ZEntryQuery,
  ZEntryUpdate,
  ZEntryWithHistory,
  ZOffer,
  ZOfferQuery,
  ZRegionView,
  ZSettings,
  ZSettingsUpdate,
} from './availability.schema.js';
import { compliance } from './compliance.service.js';
import { listContractedProducts } from './contracted.service.js';
import { confirmEntries, createEntry, deleteEntry, getEntry, listEntries, updateEntry } from './entries.service.js';
import { nationalReport } from './national-report.js';
import { regionIdByCode, regionView } from './region-view.service.js';
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
      'Alleen aanbieders met een lopend contract voor het product in de regio van de gemeente; kortste wachttijd (aanmelding plus behandeling) eerst, dan de meest actuele. Met de postcode van de jeugdige ook de afstand tot elke locatie (hemelsbreed; onbekend als een ligging ontbreekt), een maximale afstand en sorteren op afstand. Zonder commerciële gegevens.',
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

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.read',
    method: 'get',
    path: '/availability/national-reports/{quarter}',
    tags,
    summary: 'Wachttijden en wachtlijsten voor de kwartaalrapportage (Regeling Jeugdwet art. 8g), als CSV of Excel',
    description:
      'Per aanbieder, regio en vorm van jeugdhulp (productcategorie): de langste aanmeld- en behandelwachttijd en het aantal jeugdigen op de wachtlijst zoals die op de laatste dag van het kwartaal stonden. Een aanbieder krijgt alleen de eigen regels.',
    request: {
      params: z.object({
        quarter: z.string().openapi({ param: { name: 'quarter', in: 'path' }, example: '2026Q4' }),
      }),
      query: z.object({
        providerId: z.uuid().optional(),
        format: zSpreadsheetFormat('csv'),
      }),
    },
    responses: {
      200: spreadsheetResponse(),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const { format, providerId } = c.req.valid('query');
    const { quarter, rows } = await nationalReport(c.get('db'), actorOf(c), {
      quarter: c.req.valid('param').quarter,
      providerId,
    });
    const notes = [
      'Per vorm van jeugdhulp: de langste wachttijd over de locaties en producten, en de som van de wachtlijsten (docs/availability.md).',
    ];
    const widths = [10, 12, 36, 12, 24, 10, 48];
    return sendSpreadsheet(
      c,
      { name: `wachttijden-${quarter}`, rows, sheet: `Wachttijden ${quarter}`, notes, widths },
      format,
    );
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.search',
    method: 'get',
    path: '/availability/region-view',
    tags,
    summary: 'Wachttijden van de regio door de tijd, tegen de Treeknorm, met de meetlat',
    description:
      'Gemelde en gemeten wachttijden per productcategorie over de laatste twaalf maanden, en de gecontracteerde producten waarvoor geen aanbieder plek heeft binnen de norm. Exacte wachtlijsten alleen voor de backoffice.',
    request: { query: z.object({ regionId: z.uuid().optional().describe('Standaard: de eigen regio') }) },
    responses: { 200: json(ZRegionView, 'Het overzicht'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const regionId = c.req.valid('query').regionId ?? actor.regionId ?? actor.regionIds[0];
    if (!regionId) throw fieldError('regionId', 'kies een regio');
    assertOwnRegion(actor, regionId, 'Deze regio bestaat niet.');
    const view = await regionView(
      c.get('db'),
      regionId,
      kpiDisclosureFor(actor.role),
      c.get('config').suppressionThreshold,
    );
    return c.json(view, 200);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.public',
    method: 'get',
    path: '/public/regions/{code}/availability',
    tags,
    summary: 'De openbare wachttijden van een regio, zonder inloggen',
    description:
      'Voor raden en inwoners: dezelfde cijfers op regioniveau als het regio-overzicht, met kleine aantallen weggelaten en wachtlijsten op vijftallen afgerond.',
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[a-z0-9-]{1,50}$/, 'een regiocode bestaat uit kleine letters, cijfers en streepjes')
          .openapi({ param: { name: 'code', in: 'path' }, example: 'lekstroom' }),
      }),
    },
    responses: { 200: json(ZRegionView, 'Het overzicht'), ...problems(400, 404) },
  }),
  async (c) => {
    const regionId = await regionIdByCode(c.get('db'), c.req.valid('param').code);
    return c.json(await regionView(c.get('db'), regionId, 'published', c.get('config').suppressionThreshold), 200);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.read',
    method: 'get',
    path: '/availability/compliance',
    tags,
    summary: 'Hoe aanbieders hun beschikbaarheid bijhouden, nu en per maand',
    description:
      'Per aanbieder: regels, verouderde regels en per maand het deel dat binnen de termijn bevestigd was. Een aanbieder ziet alleen zichzelf.',
    request: { query: z.object({ regionId: z.uuid().optional().describe('Standaard: de eigen regio') }) },
    responses: { 200: json(ZCompliance, 'Het overzicht'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const regionId = c.req.valid('query').regionId ?? actor.regionId ?? actor.regionIds[0];
    if (!regionId) throw fieldError('regionId', 'kies een regio');
    return c.json(await compliance(c.get('db'), actor, regionId), 200);
  },
);

availabilityRoutes.openapi(
  defineRoute({
    permission: 'availability.edit',
    method: 'get',
    path: '/availability/contracted-products',
    tags,
    summary: 'De producten waarvoor een aanbieder vandaag een lopend contract heeft',
    description:
      'De producten waarvoor de aanbieder een beschikbaarheidsregel kan toevoegen. Een aanbieder-gebruiker ziet alleen de eigen.',
    request: {
      query: z.object({
        providerId: z
          .uuid({ message: 'moet een geldige id (uuid) zijn' })
          .optional()
          .describe('Een aanbieder: de eigen (mag weg)'),
      }),
    },
    responses: {
      200: json(z.object({ data: z.array(ZContractedProduct) }), 'De gecontracteerde producten'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) =>
    c.json({ data: await listContractedProducts(c.get('db'), actorOf(c), c.req.valid('query').providerId) }, 200),
);
