import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { ijwTrajectories, municipalities, providers } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { inOwnRegions, providerScope } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import { recordAudit } from '../audit/index.js';
import { findCareContract, type CareContract } from '../landscape/index.js';

/** One message behind a trajectory, with the file it came in and how that file was answered. */
export interface TrajectoryMessage {
  messageType: string;
  /** What the message says in a word: verzoek, antwoord, toewijzing, start, stop, declaratie. */
  kind: string;
  /** The day the message is about (request, allocation, start or stop date; a declaration's period start). */
  date: string;
  messageDate: string | null;
  receivedAt: string;
  fileId: string;
  fileName: string;
  fileStatus: 'accepted' | 'rejected';
  /** Our retour to the sender exists (a positive one for an accepted file). */
  hasRetour: boolean;
  /** The distinct retour codes the other party sent back about this message (0200: accepted). */
  receivedRetourCodes: string[];
}

export interface TrajectoryMonth {
  month: string;
  volume: number;
  amountCents: number;
  lines: number;
}

/**
 * The messages behind one trajectory. For an allocation: the requests linked by the provider's reference (JW315) or
 * naming the allocation (JW317), the answers to them (JW319), the allocation (JW301), starts and stops (JW305/JW307)
 * and the declarations with a line for it (JW323). For taakgericht care the start and stops that key it.
 */
function messagesSql(t: typeof ijwTrajectories.$inferSelect): SQL {
  if (!t.allocationNumber)
    return sql`
      select d.file_id, case d.kind when 'start' then 'start' else 'stop' end as kind, coalesce(d.end_date, d.date) as day
      from ijw_deliveries d
      where d.allocation_number is null and d.municipality_code = ${t.municipalityCode} and d.provider_agb = ${t.providerAgb}
        and d.client_pseudonym = ${t.clientPseudonym} and d.date = ${t.startDate}
        and d.product_category is not distinct from ${t.productCategory} and d.product_code is not distinct from ${t.productCode}`;
  const [m, n, agb] = [t.municipalityCode, t.allocationNumber, t.providerAgb];
  return sql`
    with alloc as (select * from ijw_allocations where municipality_code = ${m} and allocation_number = ${n}),
    reqs as (select q.* from ijw_requests q, alloc a
      where q.municipality_code = ${m} and q.provider_agb = ${agb}
        and ((a.provider_reference is not null and q.provider_reference = a.provider_reference) or q.allocation_number = ${n}))
    select a.file_id, 'toewijzing' as kind, a.allocation_date as day from alloc a
    union all select q.file_id, case q.kind when 'toewijzing' then 'verzoek' else 'wijzigingsverzoek' end, q.request_date from reqs q
    union all select x.file_id, 'antwoord', x.answer_date from ijw_answers x
      where x.municipality_code = ${m} and x.provider_agb = ${agb} and x.request_reference in (select provider_reference from reqs)
    union all select d.file_id, d.kind, coalesce(d.end_date, d.date) from ijw_deliveries d
      where d.municipality_code = ${m} and d.allocation_number = ${n}
    union all select distinct h.file_id, 'declaratie', h.period_start from ijw_declaration_lines l
      join ijw_declarations h on h.id = l.declaration_id where l.municipality_code = ${m} and l.allocation_number = ${n}`;
}

/** The trajectory row if the actor may read it: of its regions, and for an aanbieder of its own provider. */
async function trajectoryInScope(db: Db, actor: Actor, id: number) {
  const filters: SQL[] = [
    eq(ijwTrajectories.id, id),
    sql`${ijwTrajectories.municipalityCode} in (select ${municipalities.cbsCode} from ${municipalities} where ${inOwnRegions(municipalities.regionId, actor)})`,
  ];
  const ownProvider = providerScope(actor, 'trajectories.read');
  if (ownProvider)
    filters.push(
      sql`${ijwTrajectories.providerAgb} = (select ${providers.agbCode} from ${providers} where ${providers.id} = ${ownProvider})`,
    );
  const [row] = await db
    .select()
    .from(ijwTrajectories)
    .where(and(...filters));
  return row;
}

