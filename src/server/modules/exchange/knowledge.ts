import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ijwAllocations, ijwDeliveries, ijwRequests, municipalities, providers } from '../../db/schema/index.js';
import type { DeliveryLine, ParsedMessage } from './messages.js';

export interface AllocationInfo {
  providerAgb: string; clientPseudonym: string; productCategory: string | null; productCode: string | null;
  unit: string | null; frequency: string | null; volume: number | null; startDate: string; endDate: string | null;
}
interface Delivery { kind: 'start' | 'stop'; date: string }

/**
 * What the rules need to know about earlier messages, loaded once per batch for the keys the batch refers to, and
 * kept up to date as files in the batch are accepted (so a JW305 may follow its JW301 in the same run).
 */
export class Knowledge {
  readonly providers = new Set<string>();
  readonly municipalities = new Set<string>();
  private readonly allocations = new Map<string, AllocationInfo>();
  private readonly deliveries = new Map<string, Delivery[]>();
  private readonly requests = new Set<string>();

  static async load(db: Db, batch: ParsedMessage[]): Promise<Knowledge> {
    const k = new Knowledge();
    for (const p of await db.select({ agb: providers.agbCode }).from(providers)) k.providers.add(p.agb);
    for (const m of await db.select({ code: municipalities.cbsCode }).from(municipalities)) k.municipalities.add(m.code);
    const numbers = new Set<string>();
    const clients = new Set<string>();
    const references = new Set<string>();
    for (const msg of batch) {
      for (const nr of allocationNumbersOf(msg)) numbers.add(nr);
      if (msg.type === 'JW305' || msg.type === 'JW307') clients.add(msg.client.pseudonym);
      if (msg.type === 'JW319' && msg.answer.reference) references.add(msg.answer.reference);
    }
    if (numbers.size) {
      const rows = await db.select().from(ijwAllocations).where(inArray(ijwAllocations.allocationNumber, [...numbers]));
      for (const r of rows) k.allocations.set(`${r.municipalityCode}|${r.allocationNumber}`, r);
      const ds = await db.select().from(ijwDeliveries).where(inArray(ijwDeliveries.allocationNumber, [...numbers]));
      for (const d of ds) k.addDelivery(`${d.municipalityCode}|A|${d.allocationNumber}`, d.kind as Delivery['kind'], d.date);
    }
    if (clients.size) {
      const ds = await db.select().from(ijwDeliveries).where(and(inArray(ijwDeliveries.clientPseudonym, [...clients]), isNull(ijwDeliveries.allocationNumber)));
      for (const d of ds) k.addDelivery(taakKey(d.municipalityCode, d.providerAgb, d.clientPseudonym, d.productCategory, d.productCode), d.kind as Delivery['kind'], d.date);
    }
    if (references.size) {
      const rs = await db.select({ m: ijwRequests.municipalityCode, p: ijwRequests.providerAgb, ref: ijwRequests.providerReference })
        .from(ijwRequests).where(inArray(ijwRequests.providerReference, [...references]));
      for (const r of rs) k.requests.add(`${r.m}|${r.p}|${r.ref}`);
    }
    return k;
  }

  allocation(municipality: string, allocationNumber: string): AllocationInfo | undefined {
    return this.allocations.get(`${municipality}|${allocationNumber}`);
  }

  /** Start/stop key (TR382): the allocation, or for taakgericht care provider + client + product. */
  deliveryKey(message: { header: { municipalityCode: string; providerAgb: string }; client: { pseudonym: string } }, d: DeliveryLine): string {
    return d.allocationNumber
      ? `${message.header.municipalityCode}|A|${d.allocationNumber}`
      : taakKey(message.header.municipalityCode, message.header.providerAgb, message.client.pseudonym, d.productCategory, d.productCode);
  }

  /** A start whose begindatum has no stop yet. */
  openStart(key: string): boolean {
    const list = this.deliveries.get(key) ?? [];
    return list.some((s) => s.kind === 'start' && !list.some((e) => e.kind === 'stop' && e.date === s.date));
  }

  hasStart(key: string, begindatum: string): boolean {
    return (this.deliveries.get(key) ?? []).some((d) => d.kind === 'start' && d.date === begindatum);
  }

  hasRequest(municipality: string, provider: string, reference: string): boolean {
    return this.requests.has(`${municipality}|${provider}|${reference}`);
  }

  /** Records what an accepted message adds, for the files after it in the same batch. */
  learn(message: ParsedMessage): void {
    const { municipalityCode: m, providerAgb: p } = message.header;
    if (message.type === 'JW301') {
      for (const a of message.allocations) {
        this.allocations.set(`${m}|${a.allocationNumber}`, {
          providerAgb: p, clientPseudonym: message.client.pseudonym, productCategory: a.productCategory, productCode: a.productCode,
          unit: a.unit, frequency: a.frequency, volume: a.volume, startDate: a.startDate, endDate: a.endDate,
        });
      }
    } else if (message.type === 'JW305' || message.type === 'JW307') {
      for (const d of message.deliveries) this.addDelivery(this.deliveryKey(message, d), message.type === 'JW305' ? 'start' : 'stop', d.date);
    } else if (message.type === 'JW315' || message.type === 'JW317') {
      for (const r of message.requests) if (r.providerReference) this.requests.add(`${m}|${p}|${r.providerReference}`);
    }
  }

  private addDelivery(key: string, kind: Delivery['kind'], date: string) {
    const list = this.deliveries.get(key) ?? [];
    list.push({ kind, date });
    this.deliveries.set(key, list);
  }
}

function taakKey(m: string, p: string, client: string, category: string | null, code: string | null): string {
  return `${m}|T|${p}|${client}|${category ?? ''}|${code ?? ''}`;
}

function allocationNumbersOf(msg: ParsedMessage): string[] {
  switch (msg.type) {
    case 'JW301': return msg.allocations.map((a) => a.allocationNumber);
    case 'JW305': case 'JW307': return msg.deliveries.flatMap((d) => (d.allocationNumber ? [d.allocationNumber] : []));
    case 'JW317': return msg.keptOrChanged.map((k) => k.allocationNumber);
    case 'JW323': return msg.clients.flatMap((c) => c.lines.map((l) => l.allocationNumber));
    default: return [];
  }
}

