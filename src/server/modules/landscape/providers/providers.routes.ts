import { OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../../http/permission.js';
import type { AppEnv } from '../../../http/context.js';
import { body, json, paged, problems, toPage, ZIdParam, ZPageQuery } from '../../../http/openapi.js';
import { ZProvider, ZProviderCreate, ZProviderQuery, ZProviderUpdate } from './providers.schema.js';
import { createProvider, getProvider, listProviders, updateProvider } from './providers.service.js';

export const providerRoutes = new OpenAPIHono<AppEnv>();
const tags = ['Aanbieders'];

providerRoutes.openapi(
  defineRoute({
    permission: 'providers.read',
    method: 'get',
    path: '/providers',
    tags,
    summary: 'Aanbieders zoeken en filteren',
    description: 'Een aanbieder-gebruiker ziet alleen de eigen organisatie.',
    request: { query: ZPageQuery.extend(ZProviderQuery.shape) },
    responses: { 200: json(paged(ZProvider, 'ProviderPage'), 'Een pagina aanbieders'), ...problems(400, 401, 403) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const { items, total } = await listProviders(c.get('db'), actor, query);
    return c.json(toPage(c, items, total, query), 200);
  },
);

providerRoutes.openapi(
  defineRoute({
    permission: 'providers.create',
    method: 'post',
    path: '/providers',
    tags,
    summary: 'Aanbieder toevoegen',
    request: body(ZProviderCreate),
    responses: { 201: json(ZProvider, 'De nieuwe aanbieder'), ...problems(400, 401, 403, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    const provider = await createProvider(c.get('db'), actor, c.req.valid('json'));
    c.header('Location', `/api/v1/providers/${provider.id}`);
    return c.json(provider, 201);
  },
);

providerRoutes.openapi(
  defineRoute({
    permission: 'providers.read',
    method: 'get',
    path: '/providers/{id}',
    tags,
    summary: 'Eén aanbieder',
    request: { params: ZIdParam },
    responses: { 200: json(ZProvider, 'De aanbieder'), ...problems(400, 401, 403, 404) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await getProvider(c.get('db'), actor, c.req.valid('param').id), 200);
  },
);

providerRoutes.openapi(
  defineRoute({
    permission: 'providers.edit',
    method: 'patch',
    path: '/providers/{id}',
    tags,
    summary: 'Aanbieder wijzigen',
    description:
      'Een aanbieder-gebruiker mag van de eigen organisatie domeinen, specialisaties, website en locaties bijwerken.',
    request: { params: ZIdParam, ...body(ZProviderUpdate) },
    responses: { 200: json(ZProvider, 'De gewijzigde aanbieder'), ...problems(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const actor = actorOf(c);
    return c.json(await updateProvider(c.get('db'), actor, c.req.valid('param').id, c.req.valid('json')), 200);
  },
);
