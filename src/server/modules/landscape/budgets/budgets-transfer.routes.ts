import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { json, problems } from '../../../http/openapi.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../../http/spreadsheet.js';
import { uploadBody, uploadedFile, ZImportQuery, ZImportResult } from '../bulk/import-result.js';
import { budgetsSheet, importBudgets } from './budgets-transfer.js';

/** The budget table as a spreadsheet: exported, as a template for a year, and imported with a preview. */
export const budgetTransferRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Budgetten'];
const ZYear = z.coerce.number().int().min(2015, 'jaar vanaf 2015').max(2100);

budgetTransferRoutes.openapi(
  defineRoute({
    permission: 'budgets.read',
    method: 'get',
    path: '/budgets/export',
    tags,
    summary: 'De budgettabel als CSV of XLSX: een rij per gemeente en jaar, een kolom per begrotingspost',
    request: {
      query: z.object({
        regionId: z.uuid({ message: 'kies een regio' }),
        year: ZYear.optional().describe('Leeg: alle jaren'),
        format: zSpreadsheetFormat('xlsx'),
      }),
    },
    responses: { 200: spreadsheetResponse('De budgetten'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    return sendSpreadsheet(c, await budgetsSheet(c.get('db'), actorOf(c), query), format);
  },
);

budgetTransferRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'get',
    path: '/budgets/template',
    tags,
    summary: 'Sjabloon om de budgetten van een jaar in te lezen (XLSX): elke gemeente, elke post',
    request: {
      query: z.object({
        regionId: z.uuid({ message: 'kies een regio' }),
        year: ZYear,
        format: zSpreadsheetFormat('xlsx'),
      }),
    },
    responses: { 200: spreadsheetResponse('Het sjabloon'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    return sendSpreadsheet(c, await budgetsSheet(c.get('db'), actorOf(c), { ...query, empty: true }), format);
  },
);

budgetTransferRoutes.openapi(
  defineRoute({
    permission: 'budgets.edit',
    method: 'post',
    path: '/budgets/import',
    tags,
    summary: 'Een budgettabel inlezen uit XLSX (multipart veld "file"), eerst als voorbeeld',
    description:
      'Elke cel wordt gecontroleerd; is er één fout, dan wordt niets opgeslagen en noemt invalidParams elke foute cel. ' +
      'Met apply=true wordt alles in één keer opgeslagen, elk budget in het audit-log.',
    request: { query: ZImportQuery, body: uploadBody },
    responses: { 200: json(ZImportResult, 'Wat er is (of zou worden) ingelezen'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const { regionId, apply } = c.req.valid('query');
    const file = await uploadedFile(c.req.raw);
    return c.json(await importBudgets(c.get('db'), actorOf(c), regionId, file, apply === 'true'), 200);
  },
);
