import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { attachment } from '../../http/download.js';
import { isoDate, json, paged, problems, toPage, ZDate, ZIdParam, ZPageQuery } from '../../http/openapi.js';
import {
  fileSortKeys,
  getImportedFile,
  listImportedFiles,
  readQuarantinedFile,
  readRetourMessage,
  searchTrajectories,
  trajectorySortKeys,
} from './exchange.service.js';
import { importSources, type FileResult } from './import.service.js';
import { readZipBuffer, type SourceItem, type UnpackBudget } from './sources.js';
import { readUpload } from './upload.js';
import { limits } from '../../../shared/domain.js';
import { sortParam } from '../../http/sorting.js';

export const exchangeRoutes = new OpenAPIHono<AppEnv>();
const tags = ['iJw-berichten'];

const ZReason = z.object({
  code: z.string().describe('Retourcode (WJ001)'),
  rule: z.string().describe('Regel, bv. TR019 of XSD'),
  message: z.string(),
});
const ZShownReason = ZReason.extend({
  message: z.string().describe('De reden in gewoon Nederlands, zonder waarden uit het bericht'),
  advice: z.string().describe('Wat de afzender moet doen'),
});
const ZQuarantineState = z.enum(['open', 'handled', 'resolved']);
const ZFileResult = z
  .object({
    file: z.string(),
    messageType: z.string().nullable(),
    status: z.enum(['accepted', 'duplicate', 'rejected']),
    records: z.number().int(),
    reasons: z.array(ZReason),
    warnings: z
      .array(ZReason)
      .describe(
        'Bij een aanvaard bestand: wat de regio moet weten, zoals een productcode die niet in het productenboek staat',
      ),
    fileId: z.uuid().nullable(),
  })
  .openapi('ImportFileResult');
