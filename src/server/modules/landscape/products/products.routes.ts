import { OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, paged, problems, toPage, ZIdParam, ZPageQuery } from '../../../http/openapi.js';
import { ZProduct, ZProductCreate, ZProductQuery, ZProductUpdate } from './products.schema.js';
import { createProduct, getProduct, listProducts, updateProduct } from './products.service.js';
import {
  indexTariffs,
  listMissingTariffs,
  ZMissingTariff,
  ZMissingTariffQuery,
  ZTariffIndexation,
  ZTariffIndexationResult,
} from './tariff-indexation.js';

export const productRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Producten'];

productRoutes.openapi(
  defineRoute({
    permission: 'products.read',
    method: 'get',
    path: '/products',
    tags,
    summary: 'Productenboek van de regio',
    request: { query: ZPageQuery.extend(ZProductQuery.shape) },
    responses: { 200: json(paged(ZProduct, 'ProductPage'), 'Een pagina producten'), ...problems(400, 401) },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listProducts(c.get('db'), actorOf(c), query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

productRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'post',
    path: '/products',
    tags,
    summary: 'Product toevoegen',
    description:
      'Een product heeft een tarief nodig voor elk jaar dat het geldt (tot en met dit jaar als het geen einddatum heeft).',
    request: body(ZProductCreate),
    responses: { 201: json(ZProduct, 'Het nieuwe product'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const product = await createProduct(c.get('db'), actor, c.req.valid('json'));
    c.header('Location', `/api/v1/products/${product.id}`);
    return c.json(product, 201);
  },
);

productRoutes.openapi(
  defineRoute({
    permission: 'products.read',
    method: 'get',
    path: '/products/missing-tariffs',
    tags,
    summary: 'Producten zonder tarief voor een jaar waarin ze gelden',
    request: { query: ZMissingTariffQuery },
    responses: {
      200: json(z.object({ data: z.array(ZMissingTariff) }), 'De producten met de ontbrekende jaren'),
      ...problems(400, 401),
    },
  }),
  async (c) => c.json({ data: await listMissingTariffs(c.get('db'), actorOf(c), c.req.valid('query')) }, 200),
);

const indexationText =
  'Het tarief van een nieuw jaar voor alle producten van een perceel (of alle producten): het tarief van het bronjaar ' +
  'plus het percentage, afgerond op centen volgens de gekozen regel. Een tarief dat er al staat blijft staan; een ' +
  'product zonder tarief in het bronjaar wordt genoemd en overgeslagen.';

productRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'post',
    path: '/tariff-indexation-previews',
    tags,
    summary: 'Voorbeeld van een tariefindexatie (slaat niets op)',
    description: indexationText,
    request: body(ZTariffIndexation),
    responses: { 200: json(ZTariffIndexationResult, 'Het voorbeeld'), ...problems(400, 401, 403) },
  }),
  async (c) => c.json(await indexTariffs(c.get('db'), actorOf(c), c.req.valid('json'), false), 200),
);

productRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'post',
    path: '/tariff-indexations',
    tags,
    summary: 'Een tariefindexatie vastleggen',
    description: `${indexationText} Alles of niets, in het audit-log per product.`,
    request: body(ZTariffIndexation),
    responses: { 201: json(ZTariffIndexationResult, 'Vastgelegd'), ...problems(400, 401, 403) },
  }),
  async (c) => c.json(await indexTariffs(c.get('db'), actorOf(c), c.req.valid('json'), true), 201),
);

productRoutes.openapi(
  defineRoute({
    permission: 'products.read',
    method: 'get',
    path: '/products/{id}',
    tags,
    summary: 'Eén product',
    request: { params: ZIdParam },
    responses: { 200: json(ZProduct, 'Het product'), ...problems(400, 401, 404) },
  }),
  async (c) => {
    return c.json(await getProduct(c.get('db'), actorOf(c), c.req.valid('param').id), 200);
  },
);

productRoutes.openapi(
  defineRoute({
    permission: 'products.edit',
    method: 'patch',
    path: '/products/{id}',
    tags,
    summary: 'Product of tarieven wijzigen',
    request: { params: ZIdParam, ...body(ZProductUpdate) },
    responses: { 200: json(ZProduct, 'Het gewijzigde product'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await updateProduct(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json')), 200);
  },
);
