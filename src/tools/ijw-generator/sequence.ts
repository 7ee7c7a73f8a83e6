import { formatMonth, monthOf } from './dates.js';
import type { MessageEvent } from './model.js';
import { shardedPath } from './writer.js';

/** No folder gets more files than this; a busier month is split into part-01, part-02, ... */
export const maxFilesPerFolder = 10_000;

/** Counters that must stay unique beyond the valid set (the invalid files continue them). */
export interface Counters {
  /** Last BerichtIdentificatie per sender. */
  identificatie: Map<string, number>;
  /** Last ToewijzingNummer per municipality. */
  toewijzing: Map<string, number>;
}

/** ToewijzingNummers start here in every municipality (LDT_Nummer allows up to 999999999). */
export const firstToewijzingNummer = 1_000_001;

export function nextIdentificatie(counters: Counters, sender: string): string {
  const n = (counters.identificatie.get(sender) ?? 0) + 1;
  counters.identificatie.set(sender, n);
  return String(n);
}

export function nextToewijzingNummer(counters: Counters, municipality: string): number {
  const n = (counters.toewijzing.get(municipality) ?? firstToewijzingNummer - 1) + 1;
  counters.toewijzing.set(municipality, n);
  return n;
}

/**
 * Puts the events in time order (ties keep their input order) and gives each what depends on that order: ToewijzingNummers (per municipality, in
 * order of allocation), BerichtIdentificatie (per sender, increasing with the Dagtekening) and the file path
 * `<YYYY>/<YYYY-MM>/[part-NN/]<type>_<sender>_<identificatie>.xml`, foldered by Dagtekening.
 */
export function sequence(input: MessageEvent[]): { events: MessageEvent[]; counters: Counters } {
  // Sort by (day, position in the input) through packed numeric keys: much faster than a comparator on objects.
  if (input.length >= 2 ** 24) throw new Error('too many messages for one run (at most 16.7 million)');
  const keys = new Float64Array(input.length);
  for (let i = 0; i < input.length; i++) keys[i] = (input[i] as MessageEvent).day * 2 ** 24 + i;
  keys.sort();
  const events = Array.from(keys, (k) => input[k % 2 ** 24] as MessageEvent);

  const counters: Counters = { identificatie: new Map(), toewijzing: new Map() };
  const months = new Int32Array(events.length);
  const perMonth = new Map<number, number>();
  events.forEach((e, i) => {
    if (e.type === 'JW301' && !e.change) {
      const allocation = e.trajectory.allocation;
      if (allocation) allocation.number = nextToewijzingNummer(counters, e.sender);
    }
    e.identificatie = nextIdentificatie(counters, e.sender);
    const month = monthOf(e.day);
    months[i] = month;
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  });
  const seen = new Map<number, number>();
  events.forEach((e, i) => {
    const month = months[i] ?? 0;
    const label = formatMonth(month);
    const index = seen.get(month) ?? 0;
    seen.set(month, index + 1);
    const name = `${e.type}_${e.sender}_${e.identificatie}.xml`;
    e.path = shardedPath(`${label.slice(0, 4)}/${label}`, index, perMonth.get(month) ?? 0, name, maxFilesPerFolder);
  });
  return { events, counters };
}
