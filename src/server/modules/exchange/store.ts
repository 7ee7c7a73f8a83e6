import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  ijwAllocations, ijwAnswers, ijwClients, ijwDeclarationLines, ijwDeclarations, ijwDeliveries, ijwReceivedRetours, ijwRequests,
} from '../../db/schema/index.js';
import type { ParsedMessage } from './messages.js';

/** Keys whose trajectories an import changed: allocations, and taakgericht starts keyed on product. */
export interface TouchedKeys { allocations: Set<string>; taak: Set<string> }

/**
 * The rows a batch of accepted messages adds, gathered first and written with one multi-row statement per table:
 * a few statements per batch instead of several per file.
 */
export class RowSink {
  readonly touched: TouchedKeys = { allocations: new Set(), taak: new Set() };
  private readonly clients = new Map<string, number | null>();
  private readonly allocations = new Map<string, typeof ijwAllocations.$inferInsert>();
  private readonly deliveries: Array<typeof ijwDeliveries.$inferInsert> = [];
  private readonly requests: Array<typeof ijwRequests.$inferInsert> = [];
  private readonly answers: Array<typeof ijwAnswers.$inferInsert> = [];
  private readonly declarations: Array<typeof ijwDeclarations.$inferInsert> = [];
  private readonly lines: Array<typeof ijwDeclarationLines.$inferInsert> = [];
  private readonly retours: Array<typeof ijwReceivedRetours.$inferInsert> = [];

  /** Adds one accepted message's rows; later messages in the batch win for the same allocation (a change). */
  add(fileId: string, message: ParsedMessage): void {
    const { municipalityCode, providerAgb, messageDate } = message.header;
    const base = { fileId, municipalityCode, providerAgb };
    if ('client' in message) {
      const known = this.clients.get(message.client.pseudonym);
      this.clients.set(message.client.pseudonym, message.client.birthYear ?? known ?? null);
    }
    switch (message.type) {
      case 'RETOUR':
        this.retours.push({ ...base, retourType: message.retourType, originalMessageId: message.header.messageId, retourDate: message.retourDate, codes: message.codes });
        break;
      case 'JW301':
        for (const a of message.allocations) {
          const key = `${municipalityCode}|${a.allocationNumber}`;
          const { path: _path, ...row } = a;
          // A changed allocation keeps the reference of the request that started it (see the upsert below).
          this.allocations.set(key, { ...base, ...row, providerReference: this.allocations.get(key)?.providerReference ?? a.providerReference, clientPseudonym: message.client.pseudonym });
          this.touched.allocations.add(key);
        }
        break;
      case 'JW305':
      case 'JW307':
        for (const d of message.deliveries) {
          this.deliveries.push({
            ...base, kind: message.type === 'JW305' ? 'start' : 'stop', clientPseudonym: message.client.pseudonym,
            allocationNumber: d.allocationNumber, productCategory: d.productCategory, productCode: d.productCode,
            allocationStartDate: d.allocationStartDate, date: d.date, endDate: d.endDate, endReason: d.endReason,
          });
          if (d.allocationNumber) this.touched.allocations.add(`${municipalityCode}|${d.allocationNumber}`);
          else this.touched.taak.add(`${municipalityCode}|${providerAgb}|${message.client.pseudonym}|${d.productCategory ?? ''}|${d.productCode ?? ''}`);
        }
        break;
      case 'JW315':
      case 'JW317':
        for (const r of message.requests) {
          this.requests.push({
            ...base, kind: message.type === 'JW315' ? 'toewijzing' : 'wijziging', clientPseudonym: message.client.pseudonym, requestDate: messageDate,
            providerReference: r.providerReference, allocationNumber: r.allocationNumber, productCategory: r.productCategory, productCode: r.productCode,
            requestedStart: r.requestedStart, requestedEnd: r.requestedEnd, volume: r.volume, unit: r.unit, frequency: r.frequency, referrerType: r.referrerType,
          });
        }
        break;
      case 'JW319':
        this.answers.push({
          ...base, clientPseudonym: '', answerDate: messageDate, requestReference: message.answer.reference,
          honoured: message.answer.answer, refusalReason: message.answer.refusalReason,
        });
        break;
      case 'JW323': {
        const d = message.declaration;
        const declarationId = randomUUID();
        this.declarations.push({
          ...base, id: declarationId, declarationNumber: d.number, periodStart: d.periodStart, periodEnd: d.periodEnd, totalCents: d.credit ? -d.totalCents : d.totalCents,
        });
        for (const c of message.clients) {
          for (const l of c.lines) {
            this.lines.push({
              declarationId, municipalityCode, clientPseudonym: c.pseudonym, allocationNumber: l.allocationNumber,
              productCategory: l.productCategory, productCode: l.productCode, periodStart: l.periodStart, periodEnd: l.periodEnd,
              volume: l.volume, unit: l.unit, tariffCents: l.tariffCents, amountCents: l.credit ? -l.amountCents : l.amountCents,
            });
            this.touched.allocations.add(`${municipalityCode}|${l.allocationNumber}`);
          }
        }
        break;
      }
    }
  }

  /** Writes everything gathered, in the caller's transaction, parents before children. */
  async flush(db: Db): Promise<void> {
    const clients = [...this.clients].map(([pseudonym, birthYear]) => ({ pseudonym, birthYear }));
    for (const chunk of chunks(clients)) {
      await db.insert(ijwClients).values(chunk)
        .onConflictDoUpdate({ target: ijwClients.pseudonym, set: { birthYear: sql`coalesce(excluded.birth_year, ${ijwClients.birthYear})` } });
    }
    for (const chunk of chunks([...this.allocations.values()])) {
      await db.insert(ijwAllocations).values(chunk).onConflictDoUpdate({
        target: [ijwAllocations.municipalityCode, ijwAllocations.allocationNumber],
        set: Object.fromEntries(['fileId', 'providerAgb', 'clientPseudonym', 'productCategory', 'productCode', 'allocationDate', 'startDate', 'endDate',
          'volume', 'unit', 'frequency', 'budgetCents', 'changeReason'].map((k) => [k, sql.raw(`excluded.${snake(k)}`)])),
      });
    }
    await insertAll(db, ijwDeliveries, this.deliveries);
    await insertAll(db, ijwRequests, this.requests);
    await insertAll(db, ijwAnswers, this.answers);
    await insertAll(db, ijwDeclarations, this.declarations);
    await insertAll(db, ijwDeclarationLines, this.lines);
    await insertAll(db, ijwReceivedRetours, this.retours);
  }
}

async function insertAll<T extends PgTable>(db: Db, table: T, rows: Array<T['$inferInsert']>): Promise<void> {
  for (const chunk of chunks(rows)) await db.insert(table).values(chunk);
}

/** 1,000 rows of at most ~20 columns stay well under PostgreSQL's 65,535 parameters per statement. */
function chunks<T>(rows: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
