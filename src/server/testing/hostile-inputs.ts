import type { Probe } from './matrix-operations.js';

/**
 * Hostile variants of one valid request, derived from the operation's OpenAPI description: what an attacker or a
 * broken client sends. Each variant says what the server must do with it: `refuse` (a 4xx problem, nothing
 * written) or, for a value exactly at a declared maximum, `hold` (any answer but a server error).
 */
export interface Hostile {
  what: string;
  expect: 'refuse' | 'hold';
  path: string;
  query: Record<string, string>;
  /** The raw body text; undefined sends none. */
  body?: string;
  contentType?: string;
}

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  maximum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

export interface DocumentOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  components?: { schemas?: Record<string, Schema> };
}

const nul = '\u0000';
/** Far beyond every length limit, yet small enough to stay under the 1 MB body limit. */
const huge = 'x'.repeat(100_000);
const hugeNumber = 1e308;
const farDates = ['0000-01-01', '9999-12-31'];
const periodNames = new Set(['period', 'quarter']);
const farPeriods = ['0000', '9999', '9999Q4', '9999-12', '0000-01-01/0000-12-31', '2025-01-01/9999-12-31'];

/** Follows `$ref` and picks the non-null branch of a nullable union, so a field shows its own type. */
function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  const union = schema.anyOf ?? schema.oneOf;
  if (union)
    return resolve(
      doc,
      union.find((s) => resolve(doc, s).type !== 'null'),
    );
  return schema;
}

function typesOf(schema: Schema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

/** The values that must be refused (or held) for a field of this schema, with the field's current value. */
function fieldValues(
  schema: Schema,
  current: unknown,
  key: string,
  name: string,
): Array<[string, unknown, Hostile['expect']]> {
  const types = typesOf(schema);
  const out: Array<[string, unknown, Hostile['expect']]> = [];
  if (types.includes('string')) {
    out.push([`NUL in ${name}`, `${typeof current === 'string' ? current : 'a'}${nul}`, 'refuse']);
    out.push([`a 100,000-character ${name}`, huge, 'refuse']);
    if (schema.format === 'date') for (const d of farDates) out.push([`${name} ${d}`, d, 'refuse']);
    if (periodNames.has(key)) for (const p of farPeriods) out.push([`${name} ${p}`, p, 'refuse']);
  }
  if (types.includes('number') || types.includes('integer')) {
    if (schema.maximum !== undefined) {
      out.push([`${name} at its maximum ${schema.maximum}`, schema.maximum, 'hold']);
      out.push([`${name} above its maximum`, schema.maximum + 1, 'refuse']);
    }
    out.push([`${name} ${hugeNumber}`, hugeNumber, 'refuse']);
  }
  return out;
}

function setAt(target: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** Every field of the body schema that the valid body reaches (nested objects and the first item of arrays). */
function bodyFields(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; schema: Schema; current: unknown }> {
  const resolved = resolve(doc, schema);
  const fields: Array<{ path: Array<string | number>; schema: Schema; current: unknown }> = [];
  for (const [key, property] of Object.entries(resolved.properties ?? {})) {
    const field = resolve(doc, property);
    const current = (value as Record<string, unknown> | undefined)?.[key];
    if (typesOf(field).includes('object') && current && typeof current === 'object')
      fields.push(...bodyFields(doc, field, current, [...path, key]));
    else if (typesOf(field).includes('array') && Array.isArray(current) && current.length) {
      const item = resolve(doc, field.items);
      if (typesOf(item).includes('object')) fields.push(...bodyFields(doc, item, current[0], [...path, key, 0]));
      else fields.push({ path: [...path, key, 0], schema: item, current: current[0] });
    } else fields.push({ path: [...path, key], schema: field, current });
  }
  return fields;
}

const json = 'application/json';

/** The hostile variants of `probe`, an operation's valid request as the permission matrix sends it. */
export function hostileVariants(
  doc: OpenApiDocument,
  documentPath: string,
  operation: DocumentOperation,
  probe: Probe,
): Hostile[] {
  const query = probe.query ?? {};
  const validBody = probe.body === undefined ? undefined : JSON.stringify(probe.body);
  const base = {
    path: probe.path,
    query,
    ...(validBody === undefined ? {} : { body: validBody, contentType: json }),
  };
  const out: Hostile[] = [];
  const parameters = operation.parameters ?? [];

  const segments = documentPath.split('/');
  const actual = probe.path.split('/');
  for (const p of parameters.filter((x) => x.in === 'path')) {
    const index = segments.indexOf(`{${p.name}}`);
    for (const [what, value] of [
      [`NUL in path ${p.name}`, `${actual[index]}%00`],
      [`path ${p.name} __proto__`, '__proto__'],
      [`path ${p.name} constructor`, 'constructor'],
      [`a 5,000-character path ${p.name}`, 'x'.repeat(5000)],
    ] as const) {
      const path = actual.map((s, i) => (i === index ? value : s)).join('/');
      out.push({ ...base, what, expect: 'refuse', path });
    }
  }

  for (const p of parameters.filter((x) => x.in === 'query')) {
    for (const [what, value, expect] of fieldValues(resolve(doc, p.schema), query[p.name], p.name, `query ${p.name}`)) {
      out.push({ ...base, what, expect, query: { ...query, [p.name]: String(value) } });
    }
  }
  for (const key of ['__proto__', 'constructor'])
    out.push({ ...base, what: `query key ${key}`, expect: 'refuse', query: { ...query, [key]: 'x' } });

  const bodySchema = operation.requestBody?.content?.[json]?.schema;
  if (bodySchema && probe.body !== undefined) {
    for (const field of bodyFields(doc, bodySchema, probe.body)) {
      for (const [what, value, expect] of fieldValues(
        field.schema,
        field.current,
        String(field.path.at(-1)),
        field.path.join('.'),
      )) {
        out.push({ ...base, what, expect, body: JSON.stringify(setAt(probe.body, field.path, value)) });
      }
    }
    const members = validBody!.slice(1);
    out.push(
      { ...base, what: 'an empty JSON object', expect: 'refuse', body: '{}' },
      { ...base, what: 'no body at all', expect: 'refuse', body: '' },
      { ...base, what: 'malformed JSON', expect: 'refuse', body: validBody!.slice(0, -1) },
      { ...base, what: 'the body as text/plain', expect: 'refuse', contentType: 'text/plain' },
      { ...base, what: 'the body as a form', expect: 'refuse', contentType: 'application/x-www-form-urlencoded' },
      { ...base, what: 'a body key __proto__', expect: 'refuse', body: `{"__proto__":{"polluted":true},${members}` },
      { ...base, what: 'a body key constructor', expect: 'refuse', body: `{"constructor":{"prototype":1},${members}` },
      { ...base, what: 'a 2 MB body', expect: 'refuse', body: `{"pad":"${'x'.repeat(2_000_000)}",${members}` },
    );
  }
  return out;
}
