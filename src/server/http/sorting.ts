import { z } from '@hono/zod-openapi';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyColumn } from 'drizzle-orm';

/**
 * The `sort` parameter of a paged list: one of its sort keys, with a leading minus for descending (`sort=-startDate`),
 * as the NL API Design Rules' extensions describe. The list is sorted on the server, so page 3 of a sorted list is
 * the third page of the whole sorted list, not a sorted third page.
 */
export function sortParam<K extends string>(keys: readonly [K, ...K[]]) {
  const allowed = keys.flatMap((k) => [k, `-${k}`]);
  return z
    .string()
    .refine((v) => allowed.includes(v), { message: `moet een van ${allowed.join(', ')} zijn` })
    .optional()
    .describe(`Sorteren op een kolom: ${keys.join(', ')}; met een minteken ervoor aflopend (bv. -${keys[0]})`)
    .openapi({ enum: allowed });
}

/**
 * The ORDER BY of a sorted list: the chosen column (nulls last either way, so empty cells never lead a list), then the
 * list's own order as the tiebreak that keeps paging stable. Without a sort, the list's own order alone.
 */
export function sortOrder(sort: string | undefined, columns: Record<string, AnyColumn | SQL>, fallback: SQL[]): SQL[] {
  if (!sort) return fallback;
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  if (!column) return fallback;
  return [descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, ...fallback];
}
