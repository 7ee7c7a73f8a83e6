import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { attachment } from '../../../http/download.js';
import { json, problems } from '../../../http/openapi.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { importContracts } from './contracts-import.js';
import { contractsWorkbook } from './contracts-sheet.js';
import { uploadBody, uploadedFile, ZImportQuery, ZImportResult } from './import-result.js';

/** The contracts' template and import (declared before /contracts/{id}); the export is in list-exports.routes.ts. */
export const contractTransferRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Contracten'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

contractTransferRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'get',
    path: '/contracts/template',
    tags,
    summary: 'Sjabloon om contracten met verlengingsopties in te lezen (XLSX, bladen Contracten en Verlengingen)',
    responses: {
      200: {
        description: 'Het sjabloon',
        content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(401, 403),
    },
  }),
  async (c) => {
    const body = await contractsWorkbook([]);
    const headers = { 'Content-Type': xlsxType, 'Content-Disposition': attachment('contracten-sjabloon.xlsx') };
    return c.body(new Uint8Array(body), 200, headers);
  },
);

contractTransferRoutes.openapi(
  defineRoute({
    permission: 'contracts.edit',
    method: 'post',
    path: '/contracts/import',
    tags,
    summary: 'Contracten met verlengingsopties inlezen uit XLSX (multipart veld "file"), eerst als voorbeeld',
    description:
      'Elke cel wordt gecontroleerd (aanbieder op AGB-code, perceel op code, datums, budgetplafond, dubbel kenmerk, ' +
      'verlengingen op blad Verlengingen), daarna de regels van een contract (geen overlap voor aanbieder en ' +
      'perceel). Is er één fout, dan wordt niets opgeslagen en noemt invalidParams elke foute cel (rij, kolom en ' +
      'reden). Met apply=true wordt alles in één keer opgeslagen, elk contract in het audit-log.',
    request: { query: ZImportQuery, body: uploadBody },
    responses: { 200: json(ZImportResult, 'Wat er is (of zou worden) ingelezen'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const { regionId, apply } = c.req.valid('query');
    const file = await uploadedFile(c.req.raw);
    return c.json(await importContracts(c.get('db'), actorOf(c), regionId, file, apply === 'true'), 200);
  },
);
