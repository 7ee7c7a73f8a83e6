import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { body, json, problems } from '../../http/openapi.js';
import { actorOf, defineRoute } from '../../http/permission.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../http/spreadsheet.js';
import { resolveRegion } from '../monitoring/index.js';
import { goalTemplate, importGoalFile } from './goal-file.js';
import { goalSummary } from './goals-summary.js';
import {
  listOwnEnded,
  minCompletenessOf,
  municipalitiesOf,
  registerGoalRows,
  setMinCompleteness,
  type GoalRegion,
} from './goals.service.js';
import {
  ZEndedAllocation,
  ZEndedQuery,
  ZGoalRegistration,
  ZGoalSettings,
  ZGoalSummary,
  ZRegionQuery,
  ZSaved,
  ZSummaryQuery,
} from './outcomes.schema.js';

/** Goal attainment (doelrealisatie): providers register it per ended allocation; the region reads the figures. */
export const outcomesRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Doelrealisatie'];

async function regionOf(c: Context<AppEnv>, code: string | undefined): Promise<GoalRegion> {
  const db = c.get('db');
  const region = await resolveRegion(db, code, actorOf(c).regionIds);
  return { ...region, municipalities: await municipalitiesOf(db, region.id) };
}

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.register',
    method: 'get',
    path: '/goal-attainments',
    tags,
    summary: 'De beëindigde toewijzingen van de eigen organisatie, met de vastgelegde doelrealisatie',
    request: { query: ZEndedQuery },
    responses: {
      200: json(z.object({ data: z.array(ZEndedAllocation) }), 'Beëindigde toewijzingen, nieuwste einde eerst'),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { region, ...span } = c.req.valid('query');
    const data = await listOwnEnded(c.get('db'), actorOf(c), await regionOf(c, region), span);
    return c.json({ data }, 200);
  },
);

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.register',
    method: 'post',
    path: '/goal-attainments',
    tags,
    summary: 'Doelrealisatie van één beëindigde toewijzing vastleggen (of wijzigen)',
    description:
      'Alleen voor een toewijzing van de eigen organisatie waarvoor een stopbericht (JW307) is ontvangen; anders 400 met de reden.',
    request: { query: ZRegionQuery, ...body(ZGoalRegistration) },
    responses: { 200: json(ZSaved, 'Vastgelegd (saved 0: stond er al zo)'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const { municipalityCode, allocationNumber, ...answers } = c.req.valid('json');
    const region = await regionOf(c, c.req.valid('query').region);
    const row = { row: 1, municipalityCode, allocationNumber, answers };
    const result = await registerGoalRows(c.get('db'), actorOf(c), region, [row], (_, reason) => ({
      name: 'allocationNumber',
      code: 'invalid',
      reason,
    }));
    return c.json(result, 200);
  },
);

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.register',
    method: 'get',
    path: '/goal-attainments/template',
    tags,
    summary:
      'Kwartaalbestand om in te vullen (XLSX of CSV): een rij per beëindigde toewijzing van de eigen organisatie',
    request: { query: ZEndedQuery.extend({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('Het sjabloon'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const { region, format, ...span } = c.req.valid('query');
    const table = await goalTemplate(c.get('db'), actorOf(c), await regionOf(c, region), span);
    return sendSpreadsheet(c, table, format);
  },
);

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.register',
    method: 'post',
    path: '/goal-attainments/import',
    tags,
    summary: 'Doelrealisatie inlezen als kwartaalbestand (het sjabloon als XLSX of CSV, multipart veld "file")',
    description:
      'Elke rij wordt gecontroleerd; klopt één rij niet, dan wordt niets opgeslagen en noemt invalidParams elke foute cel met rij en kolom. Een bestand dat opnieuw wordt ingelezen verandert niets.',
    request: {
      query: ZRegionQuery,
      body: {
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
          },
        },
        required: true,
      },
    },
    responses: { 200: json(ZSaved, 'Ingelezen'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string')
      throw new AppError(ErrorCode.Validation, 'Geen bestand ontvangen', [
        { name: 'file', code: 'required', reason: 'kies een .xlsx- of .csv-bestand' },
      ]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const region = await regionOf(c, c.req.valid('query').region);
    return c.json(await importGoalFile(c.get('db'), actorOf(c), region, { name: file.name, bytes }), 200);
  },
);

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.read',
    method: 'get',
    path: '/goal-attainments/summary',
    tags,
    summary: 'Doelrealisatie van een periode: volledigheid per aanbieder en de cijfers 3.1, 3.3 en 3.4',
    description:
      'Kleine aantallen weggelaten zoals bij elke KPI. Een aanbieder ziet alleen de eigen cijfers, met die van de regio ernaast. Geen rangorde van aanbieders.',
    request: { query: ZSummaryQuery },
    responses: { 200: json(ZGoalSummary, 'Volledigheid en cijfers'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const { region, period } = c.req.valid('query');
    const threshold = c.get('config').suppressionThreshold;
    const summary = await goalSummary(c.get('db'), actorOf(c), await regionOf(c, region), { period, threshold });
    return c.json(summary, 200);
  },
);

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.read',
    method: 'get',
    path: '/goal-attainments/settings',
    tags,
    summary: 'De drempel van de regio waaronder de doelrealisatie te onvolledig is om op te vertrouwen',
    request: { query: ZRegionQuery },
    responses: { 200: json(ZGoalSettings, 'De drempel'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const region = await regionOf(c, c.req.valid('query').region);
    return c.json({ minCompletenessPercent: await minCompletenessOf(c.get('db'), region.id) }, 200);
  },
);

outcomesRoutes.openapi(
  defineRoute({
    permission: 'goalAttainment.settings',
    method: 'put',
    path: '/goal-attainments/settings',
    tags,
    summary: 'De drempel voor de volledigheid van de doelrealisatie vastleggen',
    request: { query: ZRegionQuery, ...body(ZGoalSettings) },
    responses: { 200: json(ZGoalSettings, 'Vastgelegd'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const region = await regionOf(c, c.req.valid('query').region);
    const percent = await setMinCompleteness(
      c.get('db'),
      actorOf(c),
      region.id,
      c.req.valid('json').minCompletenessPercent,
    );
    return c.json({ minCompletenessPercent: percent }, 200);
  },
);
