import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { json, problems } from '../../../http/openapi.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat } from '../../../http/spreadsheet.js';
import { uploadBody, uploadedFile, ZImportQuery, ZImportResult } from '../bulk/import-result.js';
import { importProducts, productsSheet, productsTemplate } from './products-transfer.js';
import { ZProductQuery } from './products.schema.js';

/** Products as a spreadsheet: the list exported, a template, and an import with a preview (before /products/{id}). */
export const productTransferRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Producten'];

productTransferRoutes.openapi(
  defineRoute({
    permission: 'products.read',
    method: 'get',
    path: '/products/export',
    tags,
    summary: 'Het productenboek met tarieven als CSV of XLSX (dezelfde filters als de lijst, alle pagina’s)',
    request: { query: ZProductQuery.extend({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('De producten'), ...problems(400, 401) },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    return sendSpreadsheet(c, await productsSheet(c.get('db'), actorOf(c), query), format);
  },
);

productTransferRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'get',
    path: '/products/template',
    tags,
    summary: 'Sjabloon om producten met tarieven in te lezen (XLSX)',
    request: { query: z.object({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('Het sjabloon'), ...problems(400, 401, 403) },
  }),
  async (c) => sendSpreadsheet(c, productsTemplate(), c.req.valid('query').format),
);

productTransferRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'post',
    path: '/products/import',
    tags,
    summary: 'Producten met tarieven inlezen uit XLSX (multipart veld "file"), eerst als voorbeeld',
    description:
      'Elke cel wordt gecontroleerd; is er één fout, dan wordt niets opgeslagen en noemt invalidParams elke foute cel ' +
      '(rij, kolom en reden). Met apply=false (standaard) komt terug wat er zou worden toegevoegd of gewijzigd; met ' +
      'apply=true wordt alles in één keer opgeslagen, elk product in het audit-log.',
    request: { query: ZImportQuery, body: uploadBody },
    responses: { 200: json(ZImportResult, 'Wat er is (of zou worden) ingelezen'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const { regionId, apply } = c.req.valid('query');
    const file = await uploadedFile(c.req.raw);
    return c.json(await importProducts(c.get('db'), actorOf(c), regionId, file, apply === 'true'), 200);
  },
);
