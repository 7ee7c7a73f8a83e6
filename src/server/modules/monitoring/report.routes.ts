import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { attachment } from '../../http/download.js';
import { problems } from '../../http/openapi.js';
import { kpiPeriods, resolveRegion } from './kpi.service.js';
import { ownProviderAgb } from './monitoring.routes.js';
import { createQuarterlyReport, quarterPattern, quarterReason } from './report/index.js';

export const reportRoutes = new OpenAPIHono<AppEnv>();

const ZQuarterlyReportQuery = z.object({
  quarter: z
    .string()
    .regex(quarterPattern, quarterReason)
    .optional()
    .describe('Kwartaal, bv. 2025Q3; leeg = het laatste volledige kwartaal met gegevens'),
  provider: z
    .string()
    .regex(/^\d{8}$/, 'moet een AGB-code van 8 cijfers zijn')
    .optional()
    .describe('AGB-code: het rapport over alleen deze aanbieder. Een aanbieder krijgt altijd het eigen rapport.'),
  region: z.string().max(60).optional().describe('Regiocode; leeg = de regio van deze installatie'),
});

reportRoutes.openapi(
  defineRoute({
    permission: 'kpis.read',
    method: 'get',
    path: '/reports/quarterly',
    tags: ['Sturingsinformatie'],
    summary: 'Kwartaalrapportage als PDF, per regio of per aanbieder',
    description:
      'Voorblad, kerncijfers (met vorig kwartaal en doel), grafieken per gemeente (of per productcategorie voor een aanbieder), ' +
      'signalen en definities. Cellen met minder dan de drempel aan jeugdigen (standaard 10) staan er als "< 10". ' +
      'Dezelfde cijfers als GET /kpis; ook te maken met `zorglandschap report quarterly`.',
    request: { query: ZQuarterlyReportQuery },
    responses: {
      200: {
        description: 'De PDF, als bijlage (kwartaalrapportage-<regio>[-<agb>]-<kwartaal>.pdf)',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(400, 401, 403, 404, 503),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const db = c.get('db');
    const own = await ownProviderAgb(c, actor);
    if (own && query.provider && query.provider !== own) {
      throw new AppError(ErrorCode.Forbidden, 'U kunt alleen de kwartaalrapportage van uw eigen organisatie opvragen.');
    }
    const region = await resolveRegion(db, query.region, actor.regionIds);
    const quarter = query.quarter ?? (await kpiPeriods(db, region.id)).defaultPeriod;
    const report = await createQuarterlyReport(db, {
      region: region.id,
      quarter,
      provider: own ?? query.provider,
      threshold: c.get('config').suppressionThreshold,
    });
    return c.body(new Uint8Array(report.pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(report.fileName),
      'Cache-Control': 'no-store',
    });
  },
);