/**
 * One trajectory as a contract manager needs it when a provider disputes a figure: the messages behind it in the order
 * they were sent, its declarations per month, and the contract and product it ran under. The client stays a
 * pseudonym; the read is logged as access to client data. Another region's or provider's trajectory is unknown (404).
 */
export async function getTrajectoryDetail(db: Db, actor: Actor, id: number) {
  const t = await trajectoryInScope(db, actor, id);
  if (!t) throw new AppError(ErrorCode.NotFound, 'Dit traject is niet bekend.');
  const rows = await queryRows<{
    kind: string;
    day: string;
    file_id: string;
    message_type: string | null;
    message_date: string | null;
    received_at: Date | string;
    file_name: string;
    status: 'accepted' | 'rejected';
    has_retour: boolean;
    message_id: string | null;
    codes: string[] | null;
  }>(
    db,
    sql`
    select m.kind, m.day::text as day, f.id as file_id, f.message_type, f.message_date::text as message_date, f.received_at,
      f.file_name, f.status, (f.retour_encrypted is not null or f.retour_header is not null) as has_retour, f.message_id,
      (select array_agg(distinct c.value ->> 'code') from ijw_received_retours r
        cross join lateral jsonb_array_elements(case jsonb_typeof(r.codes) when 'array' then r.codes else '[]'::jsonb end) c
        where r.original_message_id = f.message_id and r.provider_agb = ${t.providerAgb}
          and r.municipality_code = ${t.municipalityCode}) as codes
    from (select distinct file_id, kind, day from (${messagesSql(t)}) u) m
    join ijw_files f on f.id = m.file_id
    order by coalesce(f.message_date, m.day), f.received_at, m.day, f.file_name`,
  );
  const months = await queryRows<{ month: string; volume: string; amount: string; lines: number }>(
    db,
    sql`select to_char(l.period_start, 'YYYY-MM') as month, sum(l.volume)::text as volume, sum(l.amount_cents)::text as amount,
        count(*)::int as lines
      from ijw_declaration_lines l
      where l.municipality_code = ${t.municipalityCode} and l.allocation_number = ${t.allocationNumber ?? sql`null`}
      group by 1 order by 1`,
  );
  const care: CareContract = await findCareContract(db, {
    municipalityCode: t.municipalityCode,
    providerAgb: t.providerAgb,
    productCode: t.productCode,
    day: t.startDate ?? t.allocationStart,
  });
  const [region] = await db
    .select({ regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.cbsCode, t.municipalityCode));
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'trajectories',
    entityId: String(t.id),
    regionId: region?.regionId ?? actor.regionId,
    label: `traject ${t.clientPseudonym.slice(0, 12)}`,
    after: { id: t.id },
  });
  const messages: TrajectoryMessage[] = rows.map((r) => ({
    messageType: r.message_type ?? '—',
    kind: r.kind,
    date: r.day,
    messageDate: r.message_date,
    receivedAt: new Date(r.received_at).toISOString(),
    fileId: r.file_id,
    fileName: r.file_name.split('/').pop()!,
    fileStatus: r.status,
    hasRetour: r.has_retour,
    receivedRetourCodes: r.codes ?? [],
  }));
  const declarations: TrajectoryMonth[] = months.map((m) => ({
    month: m.month,
    volume: Number(m.volume),
    amountCents: Number(m.amount),
    lines: m.lines,
  }));
  return {
    id: t.id,
    client: t.clientPseudonym.slice(0, 12),
    birthYear: t.birthYear,
    municipalityCode: t.municipalityCode,
    providerAgb: t.providerAgb,
    allocationNumber: t.allocationNumber,
    productCategory: t.productCategory,
    productCode: t.productCode,
    requestDate: t.requestDate,
    allocationStart: t.allocationStart,
    allocationEnd: t.allocationEnd,
    volume: t.volume,
    unit: t.unit,
    frequency: t.frequency,
    startDate: t.startDate,
    endDate: t.endDate,
    endReason: t.endReason,
    fundingVariant: t.allocationNumber ? ('toewijzing' as const) : ('taakgericht' as const),
    declaredCents: declarations.reduce((n, m) => n + m.amountCents, 0),
    messages,
    declarations,
    product: care.product,
    contract: care.contract,
  };
}