const ZImportedFile = z
  .object({
    id: z.uuid(),
    receivedAt: z.string(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    messageType: z.string().nullable(),
    sender: z.string().nullable(),
    receiver: z.string().nullable(),
    messageId: z.string().nullable(),
    messageDate: ZDate.nullable(),
    status: z.enum(['accepted', 'rejected']),
    records: z.number().int(),
    reasons: z.array(ZShownReason),
    hasRetour: z.boolean(),
    hasOriginal: z.boolean(),
    quarantine: z
      .object({
        state: ZQuarantineState.describe(
          'open; handled: afgehandeld door een medewerker, met notitie; resolved: hetzelfde bericht is later aanvaard',
        ),
        note: z.string().nullable(),
        handledBy: z.string().nullable().describe('Naam van wie het afhandelde'),
        handledAt: z.string().nullable(),
        resolvedBy: z.uuid().nullable().describe('Het aanvaarde bestand dat dit oploste'),
      })
      .nullable()
      .describe('Alleen bij afgekeurde bestanden'),
  })
  .openapi('ImportedFile');

/** The filters of the file list, the quarantine's groups and its retour download. */
export const fileFilterShape = {
  messageType: z
    .string()
    .regex(/^JW\d{3}$/, 'moet een berichttype zijn, bv. JW301')
    .optional(),
  sender: z
    .string()
    .regex(/^(\d{4}|\d{8})$/, 'moet een gemeentecode (4 cijfers) of AGB-code (8 cijfers) zijn')
    .optional(),
  reason: z
    .string()
    .regex(/^[A-Z]{2,3}\d{0,3}$/, 'moet een regel zijn, bv. XSD of TR019')
    .optional()
    .describe('Alleen bestanden met een reden van deze regel'),
  receivedFrom: isoDate('ontvangen vanaf').optional(),
  receivedTo: isoDate('ontvangen tot en met').optional(),
  quarantineState: ZQuarantineState.optional().describe('Alleen afgekeurde bestanden met deze status'),
};
/** A received-date range that ends before it begins would silently select nothing: refuse it. */
export const receivedInOrder: [
  (q: { receivedFrom?: string | undefined; receivedTo?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (q) => !q.receivedFrom || !q.receivedTo || q.receivedTo >= q.receivedFrom,
  { message: 'einddatum ligt voor de begindatum', path: ['receivedTo'] },
];
export { ZImportedFile };
const ZTrajectory = z
  .object({
    id: z.number().int(),
    client: z.string().describe('Pseudoniem (ingekort); nooit het BSN'),
    birthYear: z.number().int().nullable(),
    municipalityCode: z.string(),
    providerAgb: z.string(),
    allocationNumber: z.string().nullable(),
    productCategory: z.string().nullable(),
    productCode: z.string().nullable(),
    referrerType: z.string().nullable(),
    requestDate: ZDate.nullable(),
    allocationDate: ZDate.nullable(),
    allocationStart: ZDate.nullable(),
    allocationEnd: ZDate.nullable(),
    volume: z.number().int().nullable(),
    unit: z.string().nullable(),
    frequency: z.string().nullable(),
    startDate: ZDate.nullable(),
    endDate: ZDate.nullable(),
    endReason: z.string().nullable(),
    declaredCents: z.number().int(),
    fundingVariant: z.enum(['toewijzing', 'taakgericht']),
  })
  .openapi('Trajectory');

/** A period that ends before it begins would silently match trajectories that run on either day: refuse it. */
const toNotBeforeFrom = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.to >= q.from;
const toMessage = { message: 'einddatum ligt voor de begindatum', path: ['to'] };

exchangeRoutes.openapi(
  defineRoute({
    permission: 'imports.create',
    method: 'post',
    path: '/imports',
    tags,
    summary: 'iJw-bestanden inlezen (XML of zip, multipart veld "files")',
    description:
      'Elk bestand wordt in zijn geheel aanvaard of afgekeurd; een afgekeurd bestand gaat met de redenen naar quarantaine. ' +
      'Een bestand dat al eerder is aanvaard telt als dubbel.',
    request: {
      body: {
        content: {
          'multipart/form-data': {
            // A plain schema, not zod: a zod schema would make the route parse (and hold) the whole form before the
            // handler runs, where readUpload streams it and refuses an oversized file without keeping it.
            schema: {
              type: 'object',
              properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
              required: ['files'],
            },
          },
        },
        required: true,
      },
    },
    responses: {
      200: json(
        z.object({
          results: z.array(ZFileResult),
          summary: z.object({ accepted: z.number(), duplicate: z.number(), rejected: z.number(), records: z.number() }),
        }),
        'Uitslag per bestand',
      ),
      ...problems(400, 401, 403, 503),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const files = await readUpload(c.req.raw);
    if (!files.length)
      throw new AppError(ErrorCode.Validation, 'Geen bestanden ontvangen', [
        { name: 'files', code: 'required', reason: 'kies een of meer .xml- of .zip-bestanden' },
      ]);
    const budget: UnpackBudget = {
      remaining: limits.uploadMaxUnpackedBytes,
      refusal: `een upload mag uitgepakt hoogstens ${limits.uploadMaxUnpackedBytes / 1024 / 1024} MB zijn; lees grotere sets in met de CLI`,
    };
    async function* sources(): AsyncGenerator<SourceItem> {
      // Each file is let go once it is read, so an archive's memory is freed as the import moves past it.
      for (let file = files.shift(); file; file = files.shift()) {
        if ('zip' in file) yield* readZipBuffer(file.name, file.zip, budget);
        else yield file;
      }
    }
    const results: FileResult[] = [];
    const summary = await importSources({ db: c.get('db'), secrets: c.get('secrets'), actor }, sources(), (r) =>
      results.push(r),
    );
    return c.json({ results, summary }, 200);
  },
);

exchangeRoutes.openapi(
  defineRoute({
    permission: 'imports.read',
    method: 'get',
    path: '/imports',
    tags,
    summary: 'Ingelezen bestanden; status=rejected is de quarantaine',
    request: {
      query: ZPageQuery.extend({
        status: z.enum(['accepted', 'rejected']).optional(),
        ...fileFilterShape,
        sort: sortParam(fileSortKeys),
      }).refine(...receivedInOrder),
    },
    responses: {
      200: json(paged(ZImportedFile, 'ImportedFilePage'), 'Een pagina bestanden, nieuwste eerst'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const { items, total } = await listImportedFiles(c.get('db'), actor, query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

exchangeRoutes.openapi(
  defineRoute({
    permission: 'imports.read',
    method: 'get',
    path: '/imports/{id}',
    tags,
    summary: 'Eén ingelezen bestand met redenen',
    request: { params: ZIdParam },
    responses: { 200: json(ZImportedFile, 'Het bestand'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    return c.json(await getImportedFile(c.get('db'), actorOf(c), c.req.valid('param').id), 200);
  },
);

const xmlDownload = (name: string, bytes: Buffer) =>
  new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': attachment(name),
    },
  });

exchangeRoutes.openapi(
  defineRoute({
    permission: 'imports.download',
    method: 'get',
    path: '/imports/{id}/retour',
    tags,
    summary: 'Het retourbericht bij een bestand (XML)',
    request: { params: ZIdParam },
    responses: {
      200: { description: 'Retourbericht', content: { 'application/xml': { schema: z.string() } } },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const { name, bytes } = await readRetourMessage(c.get('db'), c.get('secrets'), actor, c.req.valid('param').id);
    return xmlDownload(name, bytes);
  },
);

exchangeRoutes.openapi(
  defineRoute({
    permission: 'imports.download',
    method: 'get',
    path: '/imports/{id}/original',
    tags,
    summary: 'Het originele afgekeurde bestand uit de quarantaine (XML)',
    request: { params: ZIdParam },
    responses: {
      200: { description: 'Origineel', content: { 'application/xml': { schema: z.string() } } },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const { name, bytes } = await readQuarantinedFile(c.get('db'), c.get('secrets'), actor, c.req.valid('param').id);
    return xmlDownload(name, bytes);
  },
);

exchangeRoutes.openapi(
  defineRoute({
    permission: 'trajectories.read',
    method: 'get',
    path: '/trajectories',
    tags,
    summary: 'Zorgtrajecten zoeken (cliënt alleen als pseudoniem)',
    description:
      'Een aanbieder ziet alleen de eigen trajecten. Elke zoekvraag wordt gelogd als inzage in cliëntgegevens.',
    request: {
      query: ZPageQuery.extend({
        sort: sortParam(trajectorySortKeys),
        fileId: z
          .uuid({ message: 'moet een geldige id (uuid) zijn' })
          .optional()
          .describe('Alleen trajecten met een toewijzing, start, stop of declaratieregel uit dit bestand'),
        providerAgb: z
          .string()
          .regex(/^\d{8}$/, 'moet 8 cijfers zijn')
          .optional(),
        municipalityCode: z
          .string()
          .regex(/^\d{4}$/, 'moet 4 cijfers zijn')
          .optional(),
        productCategory: z
          .string()
          .regex(/^\d{2}$/, 'moet 2 cijfers zijn')
          .optional(),
        productCode: z.string().max(5).optional(),
        from: isoDate('begin')
          .optional()
          .describe(
            'Begin van de periode: trajecten die dan nog lopen (met ended=true: die op of na deze dag eindigden)',
          ),
        to: isoDate('einde')
          .optional()
          .describe(
            'Einde van de periode (op of na from): trajecten die dan al begonnen zijn (met ended=true: die op of voor deze dag eindigden)',
          ),
        endReason: z
          .string()
          .regex(
            /^\d{2}(,\d{2})*$/,
            "moet een of meer codes van 2 cijfers zijn, gescheiden door komma's (bv. 32,33,34,35)",
          )
          .optional()
          .describe(
            "Reden beëindiging (JZ588), een of meer codes gescheiden door komma's: alleen trajecten die met een van die redenen eindigden. " +
              'Voortijdig (uitval) is 32,33,34,35; volgens plan is 31,39',
          ),
        ended: z
          .enum(['true', 'false'], { message: 'moet true of false zijn' })
          .optional()
          .describe(
            'true: from en to kiezen de trajecten waarvan de einddatum in de periode ligt (beide dagen meegeteld), ' +
              'in plaats van de trajecten die in de periode lopen; zonder from en to: elk beëindigd traject',
          ),
      }).refine(toNotBeforeFrom, toMessage),
    },
    responses: { 200: json(paged(ZTrajectory, 'TrajectoryPage'), 'Een pagina trajecten'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const { items, total } = await searchTrajectories(c.get('db'), actor, query);
    return c.json(toPage(c, items, total, query), 200);
  },
);
