import { OpenAPIHono, z } from '@hono/zod-openapi';
import { attachment } from '../../../http/download.js';
import type { AppEnv } from '../../../http/context.js';
import { json, problems } from '../../../http/openapi.js';
import { uploadBody, uploadedFile, ZImportQuery, ZImportResult } from './import-result.js';
import { importProviders, providersWorkbook } from '../providers/providers-transfer.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import {
  sendSpreadsheet,
  spreadsheetResponse,
  zSpreadsheetFormat,
  type Cell,
  type SpreadsheetTable,
} from '../../../http/spreadsheet.js';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../auth/index.js';
import { ZContractQuery, type ContractQuery } from '../contracts/contracts.schema.js';
import { listContracts } from '../contracts/contracts.service.js';
import { scopeOf } from '../../../../shared/permissions.js';
import { contractsWorkbook } from './contracts-sheet.js';
import { ZProviderQuery, type ProviderQuery } from '../providers/providers.schema.js';
import { listProviders } from '../providers/providers.service.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every page of a list at once: an export shows what the list shows under the same filters, not one page of it. */
const allPages = { page: 1, pageSize: 100_000 };

/** The providers the list shows, one row each, with their locations in one cell. */
export async function providersSheet(db: Db, actor: Actor, query: ProviderQuery): Promise<SpreadsheetTable> {
  const { items } = await listProviders(db, actor, { ...query, ...allPages });
  const rows: Cell[][] = [
    ['AGB-code', 'KvK-nummer', 'Naam', 'Domeinen', 'Specialisaties', 'Website', 'Actief', 'Locaties'],
    ...items.map((p) => [
      p.agbCode,
      p.kvkNumber,
      p.name,
      p.domains.join(', '),
      p.specialisations.join(', '),
      p.website,
      p.active ? 'ja' : 'nee',
      p.locations.map((l) => `${l.name} (${l.postcode}${l.city ? ` ${l.city}` : ''})`).join('; '),
    ]),
  ];
  return { name: 'aanbieders', sheet: 'Aanbieders', rows, widths: [11, 11, 36] };
}

const extensionStatus = { option: 'optie', decided: 'besloten', declined: 'niet verlengd' } as const;

/** The contracts the list shows, with their extensions; terms only for whom the contract shows them. */
export async function contractsSheet(db: Db, actor: Actor, query: ContractQuery): Promise<SpreadsheetTable> {
  const { items } = await listContracts(db, actor, { ...query, ...allPages });
  const terms = items.some((c) => c.budgetCeiling !== undefined);
  const header = [
    'Kenmerk',
    'Aanbieder',
    'AGB-code',
    'Combinatie',
    'Perceel',
    'Startdatum',
    'Einddatum',
    'Einde met verlengingen',
    'Procedure',
    'Uitvoeringsvariant',
    'Status',
    'Verlengingen',
    ...(terms ? ['Budgetplafond'] : []),
  ];
  const rows: Cell[][] = [
    header,
    ...items.map((c) => [
      c.reference,
      c.providerName,
      c.providerAgbCode,
      c.combinationName,
      c.lotCode,
      c.startDate,
      c.endDate,
      c.effectiveEndDate,
      c.procedure,
      c.fundingVariant,
      c.status,
      c.extensions.map((e) => `tot ${e.newEndDate} (${extensionStatus[e.status]})`).join('; '),
      ...(terms ? [c.budgetCeiling ?? null] : []),
    ]),
  ];
  return { name: 'contracten', sheet: 'Contracten', rows, widths: [16, 32] };
}

/** The provider and contract lists as CSV or XLSX (declared before /providers/{id} and /contracts/{id}). */
export const listExportRoutes = new OpenAPIHono<AppEnv>();

listExportRoutes.openapi(
  defineRoute({
    permission: 'providers.read',
    method: 'get',
    path: '/providers/export',
    tags: ['Aanbieders'],
    summary: 'De aanbieders als CSV of XLSX (dezelfde filters als de lijst, alle pagina’s)',
    request: { query: ZProviderQuery.extend({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('De aanbieders'), ...problems(400, 401) },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    return sendSpreadsheet(c, await providersSheet(c.get('db'), actorOf(c), query), format);
  },
);

listExportRoutes.openapi(
  defineRoute({
    permission: 'contracts.read',
    method: 'get',
    path: '/contracts/export',
    tags: ['Contracten'],
    summary: 'De contracten met verlengingen als CSV of XLSX (dezelfde filters als de lijst, alle pagina’s)',
    request: { query: ZContractQuery.extend({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('De contracten'), ...problems(400, 401) },
  }),
  async (c) => {
    const { format, ...query } = c.req.valid('query');
    if (format === 'csv') return sendSpreadsheet(c, await contractsSheet(c.get('db'), actorOf(c), query), format);
    // The XLSX is the import's two sheets (contracts, extension options), so an edited export can be read back.
    const actor = actorOf(c);
    const { items } = await listContracts(c.get('db'), actor, { ...query, ...allPages });
    const body = await contractsWorkbook(items, !!scopeOf(actor.role, 'contracts.terms'));
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': xlsxType,
      'Content-Disposition': attachment('contracten.xlsx'),
    });
  },
);

listExportRoutes.openapi(
  defineRoute({
    permission: 'providers.create',
    method: 'get',
    path: '/providers/template',
    tags: ['Aanbieders'],
    summary: 'Sjabloon om aanbieders met locaties in te lezen (XLSX, twee bladen), leeg of met de huidige aanbieders',
    request: {
      query: z.object({
        current: z
          .enum(['true', 'false'], { message: 'true of false' })
          .default('false')
          .describe('true: met de huidige aanbieders en hun locaties'),
      }),
    },
    responses: {
      200: {
        description: 'Het sjabloon',
        content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const current = c.req.valid('query').current === 'true';
    const body = await providersWorkbook(c.get('db'), actorOf(c), !current);
    const name = current ? 'aanbieders-met-locaties.xlsx' : 'aanbieders-sjabloon.xlsx';
    return c.body(new Uint8Array(body), 200, { 'Content-Type': xlsxType, 'Content-Disposition': attachment(name) });
  },
);

listExportRoutes.openapi(
  defineRoute({
    permission: 'providers.create',
    method: 'post',
    path: '/providers/import',
    tags: ['Aanbieders'],
    summary: 'Aanbieders met locaties inlezen uit XLSX (multipart veld "file"), eerst als voorbeeld',
    description:
      'Elke cel wordt gecontroleerd (ook een dubbele AGB-code); is er één fout, dan wordt niets opgeslagen en noemt ' +
      'invalidParams elke foute cel. Met apply=true wordt alles in één keer opgeslagen, elke aanbieder in het audit-log.',
    request: { query: ZImportQuery.omit({ regionId: true }), body: uploadBody },
    responses: { 200: json(ZImportResult, 'Wat er is (of zou worden) ingelezen'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const file = await uploadedFile(c.req.raw);
    const apply = c.req.valid('query').apply === 'true';
    return c.json(await importProviders(c.get('db'), actorOf(c), file, apply), 200);
  },
);
