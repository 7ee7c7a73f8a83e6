import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { queryRows, type Db } from '../../db/client.js';
import type { ParsedMessage } from './messages.js';
import type {
  ijwAllocations,
  ijwAnswers,
  ijwDeclarationLines,
  ijwDeclarations,
  ijwDeliveries,
  ijwReceivedRetours,
  ijwRequests,
} from '../../db/schema/index.js';
import { arrayParam, insertRows } from './sql-arrays.js';
import {
  allocationColumns,
  allocationUpdates,
  answerColumns,
  clientColumns,
  declarationColumns,
  deliveryColumns,
  lineColumns,
  requestColumns,
  retourColumns,
  type ClientRow,
} from './store-columns.js';

/**
 * Keys whose trajectories an import changed, as `municipality|allocation number`: allocations a JW301 (re)made, the
 * earliest start and the last stop per allocation in this batch; and taakgericht starts keyed on product.
 */
export interface TouchedKeys {
  allocations: Set<string>;
  starts: Map<string, string>;
  stops: Map<string, { endDate: string | null; endReason: string | null }>;
  taak: Set<string>;
}

/** The logical key of a start or stop being withdrawn (StatusAanlevering 3). */
interface Withdrawal {
  kind: 'start' | 'stop';
  municipalityCode: string;
  providerAgb: string;
  clientPseudonym: string;
  allocationNumber: string | null;
  productCategory: string | null;
  productCode: string | null;
  date: string;
}

/**
 * The rows a batch of accepted messages adds, gathered first and written with one `insert … select from unnest(…)`
 * per table: a few statements per batch instead of several per file, each with one parameter per column.
 */
export class RowSink {
  readonly touched: TouchedKeys = { allocations: new Set(), starts: new Map(), stops: new Map(), taak: new Set() };
  private readonly clients = new Map<string, [year: number | null, month: number | null]>();
  private readonly allocations = new Map<string, typeof ijwAllocations.$inferInsert>();
  private readonly deliveries: Array<typeof ijwDeliveries.$inferInsert> = [];
  private readonly requests: Array<typeof ijwRequests.$inferInsert> = [];
  private readonly answers: Array<typeof ijwAnswers.$inferInsert> = [];
  private readonly declarations: Array<typeof ijwDeclarations.$inferInsert> = [];
  private readonly lines: Array<typeof ijwDeclarationLines.$inferInsert> = [];
  private readonly retours: Array<typeof ijwReceivedRetours.$inferInsert> = [];
  private readonly withdrawals: Withdrawal[] = [];
  /** Trajectory keys of withdrawn taakgericht starts. */
  private readonly withdrawnTaak: string[] = [];

