import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { json, problems, ZIdParam } from '../../http/openapi.js';
import { fileFilterShape, receivedInOrder, ZImportedFile } from './exchange.routes.js';
import { handleQuarantinedFile, listReasonGroups, zipQuarantineRetours } from './quarantine.service.js';

/** The quarantine as work to be done: its groups by reason, the retours of a selection, and marking files handled. */
export const quarantineRoutes = new OpenAPIHono<AppEnv>();
const tags = ['iJw-berichten'];

const ZFilters = z.object(fileFilterShape).refine(...receivedInOrder);

const ZReasonGroup = z
  .object({
    rule: z.string().describe('Regel, bv. TR019 of XSD; de waarde voor het filter reason'),
    title: z.string().describe('Korte omschrijving in gewoon Nederlands'),
    advice: z.string().describe('Wat de afzender moet doen'),
    files: z.number().int().describe('Aantal bestanden met een reden van deze regel'),
  })
  .openapi('QuarantineReasonGroup');

quarantineRoutes.openapi(
  defineRoute({
    permission: 'imports.read',
    method: 'get',
    path: '/quarantine/reasons',
    tags,
    summary: 'De quarantaine gegroepeerd naar reden, met aantallen',
    description:
      'Onder dezelfde filters als de lijst (behalve reason zelf); een bestand met redenen van twee regels telt in beide groepen.',
    request: { query: ZFilters },
    responses: {
      200: json(z.object({ data: z.array(ZReasonGroup) }), 'Groepen, grootste eerst'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const data = await listReasonGroups(c.get('db'), actorOf(c), c.req.valid('query'));
    return c.json({ data }, 200);
  },
);

quarantineRoutes.openapi(
  defineRoute({
    permission: 'imports.download',
    method: 'get',
    path: '/quarantine/retours',
    tags,
    summary: 'De retourberichten van de afgekeurde bestanden in de selectie, als zip',
    description: 'Hoogstens 5000; de download komt in het audit-log.',
    request: { query: ZFilters },
    responses: {
      200: { description: 'Zip met retourberichten', content: { 'application/zip': { schema: z.string() } } },
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { bytes } = await zipQuarantineRetours(c.get('db'), c.get('secrets'), actorOf(c), c.req.valid('query'));
    return new Response(new Uint8Array(bytes), {
      headers: { 'Content-Type': 'application/zip', 'Content-Disposition': attachment('retourberichten.zip') },
    });
  },
);

const ZHandling = z
  .object({
    state: z.enum(['handled', 'open']).describe('handled: afgehandeld (notitie verplicht); open: weer openzetten'),
    note: z
      .string()
      .max(2000, 'mag hoogstens 2000 tekens zijn')
      .optional()
      .describe('Wat er is gedaan (bij handled verplicht; bij open genegeerd: openzetten wist de notitie)'),
  })
  .refine((b) => b.state !== 'handled' || !!b.note?.trim(), {
    message: 'schrijf in een notitie wat er met dit bestand is gedaan',
    path: ['note'],
  })
  .openapi('QuarantineHandling');

quarantineRoutes.openapi(
  defineRoute({
    permission: 'imports.handle',
    method: 'put',
    path: '/imports/{id}/handling',
    tags,
    summary: 'Een bestand in quarantaine afhandelen (met notitie) of weer openzetten',
    description:
      'Zonder notitie wordt afhandelen geweigerd. Een bestand dat vanzelf is opgelost (hetzelfde bericht later aanvaard) blijft opgelost (409).',
    request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZHandling } }, required: true } },
    responses: { 200: json(ZImportedFile, 'Het bestand'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const file = await handleQuarantinedFile(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(file, 200);
  },
);
