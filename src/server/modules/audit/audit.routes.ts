import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { isoDate, json, paged, problems, toPage, ZPageQuery } from '../../http/openapi.js';
import { fieldError } from '../../http/errors.js';
import { sendSpreadsheet, spreadsheetResponse, zSpreadsheetFormat, type Cell } from '../../http/spreadsheet.js';
import { exportAuditEvents, listAuditEvents, type AuditFilter } from './audit.service.js';

const actions = ['create', 'update', 'delete', 'read'] as const;
const actionNames: Record<(typeof actions)[number], string> = {
  create: 'aangemaakt',
  update: 'gewijzigd',
  delete: 'verwijderd',
  read: 'ingezien',
};

const ZAuditEvent = z
  .object({
    id: z.number().int(),
    at: z.string().describe('Tijdstip (ISO 8601)'),
    userId: z.uuid().nullable().describe('Het account dat handelde; leeg voor het systeem en de opdrachtregel'),
    userEmail: z.string(),
    action: z.enum(actions),
    entity: z.string(),
    entityId: z.string(),
    label: z.string().nullable().describe('De naam van het object op het moment van de gebeurtenis'),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEvent');

const ZAuditFilter = z.object({
  userId: z.uuid('userId: geen geldig account').optional().describe('Alleen wat deze persoon deed'),
  entity: z.string().max(60).optional().describe('Soort object: contract, product, budget, user, …'),
  entityId: z.string().max(100).optional().describe('Eén object, bij zijn id'),
  action: z.enum(actions, { message: `action: kies een van ${actions.join(', ')}` }).optional(),
  from: isoDate('from').optional().describe('Vanaf deze dag (Nederlandse tijd)'),
  to: isoDate('to').optional().describe('Tot en met deze dag'),
  q: z.string().max(200, 'q: hoogstens 200 tekens').optional().describe('Zoekt in objectnaam, id en e-mailadres'),
});

function checkedFilter<T extends AuditFilter>(filter: T): T {
  if (filter.from && filter.to && filter.from > filter.to)
    throw fieldError('to', 'de einddatum ligt vóór de begindatum');
  return filter;
}

/** An export holds at most this many events; a note in the file says when more matched. */
const exportLimit = 50_000;

export const auditRoutes = new OpenAPIHono<AppEnv>();

auditRoutes.openapi(
  defineRoute({
    permission: 'audit.read',
    method: 'get',
    path: '/audit-events',
    tags: ['Audit'],
    summary: 'Wijzigingen in stamgegevens en inzage in cliëntgegevens (alleen beheerder), te filteren',
    request: { query: ZPageQuery.merge(ZAuditFilter) },
    responses: {
      200: json(paged(ZAuditEvent, 'AuditEventPage'), 'Een pagina audit-events, nieuwste eerst'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const query = checkedFilter(c.req.valid('query'));
    const { items, total } = await listAuditEvents(c.get('db'), actorOf(c), query);
    return c.json(toPage(c, items as z.infer<typeof ZAuditEvent>[], total, query), 200);
  },
);

auditRoutes.openapi(
  defineRoute({
    permission: 'audit.read',
    method: 'get',
    path: '/audit-events/export',
    tags: ['Audit'],
    summary: 'De gefilterde audit-events als CSV of XLSX (alleen beheerder)',
    description: `Dezelfde filters als de lijst; nieuwste eerst, hoogstens ${exportLimit.toLocaleString('nl-NL')} regels.`,
    request: { query: ZAuditFilter.extend({ format: zSpreadsheetFormat('xlsx') }) },
    responses: { 200: spreadsheetResponse('Het audit-log'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const { format, ...filter } = checkedFilter(c.req.valid('query'));
    const events = await exportAuditEvents(c.get('db'), actorOf(c), filter, exportLimit + 1);
    const rows: Cell[][] = [
      ['Tijdstip', 'Gebruiker', 'Actie', 'Soort object', 'Object', 'Id', 'Voor', 'Na'],
      ...events
        .slice(0, exportLimit)
        .map((e) => [
          e.at,
          e.userEmail,
          actionNames[e.action],
          e.entity,
          e.label,
          e.entityId,
          e.before === null ? null : JSON.stringify(e.before),
          e.after === null ? null : JSON.stringify(e.after),
        ]),
    ];
    const notes =
      events.length > exportLimit ? [`Alleen de nieuwste ${exportLimit} gebeurtenissen; verfijn het filter.`] : [];
    return sendSpreadsheet(
      c,
      { name: 'audit-log', rows, sheet: 'Audit-log', notes, widths: [22, 30, 12, 16, 30, 38, 40, 40] },
      format,
    );
  },
);
