import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { municipalityProducts } from '../landscape/index.js';
import type { ParsedMessage } from './messages.js';
import { arrayParam } from './sql-arrays.js';
import type { Reason } from './write-batch.js';

/** The product codes a message names (allocations, starts and stops, requests, declaration lines). */
export function productCodesOf(message: ParsedMessage): string[] {
  const lines: Array<{ productCode: string | null }> =
    message.type === 'JW301'
      ? message.allocations
      : message.type === 'JW305' || message.type === 'JW307'
        ? message.deliveries
        : message.type === 'JW315' || message.type === 'JW317'
          ? message.requests
          : message.type === 'JW323'
            ? message.clients.flatMap((c) => c.lines)
            : [];
  return [...new Set(lines.map((l) => l.productCode).filter((c): c is string => Boolean(c)))];
}

/**
 * Warnings for accepted messages that name product codes their municipality's region has no product for. The message
 * is valid iJw and stays accepted; its care counts by the rules for its productcategorie (with stay for 43 and 44,
 * no lot) until the region adds the product (docs/kpi.md). Returns the warnings per index of `messages`.
 */
export async function unknownProductWarnings(
  db: Db,
  messages: Array<{ municipality: string; codes: string[] }>,
): Promise<Map<number, Reason[]>> {
  const pairs = messages.flatMap((m, i) => m.codes.map((code) => ({ i, municipality: m.municipality, code })));
  if (!pairs.length) return new Map();
  const unknown = await queryRows<{ municipality: string; code: string }>(
    db,
    sql`
    select distinct x.municipality, x.code
    from unnest(${arrayParam(pairs.map((p) => p.municipality))}, ${arrayParam(pairs.map((p) => p.code))}) as x(municipality, code)
    where not exists (select 1 from (${municipalityProducts}) l where l.cbs_code = x.municipality and l.product_code = x.code)`,
  );
  const isUnknown = new Set(unknown.map((u) => `${u.municipality}|${u.code}`));
  const warnings = new Map<number, Reason[]>();
  for (const p of pairs) {
    if (!isUnknown.has(`${p.municipality}|${p.code}`)) continue;
    const list = warnings.get(p.i) ?? [];
    list.push({
      code: '',
      rule: 'ZL020',
      message: `productcode ${p.code} staat niet in het productenboek van de regio; de stuurinformatie deelt deze zorg in naar de productcategorie, zonder perceel`,
    });
    warnings.set(p.i, list);
  }
  return warnings;
}