  /** Adds one accepted message's rows; later messages in the batch win for the same allocation (a change). */
  add(fileId: string, message: ParsedMessage): void {
    const { municipalityCode, providerAgb, messageDate } = message.header;
    const base = { fileId, municipalityCode, providerAgb };
    if ('client' in message) {
      const known = this.clients.get(message.client.pseudonym);
      const { birthYear, birthMonth } = message.client;
      this.clients.set(
        message.client.pseudonym,
        birthYear !== null ? [birthYear, birthMonth] : (known ?? [null, null]),
      );
    }
    switch (message.type) {
      case 'RETOUR':
        this.retours.push({
          ...base,
          retourType: message.retourType,
          originalMessageId: message.header.messageId,
          retourDate: message.retourDate,
          codes: message.codes,
        });
        break;
      case 'JW301':
        for (const a of message.allocations) {
          const key = `${municipalityCode}|${a.allocationNumber}`;
          const { path: _path, ...row } = a;
          // A changed allocation keeps the reference of the request that started it, or none if it had none (as the
          // upsert below does across batches): a change after a JW317 carries the JW317's reference.
          const earlier = this.allocations.get(key);
          this.allocations.set(key, {
            ...base,
            ...row,
            providerReference: earlier ? earlier.providerReference : a.providerReference,
            clientPseudonym: message.client.pseudonym,
          });
          this.touched.allocations.add(key);
        }
        break;
      case 'JW305':
      case 'JW307':
        for (const d of message.deliveries) {
          if (d.status === '3') {
            this.withdraw({
              ...base,
              kind: message.type === 'JW305' ? 'start' : 'stop',
              clientPseudonym: message.client.pseudonym,
              allocationNumber: d.allocationNumber,
              productCategory: d.productCategory,
              productCode: d.productCode,
              date: d.date,
            });
            continue;
          }
          this.deliveries.push({
            ...base,
            kind: message.type === 'JW305' ? 'start' : 'stop',
            clientPseudonym: message.client.pseudonym,
            allocationNumber: d.allocationNumber,
            productCategory: d.productCategory,
            productCode: d.productCode,
            allocationStartDate: d.allocationStartDate,
            date: d.date,
            endDate: d.endDate,
            endReason: d.endReason,
          });
          if (d.allocationNumber) {
            const key = `${municipalityCode}|${d.allocationNumber}`;
            const first = this.touched.starts.get(key);
            if (message.type === 'JW305')
              this.touched.starts.set(key, first !== undefined && first < d.date ? first : d.date);
            else this.touched.stops.set(key, { endDate: d.endDate, endReason: d.endReason });
          } else
            this.touched.taak.add(
              taakCare(municipalityCode, providerAgb, message.client.pseudonym, d.productCategory, d.productCode),
            );
        }
        break;
      case 'JW315':
      case 'JW317':
        for (const r of message.requests) {
          this.requests.push({
            ...base,
            kind: message.type === 'JW315' ? 'toewijzing' : 'wijziging',
            clientPseudonym: message.client.pseudonym,
            requestDate: messageDate,
            providerReference: r.providerReference,
            allocationNumber: r.allocationNumber,
            productCategory: r.productCategory,
            productCode: r.productCode,
            requestedStart: r.requestedStart,
            requestedEnd: r.requestedEnd,
            volume: r.volume,
            unit: r.unit,
            frequency: r.frequency,
            referrerType: r.referrerType,
          });
        }
        break;
      case 'JW319':
        this.answers.push({
          ...base,
          clientPseudonym: '',
          answerDate: messageDate,
          requestReference: message.answer.reference,
          honoured: message.answer.answer,
          refusalReason: message.answer.refusalReason,
        });
        break;
      case 'JW323': {
        const d = message.declaration;
        const declarationId = uuidv7();
        this.declarations.push({
          ...base,
          id: declarationId,
          declarationNumber: d.number,
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
          totalCents: d.credit ? -d.totalCents : d.totalCents,
        });
        for (const c of message.clients) {
          for (const l of c.lines) {
            this.lines.push({
              declarationId,
              municipalityCode,
              clientPseudonym: c.pseudonym,
              allocationNumber: l.allocationNumber,
              productCategory: l.productCategory,
              productCode: l.productCode,
              periodStart: l.periodStart,
              periodEnd: l.periodEnd,
              volume: l.volume,
              unit: l.unit,
              tariffCents: l.tariffCents,
              amountCents: l.credit ? -l.amountCents : l.amountCents,
            });
          }
        }
        break;
      }
    }
  }

  /**
   * A withdrawn start or stop (StatusAanlevering 3, IV008): the earlier delivery with the same logical key goes. One
   * delivered earlier in this batch is simply not written; one in the database is deleted at flush, before this batch's
   * deliveries are written (a replacement may have the same key). Its trajectory is rebuilt whole; a withdrawn
   * taakgericht start takes its trajectory with it.
   */
  private withdraw(w: Withdrawal): void {
    const same = (r: typeof ijwDeliveries.$inferInsert) =>
      r.kind === w.kind &&
      r.date === w.date &&
      r.municipalityCode === w.municipalityCode &&
      (w.allocationNumber
        ? r.allocationNumber === w.allocationNumber
        : !r.allocationNumber &&
          r.providerAgb === w.providerAgb &&
          r.clientPseudonym === w.clientPseudonym &&
          (r.productCategory ?? null) === w.productCategory &&
          (r.productCode ?? null) === w.productCode);
    const pending = this.deliveries.findIndex(same);
    if (pending >= 0) this.deliveries.splice(pending, 1);
    else this.withdrawals.push(w);
    if (w.allocationNumber) this.touched.allocations.add(`${w.municipalityCode}|${w.allocationNumber}`);
    else {
      const care = taakCare(w.municipalityCode, w.providerAgb, w.clientPseudonym, w.productCategory, w.productCode);
      this.touched.taak.add(care);
      // The trajectory key of taakgericht care (trajectories.ts): T|care|begindatum.
      if (w.kind === 'start') this.withdrawnTaak.push(`T|${care}|${w.date}`);
    }
  }

