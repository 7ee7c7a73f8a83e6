import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

type Scalar = string | number | boolean | null | undefined;

/**
 * A whole column as one PostgreSQL array literal ('{"a",NULL,"b"}'), passed as a single text parameter. Both drivers
 * then send a handful of parameters per statement instead of one per value: building and binding a statement with
 * tens of thousands of parameters is what made multi-row inserts slow, on PGlite most of all.
 */
export function arrayLiteral(values: readonly Scalar[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`geen eindig getal: ${v}`);
      out += String(v);
    } else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += `"${v.includes('"') || v.includes('\\') ? v.replace(/[\\"]/g, '\\$&') : v}"`;
  }
  return `${out}}`;
}

/** An array parameter with its element type, e.g. `textArray(keys)` → `$1::text[]`. */
export function arrayParam(values: readonly Scalar[], type = 'text'): SQL {
  return sql`${sql.param(arrayLiteral(values))}::${sql.raw(type)}[]`;
}

/** One column of an insert: its name, its PostgreSQL type and how to read it from a row. */
export type Column<R> = readonly [name: string, type: string, read: (row: R) => Scalar];

/**
 * Inserts rows with `insert … select from unnest($1::t1[], $2::t2[], …)`: one statement and one parameter per column
 * however many rows, the same on PGlite and PostgreSQL. `tail` may add an `on conflict` or a `returning` clause, whose
 * rows are returned.
 */
export async function insertRows<R, Out extends Record<string, unknown> = Record<string, unknown>>(
  db: Db,
  table: string,
  columns: ReadonlyArray<Column<R>>,
  rows: readonly R[],
  tail?: SQL,
): Promise<Out[]> {
  if (!rows.length) return [];
  const arrays = columns.map(([, type, read]) => arrayParam(rows.map(read), type));
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  // In row order, so serial ids follow the order of the messages (the latest stop is the one with the highest id).
  return queryRows<Out>(
    db,
    sql`insert into ${sql.raw(table)} (${sql.raw(names)})
    select ${sql.raw(names)} from unnest(${sql.join(arrays, sql`, `)}) with ordinality as u(${sql.raw(names)}, "ord") order by "ord" ${tail ?? sql``}`,
  );
}

/** Bytes as PostgreSQL's hex text form, for a bytea array element. */
export function hexBytes(bytes: Buffer | null): string | null {
  return bytes ? `\\x${bytes.toString('hex')}` : null;
}
