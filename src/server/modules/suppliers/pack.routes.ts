import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { attachment } from '../../http/download.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { json, problems, ZIdParam } from '../../http/openapi.js';
import { actorOf, defineRoute, providerScope } from '../../http/permission.js';
import { resolveRegion } from '../monitoring/index.js';
import { packFileName, renderPackDocument } from './pack-document.js';
import { ZPackQuery, ZProviderPack } from './pack.schema.js';
import { providerPack } from './pack.service.js';

/** The provider pack (dossier for a meeting with a provider), as data for the page and as an accessible PDF. */
export const packRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Leveranciersmanagement'];
const description =
  'Contracten en percelen met uitgaven tegen het plafond, de kerncijfers met hun ontwikkeling en de regio ernaast (kleine aantallen weggelaten), doelrealisatie, signalen, beschikbaarheid, open acties, escalaties (alleen kenmerken) en de besluiten van het vorige accountgesprek. Een aanbieder krijgt alleen het eigen dossier.';

async function packOf(c: Context<AppEnv>, id: string, query: z.infer<typeof ZPackQuery>) {
  const actor = actorOf(c);
  const own = providerScope(actor, 'providerPack.read');
  if (own && own !== id)
    throw new AppError(ErrorCode.Forbidden, 'U kunt alleen het dossier van uw eigen organisatie inzien.');
  const db = c.get('db');
  const region = await resolveRegion(db, query.region, actor.regionIds);
  return providerPack(db, actor, {
    region: { id: region.id, code: region.code, name: region.name },
    providerId: id,
    quarter: query.quarter,
    meetingId: query.meeting,
    threshold: c.get('config').suppressionThreshold,
  });
}

packRoutes.openapi(
  defineRoute({
    permission: 'providerPack.read',
    method: 'get',
    path: '/providers/{id}/pack',
    tags,
    summary: 'Dossier van een aanbieder voor een overleg, over een kwartaal',
    description,
    request: { params: ZIdParam, query: ZPackQuery },
    responses: { 200: json(ZProviderPack, 'Het dossier'), ...problems(400, 401, 403, 404, 503) },
  }),
  async (c) => c.json(await packOf(c, c.req.valid('param').id, c.req.valid('query')), 200),
);

packRoutes.openapi(
  defineRoute({
    permission: 'providerPack.read',
    method: 'get',
    path: '/providers/{id}/pack/pdf',
    tags,
    summary: 'Dossier van een aanbieder voor een overleg als toegankelijke PDF',
    description,
    request: { params: ZIdParam, query: ZPackQuery },
    responses: {
      200: {
        description: 'De PDF, als bijlage (dossier-<agb>-<kwartaal>.pdf)',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(400, 401, 403, 404, 503),
    },
  }),
  async (c) => {
    const pack = await packOf(c, c.req.valid('param').id, c.req.valid('query'));
    return c.body(new Uint8Array(await renderPackDocument(pack)), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(packFileName(pack)),
      'Cache-Control': 'no-store',
    });
  },
);
