import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { limits, patterns } from '../../shared/domain.js';

export const ZInvalidParam = z.object({
  name: z.string().describe('Het veld, als pad: "locations.0.postcode"'),
  code: z.string().describe('Welke regel het veld breekt'),
  reason: z.string().describe('Uitleg in het Nederlands'),
});

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    invalidParams: z.array(ZInvalidParam).optional(),
  })
  .openapi('Problem');

const problemText: Record<number, string> = {
  400: 'Ongeldige invoer; invalidParams noemt elk veld',
  401: 'Niet ingelogd',
  403: 'Rol of aanbieder geeft geen toegang',
  404: 'Niet gevonden',
  409: 'Botst met bestaande gegevens (dubbele code, overlappende periode)',
  410: 'Niet meer geldig (een eenmalige link die gebruikt, vervangen of verlopen is)',
  429: 'Te veel pogingen; Retry-After zegt na hoeveel seconden het weer kan',
  503: 'Tijdelijk niet beschikbaar (de cijfers worden opgebouwd); probeer het later opnieuw',
};

/** The problem+json responses a route can give, for the OpenAPI document. */
export function problems(...statuses: Array<400 | 401 | 403 | 404 | 409 | 410 | 429 | 503>) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: problemText[s]!, content: { 'application/problem+json': { schema: ZProblem } } },
    ]),
  ) as Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ZProblem } } }>;
}

/**
 * A calendar date (YYYY-MM-DD) the API answers with. Documented as `format: date` so clients and the NL API Design
 * Rules checker know it carries no time or zone; responses are not validated, so this only shapes the document.
 */
export const ZDate = z.iso.date();

/**
 * A calendar date in a request: the pattern's message says how to write it, the refinement catches days that do not
 * exist (2025-02-30), each in Dutch and naming the field.
 */
export function isoDate(label: string) {
  return z
    .string()
    .regex(patterns.isoDate, `${label} moet een datum zijn (JJJJ-MM-DD)`)
    .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), `${label} bestaat niet`)
    .refine(
      (s) => Number(s.slice(0, 4)) >= limits.yearMin && Number(s.slice(0, 4)) <= limits.yearMax,
      `${label} moet tussen ${limits.yearMin} en ${limits.yearMax} liggen`,
    )
    .openapi({ format: 'date' });
}

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The middleware in app.ts sends `API-Version` on every response, errors and redirects included; declaring it here,
 * on every response of the finished document, keeps the two in step without each route having to repeat it
 * (NL API Design Rules, /core/version-header).
 */
export function declareVersionHeader(document: OpenApiDocument, version: string): OpenApiDocument {
  const header = { $ref: '#/components/headers/API-Version' };
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of methods) {
      for (const response of Object.values(item[method]?.responses ?? {})) {
        if (!('$ref' in response)) response.headers = { 'API-Version': header, ...response.headers };
      }
    }
  }
  const apiVersion = {
    description: 'De volledige versie van de API (semver)',
    schema: { type: 'string' as const, example: version },
  };
  document.components = {
    ...document.components,
    headers: { ...document.components?.headers, 'API-Version': apiVersion },
  };
  return document;
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('Paginanummer, vanaf 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(limits.pageSizeMax)
    .default(limits.pageSizeDefault)
    .describe('Aantal per pagina'),
});
export type PageQuery = z.infer<typeof ZPageQuery>;

const ZLink = z.object({ href: z.string() });

/** A page of items with HAL-style links, as the NL API Design Rules' pagination module describes. */
export function paged<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      page: z.object({
        number: z.number().int(),
        size: z.number().int(),
        totalElements: z.number().int(),
        totalPages: z.number().int(),
      }),
      _links: z.object({ self: ZLink, first: ZLink, last: ZLink, prev: ZLink.optional(), next: ZLink.optional() }),
    })
    .openapi(name);
}

/** Builds the page envelope and sets the pagination headers from the request's own URL. */
export function toPage<T>(c: Context, items: T[], total: number, query: PageQuery) {
  const totalPages = Math.max(1, Math.ceil(total / query.pageSize));
  const link = (page: number) => {
    const url = new URL(c.req.url);
    url.searchParams.set('page', String(page));
    url.searchParams.set('pageSize', String(query.pageSize));
    return { href: `${url.pathname}${url.search}` };
  };
  c.header('X-Total-Count', String(total));
  c.header('X-Pagination-Page', String(query.page));
  c.header('X-Pagination-Limit', String(query.pageSize));
  return {
    data: items,
    page: { number: query.page, size: query.pageSize, totalElements: total, totalPages },
    _links: {
      self: link(query.page),
      first: link(1),
      last: link(totalPages),
      ...(query.page > 1 ? { prev: link(query.page - 1) } : {}),
      ...(query.page < totalPages ? { next: link(query.page + 1) } : {}),
    },
  };
}

export const ZIdParam = z.object({
  id: z.uuid({ message: 'moet een geldige id (uuid) zijn' }).openapi({ param: { name: 'id', in: 'path' } }),
});
