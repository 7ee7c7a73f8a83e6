import type { GeneratorMunicipality, GeneratorProduct } from '../../../../tools/ijw-generator/landscape.js';
import { generateBsn } from '../../../../tools/ijw-generator/bsn.js';
import { monthEnd, monthOf, monthStart, parseDay } from '../../../../tools/ijw-generator/dates.js';
import { renderMessage } from '../../../../tools/ijw-generator/messages';
import type {
  Declaration,
  MessageEvent,
  NewEvent,
  Prestatie,
  Trajectory,
  Youth,
} from '../../../../tools/ijw-generator/model.js';
import { createRng } from '../../../../tools/ijw-generator/prng.js';
import { sequence } from '../../../../tools/ijw-generator/sequence.js';
import type { ImportSource } from '../../exchange/sources.js';

/**
 * A small writer of care stories on top of the iJw generator's model, for the KPI edge cases (kpi-edge-world.ts):
 * youths, care with or without an allocation, prestaties, rendered as the messages a region receives.
 */

const municipality = (cbsCode: string, name: string): GeneratorMunicipality => ({ cbsCode, name, inhabitants: 10_000 });
export const houten = municipality('0321', 'Houten');
export const ijsselstein = municipality('0353', 'IJsselstein');
export const lopik = municipality('0331', 'Lopik');
export const nieuwegein = municipality('0356', 'Nieuwegein');
export const horizon = municipality('0999', 'Horizon');

const product = (
  productCategory: string,
  productCode: string,
  unit: string,
  fundingVariant: GeneratorProduct['fundingVariant'],
  withStay: boolean,
  tariff: number,
): GeneratorProduct => ({ productCategory, productCode, unit, fundingVariant, withStay, tariff });
/** Products of the demo region (45A01, 45A02 and 54B01 in lot AMB), and two taakgericht ones the region does not know. */
export const begeleidingLicht = product('45', '45A01', '04', 'inspanningsgericht', false, 68.5);
export const begeleidingMidden = product('45', '45A02', '04', 'inspanningsgericht', false, 74.2);
export const ggz = product('54', '54B01', '01', 'inspanningsgericht', false, 2.05);
export const wijkteam = product('45', '45T01', '04', 'taakgericht', false, 70);
export const logeerhuis = product('44', '44T01', '14', 'taakgericht', true, 150);

export interface CareOptions {
  youth: Youth;
  provider: string;
  product: GeneratorProduct;
  begin: string;
  end?: string;
  reason?: string;
  /** Without it the care is taakgericht: JW305/JW307 keyed on product and begin date, no JW301. */
  allocation?: { start: string; end: string; decided?: string; perWeek?: number };
  /** A JW315 on this day before the allocation (linked by ReferentieAanbieder). */
  requested?: string;
}

export class Stories {
  private readonly rng = createRng(20_250_315);
  private readonly used = new Set<string>();
  private readonly events: MessageEvent[] = [];
  private readonly prestaties = new Map<
    string,
    { provider: string; municipality: string; month: number; clients: Map<string, Prestatie[]> }
  >();
  private seq = 0;
  private nextTrajectory = 1;
  private nextYouth = 1;
  private nextReference = 1;

  youth(born: string, home: GeneratorMunicipality = nieuwegein): Youth {
    const id = this.nextYouth++;
    return {
      id,
      bsn: generateBsn(this.rng, this.used),
      birthDay: parseDay(born),
      gender: id % 2 ? '1' : '2',
      lastName: `Jansen${id}`,
      prefix: '',
      firstNames: 'Sam',
      initials: 'S',
      municipality: home,
      address: { street: 'Dorpsstraat', houseNumber: id, postcode: '3431AB', city: home.name },
    };
  }

  private emit(e: NewEvent): void {
    this.events.push({ ...e, seq: this.seq++, identificatie: '', path: '' } as MessageEvent);
  }

