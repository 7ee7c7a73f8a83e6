import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { json, problems } from '../../../http/openapi.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { importCentroids, parseCentroidsCsv } from './postcodes.service.js';

export const postcodeRoutes = new OpenAPIHono<AppEnv>();

postcodeRoutes.openapi(
  defineRoute({
    permission: 'postcodes.import',
    method: 'post',
    path: '/postcode-centroids',
    tags: ['Regio'],
    summary: 'De middelpunten van postcodegebieden (PC4) inlezen, als CSV',
    description:
      'Kolommen postcode4, latitude en longitude (WGS84) en naar keuze gemeentecode (CBS), gescheiden door komma, puntkomma of tab; uit de open data van CBS/PDOK (docs/availability.md). Elke regel wordt gecontroleerd; één foute regel en er wordt niets ingelezen. Een bekende postcode krijgt het nieuwe punt.',
    request: {
      body: {
        // A plain schema: the handler reads and checks the text itself, row by row.
        content: { 'text/csv': { schema: { type: 'string' } } },
        required: true,
      },
    },
    responses: {
      200: json(
        z
          .object({
            imported: z.number().int().describe('Ingelezen regels'),
            total: z.number().int().describe('Bekende postcodegebieden na het inlezen'),
          })
          .openapi('PostcodeCentroidImport'),
        'Ingelezen',
      ),
      ...problems(400, 401, 403),
    },
  }),
  async (c) => c.json(await importCentroids(c.get('db'), actorOf(c), parseCentroidsCsv(await c.req.text())), 200),
);
