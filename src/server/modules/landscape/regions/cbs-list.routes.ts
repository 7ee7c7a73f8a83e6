import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { json, problems } from '../../../http/openapi.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { uploadBody, uploadedFile } from '../bulk/import-result.js';
import { cbsListStatus, importCbsList, readCbsList } from './cbs-list.js';

/** CBS's official list of municipalities: what is loaded, and the keeper's import of CBS's file. */
export const cbsListRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Regio'];

const ZCbsList = z
  .object({
    loaded: z.boolean().describe('false: geen lijst ingelezen; gemeentecodes worden alleen op hun vorm gecontroleerd'),
    year: z.number().int().nullable().describe('Het jaar van de lijst (de indeling op 1 januari)'),
    sourceFile: z.string().nullable().describe('Het ingelezen bestand'),
    importedAt: z.string().nullable().describe('Wanneer ingelezen (ISO 8601)'),
    municipalities: z
      .array(z.object({ code: z.string().describe('CBS-gemeentecode (4 cijfers)'), name: z.string() }))
      .describe('De gemeenten op de lijst, op naam'),
  })
  .openapi('CbsMunicipalityList');

cbsListRoutes.openapi(
  defineRoute({
    permission: 'regions.read',
    method: 'get',
    path: '/municipality-list',
    tags,
    summary: 'De ingelezen lijst van gemeenten van CBS, waartegen gemeentecodes worden gecontroleerd',
    responses: { 200: json(ZCbsList, 'De lijst, of loaded=false'), ...problems(401, 403) },
  }),
  async (c) => c.json(await cbsListStatus(c.get('db')), 200),
);

cbsListRoutes.openapi(
  defineRoute({
    permission: 'municipalityList.import',
    method: 'post',
    path: '/municipality-list/import',
    tags,
    summary: 'De lijst van gemeenten van CBS inlezen ("Gemeenten alfabetisch", XLSX of CSV, multipart veld "file")',
    description:
      'Kolommen Gemeentecode, GemeentecodeGM, Gemeentenaam, Provinciecode, ProvinciecodePV, Provincienaam, zoals CBS ' +
      'ze publiceert (CSV gescheiden door ; of ,). Elke regel wordt gecontroleerd; één foute kolomkop of cel en er ' +
      'wordt niets ingelezen, met cel, rij en kolom in invalidParams. De lijst vervangt de ingelezen lijst; een lijst ' +
      'van een eerder jaar dan de ingelezen wordt geweigerd. Het jaar staat in de bestandsnaam van CBS, of in year.',
    request: {
      query: z.object({
        year: z.coerce
          .number({ message: 'moet een jaartal zijn' })
          .int()
          .optional()
          .describe('Het jaar van de lijst; leeg = het jaar in de bestandsnaam'),
      }),
      body: uploadBody,
    },
    responses: { 200: json(ZCbsList, 'De ingelezen lijst'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const file = await uploadedFile(c.req.raw);
    const list = await readCbsList(file, c.req.valid('query').year);
    return c.json(await importCbsList(c.get('db'), actorOf(c), list), 200);
  },
);
