import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { DeliveryLine, ParsedMessage } from './messages.js';
import { arrayParam } from './sql-arrays.js';

export interface AllocationInfo {
  providerAgb: string;
  clientPseudonym: string;
  productCategory: string | null;
  productCode: string | null;
  unit: string | null;
  frequency: string | null;
  volume: number | null;
  startDate: string;
  endDate: string | null;
}
interface Delivery {
  kind: 'start' | 'stop';
  date: string;
}
export interface Parties {
  providers: ReadonlySet<string>;
  municipalities: ReadonlySet<string>;
}
type AllocationRow = {
  municipality_code: string;
  allocation_number: string;
  provider_agb: string;
  client_pseudonym: string;
  product_category: string | null;
  product_code: string | null;
  unit: string | null;
  frequency: string | null;
  volume: number | string | null;
  start_date: string;
  end_date: string | null;
};

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

  /** The providers and municipalities the rules check a header against: loaded once per import run. */
  static async loadParties(db: Db): Promise<Parties> {
    const providerRows = await queryRows<{ agb: string }>(db, sql`select agb_code as agb from providers`);
    const municipalityRows = await queryRows<{ code: string }>(db, sql`select cbs_code as code from municipalities`);
    return {
      providers: new Set(providerRows.map((p) => p.agb)),
      municipalities: new Set(municipalityRows.map((m) => m.code)),
    };
  }

  static async load(db: Db, batch: ParsedMessage[], parties?: Parties): Promise<Knowledge> {
    const k = new Knowledge();
    const { providers, municipalities } = parties ?? (await Knowledge.loadParties(db));
    for (const p of providers) k.providers.add(p);
    for (const m of municipalities) k.municipalities.add(m);
    // Allocation numbers are unique per municipality only: look each up with its municipality (the header's). The
    // starts and stops of an allocation only matter to a start or stop: a monthly JW323 names every running allocation.
    const numbers = new Set<string>();
    const delivered = new Set<string>();
    const clients = new Set<string>();
    const references = new Set<string>();
    for (const msg of batch) {
      for (const nr of allocationNumbersOf(msg)) {
        numbers.add(`${msg.header.municipalityCode}|${nr}`);
        if (msg.type === 'JW305' || msg.type === 'JW307') delivered.add(`${msg.header.municipalityCode}|${nr}`);
      }
      // Taakgericht starts and stops (no allocation number) are keyed on the client.
      if ((msg.type === 'JW305' || msg.type === 'JW307') && msg.deliveries.some((d) => !d.allocationNumber))
        clients.add(msg.client.pseudonym);
      if (msg.type === 'JW319' && msg.answer.reference) references.add(msg.answer.reference);
    }
    const pairs = (set: Set<string>) => {
      const keys = [...set].map((k) => k.split('|') as [string, string]);
      return sql`(municipality_code, allocation_number) in (select * from unnest(${arrayParam(keys.map((k) => k[0]))}, ${arrayParam(keys.map((k) => k[1]))}))`;
    };
    if (numbers.size) {
      const rows = await queryRows<AllocationRow>(
        db,
        sql`
        select municipality_code, allocation_number, provider_agb, client_pseudonym, product_category, product_code, unit, frequency, volume,
          start_date::text as start_date, end_date::text as end_date
        from ijw_allocations where ${pairs(numbers)}`,
      );
      for (const r of rows) {
        k.allocations.set(`${r.municipality_code}|${r.allocation_number}`, {
          providerAgb: r.provider_agb,
          clientPseudonym: r.client_pseudonym,
          productCategory: r.product_category,
          productCode: r.product_code,
          unit: r.unit,
          frequency: r.frequency,
          volume: r.volume === null ? null : Number(r.volume),
          startDate: r.start_date,
          endDate: r.end_date,
        });
      }
    }
    if (delivered.size) {
      const ds = await queryRows<{ m: string; nr: string; kind: Delivery['kind']; date: string }>(
        db,
        sql`
        select municipality_code as m, allocation_number as nr, kind, date::text as date from ijw_deliveries where ${pairs(delivered)}`,
      );
      for (const d of ds) k.addDelivery(`${d.m}|A|${d.nr}`, d.kind, d.date);
    }
    if (clients.size) {
      const ds = await queryRows<{
        m: string;
        p: string;
        c: string;
        cat: string | null;
        code: string | null;
        kind: Delivery['kind'];
        date: string;
      }>(
        db,
        sql`
        select municipality_code as m, provider_agb as p, client_pseudonym as c, product_category as cat, product_code as code, kind, date::text as date
        from ijw_deliveries where client_pseudonym = any(${arrayParam([...clients])}) and allocation_number is null`,
      );
      for (const d of ds) k.addDelivery(taakKey(d.m, d.p, d.c, d.cat, d.code), d.kind, d.date);
    }
    if (references.size) {
      const rs = await queryRows<{ m: string; p: string; ref: string }>(
        db,
        sql`
        select municipality_code as m, provider_agb as p, provider_reference as ref from ijw_requests
        where provider_reference = any(${arrayParam([...references])})`,
      );
      for (const r of rs) k.requests.add(`${r.m}|${r.p}|${r.ref}`);
    }
    return k;
  }

  allocation(municipality: string, allocationNumber: string): AllocationInfo | undefined {
    return this.allocations.get(`${municipality}|${allocationNumber}`);
  }

  /** Start/stop key (TR382): the allocation, or for taakgericht care provider + client + product. */
  deliveryKey(
    message: { header: { municipalityCode: string; providerAgb: string }; client: { pseudonym: string } },
    d: DeliveryLine,
  ): string {
    return d.allocationNumber
      ? `${message.header.municipalityCode}|A|${d.allocationNumber}`
      : taakKey(
          message.header.municipalityCode,
          message.header.providerAgb,
          message.client.pseudonym,
          d.productCategory,
          d.productCode,
        );
  }

  /**
   * A start whose begindatum has no stop yet. `withdrawn` holds what earlier classes of the same message withdrew
   * (`kind|begindatum`): a message may withdraw a start and deliver its replacement (IV008).
   */
  openStart(key: string, withdrawn: ReadonlySet<string> = none): boolean {
    const list = (this.deliveries.get(key) ?? []).filter((d) => !withdrawn.has(`${d.kind}|${d.date}`));
    return list.some((s) => s.kind === 'start' && !list.some((e) => e.kind === 'stop' && e.date === s.date));
  }

  /** Whether a start (or stop) with this begindatum was delivered and not withdrawn. */
  has(kind: Delivery['kind'], key: string, begindatum: string, withdrawn: ReadonlySet<string> = none): boolean {
    return (
      !withdrawn.has(`${kind}|${begindatum}`) &&
      (this.deliveries.get(key) ?? []).some((d) => d.kind === kind && d.date === begindatum)
    );
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
          providerAgb: p,
          clientPseudonym: message.client.pseudonym,
          productCategory: a.productCategory,
          productCode: a.productCode,
          unit: a.unit,
          frequency: a.frequency,
          volume: a.volume,
          startDate: a.startDate,
          endDate: a.endDate,
        });
      }
    } else if (message.type === 'JW305' || message.type === 'JW307') {
      for (const d of message.deliveries) {
        const key = this.deliveryKey(message, d);
        const kind = message.type === 'JW305' ? 'start' : 'stop';
        if (d.status === '3')
          this.deliveries.set(
            key,
            (this.deliveries.get(key) ?? []).filter((x) => !(x.kind === kind && x.date === d.date)),
          );
        else this.addDelivery(key, kind, d.date);
      }
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

const none: ReadonlySet<string> = new Set();

function taakKey(m: string, p: string, client: string, category: string | null, code: string | null): string {
  return `${m}|T|${p}|${client}|${category ?? ''}|${code ?? ''}`;
}

/** The earlier allocations a message's rules look up (a JW301 makes its own). */
function allocationNumbersOf(msg: ParsedMessage): string[] {
  switch (msg.type) {
    case 'JW305':
    case 'JW307':
      return msg.deliveries.flatMap((d) => (d.allocationNumber ? [d.allocationNumber] : []));
    case 'JW317':
      return msg.keptOrChanged.map((k) => k.allocationNumber);
    case 'JW323':
      return msg.clients.flatMap((c) => c.lines.map((l) => l.allocationNumber));
    default:
      return [];
  }
}
