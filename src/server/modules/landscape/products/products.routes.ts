import { OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, paged, problems, toPage, ZIdParam, ZPageQuery } from '../../../http/openapi.js';
import { ZProduct, ZProductCreate, ZProductQuery, ZProductUpdate } from './products.schema.js';
import { createProduct, getProduct, listProducts, updateProduct } from './products.service.js';

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