  care(o: CareOptions): Trajectory {
    const gemeente = o.youth.municipality.cbsCode;
    const begin = parseDay(o.begin);
    const t: Trajectory = {
      id: this.nextTrajectory++,
      youth: o.youth,
      provider: { agbCode: o.provider, products: [o.product] },
      product: o.product,
      referrer: { type: '01', name: `Sociaal team ${o.youth.municipality.name}` },
      firstDay: begin,
      status: 'running',
      begin,
    };
    let startReport = begin;
    if (o.allocation) {
      const decided = parseDay(o.allocation.decided ?? o.allocation.start);
      const end = parseDay(o.allocation.end);
      const reference = o.requested ? `REF-${t.id}` : undefined;
      t.allocation = {
        number: 0,
        decisionDay: decided,
        time: '10:00:00',
        start: parseDay(o.allocation.start),
        end,
        originalEnd: end,
        omvang:
          o.product.unit === '01'
            ? { volume: 480, unit: '01', frequency: '4' }
            : o.product.unit === '14'
              ? { volume: 7, unit: '14', frequency: '2' }
              : { volume: o.allocation.perWeek ?? 4, unit: o.product.unit, frequency: '2' },
        ...(reference ? { providerReference: reference } : {}),
      };
      if (o.requested && reference) {
        t.request = { day: parseDay(o.requested), reference, wantedStart: t.allocation.start, wantedEnd: end };
        this.emit({ type: 'JW315', trajectory: t, day: t.request.day, sender: o.provider, receiver: gemeente });
      }
      this.emit({ type: 'JW301', trajectory: t, change: false, day: decided, sender: gemeente, receiver: o.provider });
      startReport = Math.max(begin, decided);
    }
    t.startReportDay = startReport;
    this.emit({ type: 'JW305', trajectory: t, day: startReport, sender: o.provider, receiver: gemeente });
    if (o.end) {
      t.end = parseDay(o.end);
      t.reason = o.reason ?? '31';
      t.status = 'ended';
      this.emit({
        type: 'JW307',
        trajectory: t,
        day: Math.max(t.end, startReport) + 1,
        sender: o.provider,
        receiver: gemeente,
      });
    }
    return t;
  }

  /** One prestatie for the month (YYYY-MM) of an allocated trajectory: from its begin or the 1st to the month's end or its end. */
  declare(t: Trajectory, month: string, volume: number): number {
    const m = monthOf(parseDay(`${month}-01`));
    const from = Math.max(monthStart(m), t.begin!, t.allocation!.start);
    const to = Math.min(monthEnd(m), t.end ?? Infinity, t.allocation!.end);
    const tariffCents = Math.round(t.product.tariff * 100);
    const key = `${t.provider.agbCode}|${t.youth.municipality.cbsCode}|${m}`;
    let d = this.prestaties.get(key);
    if (!d)
      this.prestaties.set(
        key,
        (d = {
          provider: t.provider.agbCode,
          municipality: t.youth.municipality.cbsCode,
          month: m,
          clients: new Map(),
        }),
      );
    let list = d.clients.get(t.youth.bsn);
    if (!list) d.clients.set(t.youth.bsn, (list = []));
    list.push({
      trajectory: t,
      reference: `P${this.nextReference++}`,
      from,
      to,
      volume,
      tariffCents,
      amountCents: volume * tariffCents,
    });
    return volume * tariffCents;
  }

  /** The messages as files, in time order, numbered and rendered as the generator does. */
  files(): ImportSource[] {
    for (const d of this.prestaties.values()) {
      const clients = [...d.clients].map(([bsn, prestaties]) => ({ bsn, prestaties }));
      const declaration: Declaration = {
        provider: d.provider,
        municipality: d.municipality,
        month: d.month,
        clients,
        number: `D${d.month}${d.municipality}`,
        totalCents: clients.reduce((s, c) => s + c.prestaties.reduce((x, p) => x + p.amountCents, 0), 0),
      };
      this.emit({
        type: 'JW323',
        declaration,
        day: monthEnd(d.month) + 5,
        sender: d.provider,
        receiver: d.municipality,
      });
    }
    return sequence(this.events).events.map((e) => ({ name: e.path, bytes: Buffer.from(renderMessage(e)) }));
  }
}
