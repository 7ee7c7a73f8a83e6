import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../../http/spreadsheet.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { body, json, problems } from '../../../http/openapi.js';
import {
  ZRealisation,
  ZRealisationFileQuery,
  ZRealisationImportResult,
  ZRealisationQuery,
  ZRealisationSet,
} from './realisations.schema.js';
import { importRealisations, realisationTemplate } from './realisations-file.js';
import { listRealisations, setRealisation } from './realisations.service.js';

export const realisationRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Budgetten'];

realisationRoutes.openapi(
  defineRoute({
    permission: 'budgets.read',
    method: 'get',
    path: '/budget-realisations',
    tags,
    summary: 'Realisatie per gemeente, post en maand (gemeentelijke boekhouding)',
    request: { query: ZRealisationQuery },
    responses: {
      200: json(z.object({ data: z.array(ZRealisation) }), 'De realisatie van het jaar'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => c.json({ data: await listRealisations(c.get('db'), actorOf(c), c.req.valid('query')) }, 200),
);

realisationRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'put',
    path: '/budget-realisations',
    tags,
    summary: 'Realisatie van één maand vastleggen of wissen',
    request: body(ZRealisationSet),
    responses: {
      200: json(z.object({ saved: z.number().int() }), 'Vastgelegd (saved 0: het bedrag stond er al)'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => c.json(await setRealisation(c.get('db'), actorOf(c), c.req.valid('json')), 200),
);

realisationRoutes.openapi(
  defineRoute({
    permission: 'budgets.read',
    method: 'get',
    path: '/budget-realisations/template',
    tags,
    summary: 'Sjabloon voor de realisatie van één post en jaar (XLSX of CSV), met wat al is vastgelegd',
    request: {
      query: ZRealisationFileQuery.extend({
        format: zSpreadsheetFormat('xlsx'),
      }),
    },
    responses: {
      200: spreadsheetResponse('Het sjabloon'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    return sendSpreadsheet(c, await realisationTemplate(c.get('db'), actorOf(c), query), format);
  },
);

realisationRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'post',
    path: '/budget-realisations/import',
    tags,
    summary: 'Realisatie van één post en jaar inlezen (het sjabloon als XLSX of CSV, multipart veld "file")',
    description:
      'Elke cel wordt gecontroleerd; is er één fout, dan wordt niets opgeslagen en noemt invalidParams elke foute cel.',
    request: {
      query: ZRealisationFileQuery,
      body: {
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
          },
        },
        required: true,
      },
    },
    responses: { 200: json(ZRealisationImportResult, 'Ingelezen'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string')
      throw new AppError(ErrorCode.Validation, 'Geen bestand ontvangen', [
        { name: 'file', code: 'required', reason: 'kies een .xlsx- of .csv-bestand' },
      ]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importRealisations(c.get('db'), actorOf(c), c.req.valid('query'), { name: file.name, bytes });
    return c.json(result, 200);
  },
);