  /** Writes everything gathered, in the caller's transaction, parents before children: one statement per table. */
  async flush(db: Db): Promise<void> {
    // A client row changes only when a message brings a birth year or month it did not have (a correction: the latest wins).
    // A changed client's trajectories take it too, also those this batch does not touch. Such changes are rare, and
    // trajectories have no index on the client, so one scan serves all of a batch's changed clients. A row the upsert
    // updated has its xmax set; one it inserted (a new client, with no trajectories yet) has xmax 0.
    const changed = await insertRows<ClientRow, { pseudonym: string; updated: boolean }>(
      db,
      'ijw_clients',
      clientColumns,
      [...this.clients].map(([pseudonym, [year, month]]) => [pseudonym, year, month]),
      sql`on conflict (pseudonym) do update set birth_year = excluded.birth_year, birth_month = excluded.birth_month
        where excluded.birth_year is not null
          and (excluded.birth_year, excluded.birth_month) is distinct from (ijw_clients.birth_year, ijw_clients.birth_month)
      returning pseudonym, xmax::text <> '0' as updated`,
    );
    const corrected = changed.filter((c) => c.updated).map((c) => c.pseudonym);
    if (corrected.length) {
      await db.execute(sql`update ijw_trajectories t set birth_year = c.birth_year, birth_month = c.birth_month, updated_at = now()
        from ijw_clients c where c.pseudonym = any(${arrayParam(corrected)}) and t.client_pseudonym = c.pseudonym
          and (t.birth_year, t.birth_month) is distinct from (c.birth_year, c.birth_month)`);
    }
    // A changed allocation replaces the earlier one but keeps the reference of the request that started it.
    await insertRows(
      db,
      'ijw_allocations',
      allocationColumns,
      [...this.allocations.values()],
      sql`on conflict (municipality_code, allocation_number)
      do update set ${sql.raw(allocationUpdates)}`,
    );
    for (const w of this.withdrawals) {
      await db.execute(sql`
        delete from ijw_deliveries where kind = ${w.kind} and municipality_code = ${w.municipalityCode} and date = ${w.date}::date and ${
          w.allocationNumber
            ? sql`allocation_number = ${w.allocationNumber}`
            : sql`allocation_number is null and provider_agb = ${w.providerAgb} and client_pseudonym = ${w.clientPseudonym}
            and product_category is not distinct from ${w.productCategory} and product_code is not distinct from ${w.productCode}`
        }`);
    }
    if (this.withdrawnTaak.length) {
      await db.execute(sql`with gone as (delete from ijw_trajectories where trajectory_key = any(${arrayParam(this.withdrawnTaak)}) returning id)
        insert into ijw_trajectory_tombstones (trajectory_id) select id from gone`);
    }
    await insertRows(db, 'ijw_deliveries', deliveryColumns, this.deliveries);
    await insertRows(db, 'ijw_requests', requestColumns, this.requests);
    await this.touchRequested(db);
    await insertRows(db, 'ijw_answers', answerColumns, this.answers);
    await insertRows(db, 'ijw_declarations', declarationColumns, this.declarations);
    await insertRows(db, 'ijw_declaration_lines', lineColumns, this.lines);
    await insertRows(db, 'ijw_received_retours', retourColumns, this.retours);
  }

  /**
   * A request usually comes before its allocation, but files from the municipality's and the provider's side may be
   * imported in either order. An allocation imported earlier that a request of this batch started (the same provider's
   * reference, TR379) is rebuilt whole, so its trajectory gains the request date and the referrer.
   */
  private async touchRequested(db: Db): Promise<void> {
    const refs = this.requests.filter((r) => r.providerReference);
    if (!refs.length) return;
    const rows = await queryRows<{ key: string }>(
      db,
      sql`
      select municipality_code || '|' || allocation_number as key from ijw_allocations
      where provider_reference is not null and (municipality_code, provider_agb, provider_reference) in (select * from unnest(
        ${arrayParam(refs.map((r) => r.municipalityCode))}, ${arrayParam(refs.map((r) => r.providerAgb))}, ${arrayParam(refs.map((r) => r.providerReference))}))`,
    );
    for (const r of rows) this.touched.allocations.add(r.key);
  }
}

/** Taakgericht care of one client (TouchedKeys.taak): municipality|provider|client|productcategorie|productcode. */
function taakCare(
  m: string,
  p: string,
  client: string,
  category: string | null | undefined,
  code: string | null | undefined,
): string {
  return `${m}|${p}|${client}|${category ?? ''}|${code ?? ''}`;
}
