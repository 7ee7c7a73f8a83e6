import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { json, paged, problems, toPage, ZPageQuery } from '../../http/openapi.js';
import { listAuditEvents } from './audit.service.js';

const ZAuditEvent = z
  .object({
    id: z.number().int(),
    at: z.string().describe('Tijdstip (ISO 8601)'),
    userEmail: z.string(),
    action: z.enum(['create', 'update', 'delete', 'read']),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEvent');

export const auditRoutes = new OpenAPIHono<AppEnv>();

auditRoutes.openapi(
  defineRoute({
    permission: 'audit.read',
    method: 'get',
    path: '/audit-events',
    tags: ['Audit'],
    summary: 'Wijzigingen in stamgegevens (alleen beheerder)',
    request: { query: ZPageQuery.extend({ entity: z.string().optional(), entityId: z.string().optional() }) },
    responses: {
      200: json(paged(ZAuditEvent, 'AuditEventPage'), 'Een pagina audit-events, nieuwste eerst'),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const { items, total } = await listAuditEvents(c.get('db'), actor, query);
    return c.json(toPage(c, items as z.infer<typeof ZAuditEvent>[], total, query), 200);
  },
);
