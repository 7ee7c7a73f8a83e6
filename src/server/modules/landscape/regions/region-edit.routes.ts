import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../http/context.js';
import { actorOf, defineRoute } from '../../../http/permission.js';
import { body, json, problems, ZIdParam } from '../../../http/openapi.js';
import { renameRegion, updateRegionPart } from './region-edit.service.js';
import { ZBudgetLineUpdate, ZCodedUpdate, ZRegion, ZRegionUpdate } from './regions.schema.js';

/** Renaming a region and renaming, retiring or restoring its municipalities, lots and budget lines. */
export const regionEditRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Regio'];

regionEditRoutes.openapi(
  defineRoute({
    permission: 'regions.edit',
    method: 'patch',
    path: '/regions/{id}',
    tags,
    summary: 'Regio hernoemen (de code blijft)',
    request: { params: ZIdParam, ...body(ZRegionUpdate) },
    responses: { 200: json(ZRegion, 'De regio'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => c.json(await renameRegion(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
);

const ZPart = z.object({ id: z.uuid(), code: z.string(), name: z.string(), retired: z.boolean() });
const parts = [
  {
    part: 'municipality',
    path: 'municipalities',
    what: 'Gemeente',
    schema: ZCodedUpdate,
    response: ZPart.omit({ code: true }).extend({ cbsCode: z.string() }),
  },
  { part: 'lot', path: 'lots', what: 'Perceel', schema: ZCodedUpdate, response: ZPart },
  {
    part: 'budget-line',
    path: 'budget-lines',
    what: 'Begrotingspost',
    schema: ZBudgetLineUpdate,
    response: ZPart.extend({ productCategories: z.array(z.string()) }),
  },
] as const;

for (const { part, path, what, schema, response } of parts) {
  regionEditRoutes.openapi(
    defineRoute({
      permission: 'regions.edit',
      method: 'patch',
      path: `/${path}/{id}`,
      tags,
      summary: `${what} hernoemen, opheffen of weer in gebruik nemen (de code blijft)`,
      description:
        'Opgeheven blijft in de historie (contracten, budgetten, berichten en cijfers) en verdwijnt uit keuzelijsten.',
      request: { params: ZIdParam, ...body(schema) },
      responses: { 200: json(response, what), ...problems(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        (await updateRegionPart(
          c.get('db'),
          actorOf(c),
          part,
          c.req.valid('param').id,
          c.req.valid('json'),
        )) as z.infer<typeof response>,
        200,
      ),
  );
}
