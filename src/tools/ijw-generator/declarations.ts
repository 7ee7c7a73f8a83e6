import { formatMonth, isoWeeksTouched, monthEnd, monthOf, monthStart, workdayOnOrAfter } from './dates.js';
import type { Allocation, Declaration, MessageEvent, Prestatie, Trajectory } from './model.js';
import type { Rng } from './prng.js';
import type { Simulation } from './trajectories.js';

/** About 14 MB of XML: a declaration stays well under the 25 MB file limit of OP179. */
export const maxPrestatiesPerDeclaration = 15_000;

/**
 * The most a prestatie may declare for the period [from, to] under an allocation (TR321): per-week volumes count each
 * ISO week the period touches, per-month volumes once, a total volume once over the whole allocation.
 */
export function maxVolume(omvang: Allocation['omvang'], from: number, to: number): number {
  const days = to - from + 1;
  switch (omvang.frequency) {
    case '1':
      return omvang.volume * days;
    case '2':
      return omvang.volume * isoWeeksTouched(from, to);
    default:
      return omvang.volume;
  }
}

/** Delivered volume for a product period: pro rata of the allocation and below it, so never above maxVolume. */
function deliveredVolume(rng: Rng, allocation: Allocation, from: number, to: number, first: boolean): number {
  const { volume, frequency, unit } = allocation.omvang;
  const days = to - from + 1;
  if (frequency === '6' && (unit === '82' || unit === '84')) return first ? volume : 0;
  const utilisation = unit === '14' ? 1 : rng.uniform(0.7, 1);
  let expected: number;
  switch (frequency) {
    case '1':
      expected = volume * days;
      break;
    case '2':
      expected = (volume * days) / 7;
      break;
    case '4':
      expected = (volume * days) / (monthEnd(monthOf(from)) - monthStart(monthOf(from)) + 1);
      break;
    default:
      expected = (volume * days) / (allocation.end - allocation.start + 1);
  }
  return Math.floor(expected * utilisation + 1e-9);
}

/**
 * JW323: per provider, per municipality, per month one declaration with every client who received care; each month of
 * care is one prestatie (OP367: a product period lies within one calendar month and within the allocation). A month
 * whose care starts before the allocation was sent is declared in the first declaration after it (IV090).
 */
export function buildDeclarations(
  sim: Simulation,
  rng: Rng,
  maxPrestaties = maxPrestatiesPerDeclaration,
): MessageEvent[] {
  const { period } = sim;
  const allocated = new Set<Trajectory>();
  for (const e of sim.events) if (e.type === 'JW301' && !e.change) allocated.add(e.trajectory);

  // Each provider declares on its own day of the month (3rd to 10th, the next working day).
  const declarationDay = new Map<string, number>();
  const providers = [...new Set(sim.trajectories.map((t) => t.provider.agbCode))].sort();
  for (const agb of providers) declarationDay.set(agb, rng.int(2, 9));
  const sendDay = (agb: string, month: number): number =>
    workdayOnOrAfter(monthStart(month + 1) + (declarationDay.get(agb) ?? 4));

  const groups = new Map<
    string,
    { provider: string; municipality: string; month: number; clients: Map<string, Prestatie[]> }
  >();
  for (const t of sim.trajectories) {
    const allocation = t.allocation;
    if (!allocation || !allocated.has(t) || t.begin === undefined || t.begin > period.end) continue;
    const careTo = Math.min(t.end ?? period.end, period.end);
    const agb = t.provider.agbCode;
    const tariffCents = t.product.unit === '83' ? undefined : Math.round(t.product.tariff * 100);
    let first = true;
    for (let m = monthOf(t.begin); m <= monthOf(careTo); m++) {
      const from = Math.max(t.begin, monthStart(m), allocation.start);
      const to = Math.min(careTo, monthEnd(m), allocation.end);
      if (from > to) continue;
      const volume = deliveredVolume(rng, allocation, from, to, first);
      first = false;
      if (volume <= 0) continue;
      let month = m;
      while (sendDay(agb, month) < allocation.decisionDay) month++;
      if (sendDay(agb, month) > period.end) continue;
      const key = `${month}|${agb}|${t.youth.municipality.cbsCode}`;
      let group = groups.get(key);
      if (!group)
        groups.set(
          key,
          (group = { provider: agb, municipality: t.youth.municipality.cbsCode, month, clients: new Map() }),
        );
      let list = group.clients.get(t.youth.bsn);
      if (!list) group.clients.set(t.youth.bsn, (list = []));
      const amountCents = tariffCents === undefined ? volume : volume * tariffCents;
      list.push({ trajectory: t, reference: '', from, to, volume, tariffCents, amountCents });
    }
  }

  const references = new Map<string, number>();
  const events: MessageEvent[] = [];
  const ordered = [...groups.values()].sort(
    (a, b) => a.month - b.month || a.provider.localeCompare(b.provider) || a.municipality.localeCompare(b.municipality),
  );
  for (const g of ordered) {
    const clients = [...g.clients]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([bsn, prestaties]) => {
        prestaties.sort((a, b) => a.from - b.from || a.trajectory.id - b.trajectory.id);
        for (const p of prestaties) {
          const n = (references.get(g.provider) ?? 0) + 1;
          references.set(g.provider, n);
          p.reference = `P${n}`;
        }
        return { bsn, prestaties };
      });
    // One declaration per provider, municipality and month; only a huge one is split (a second declaration in the
    // same period, IV090) to stay under the 25 MB file limit (OP179).
    const parts: Array<typeof clients> = [[]];
    let count = 0;
    for (const c of clients) {
      if (count + c.prestaties.length > maxPrestaties && count > 0) {
        parts.push([]);
        count = 0;
      }
      parts[parts.length - 1]?.push(c);
      count += c.prestaties.length;
    }
    if (parts.length > 36)
      throw new Error(`declaration ${g.provider}/${g.municipality}/${formatMonth(g.month)} needs more than 36 files`);
    parts.forEach((part, i) => {
      const declaration: Declaration = {
        provider: g.provider,
        municipality: g.municipality,
        month: g.month,
        clients: part,
        number: `D${formatMonth(g.month).replace('-', '')}${g.municipality}${i === 0 ? '' : i.toString(36).toUpperCase()}`,
        totalCents: part.reduce((sum, c) => sum + c.prestaties.reduce((s, p) => s + p.amountCents, 0), 0),
      };
      events.push({
        type: 'JW323',
        declaration,
        day: sendDay(g.provider, g.month),
        seq: sim.nextSeq++,
        sender: g.provider,
        receiver: g.municipality,
        identificatie: '',
        path: '',
      });
    });
  }
  return events;
}
