import { formatDay, yearOf } from './dates.js';
import type { ExpectedInvalid, InvalidKind } from './invalid.js';
import type { GenerateIjwOptions } from './landscape.js';
import { messageTypes, type MessageEvent, type MessageType, type Trajectory, type TrajectoryStatus } from './model.js';
import { xsdVersie } from './messages/xml.js';
import type { Simulation } from './trajectories.js';

/**
 * The ground truth of a generated set: what an import of the valid files must find. Everything is derived from the
 * messages that were written (dated inside the period), so a trajectory's status is what its messages show.
 */
export interface GenerationManifest {
  generator: 'zorglandschap-ijw-generator';
  formatVersion: 1;
  ijw: { release: '3.2'; basisschemaXsdVersie: string; berichtXsdVersie: string };
  options: {
    seed: number;
    startYear: number;
    years: number;
    youths: number;
    invalidRate: number;
    municipalities: number;
    providers: number;
    products: number;
  };
  period: { start: string; end: string };
  /** Valid files only (the invalid ones are under `invalid`). */
  files: { total: number; byType: Record<MessageType, number>; bytes: number };
  /** One record per client per message: one per message, except one per Client element in a JW323. */
  records: { total: number; byType: Record<MessageType, number> };
  youths: { distinct: number; withMultipleTrajectories: number; byMunicipality: Record<string, number> };
  trajectories: {
    /** Every trajectory with at least one message (requests that were refused or are still open included). */
    total: number;
    byStatus: Record<TrajectoryStatus, number>;
    /** With a JW305 start (running + ended). */
    started: number;
    /** Started and not stopped by the period end. */
    running: number;
    ended: number;
    byProductCategory: Record<string, number>;
    startedByProductCategory: Record<string, number>;
    byFundingVariant: Record<string, number>;
    withStay: number;
    withoutStay: number;
    /** Ended trajectories (JW307) per JZ588 reden beëindiging. */
    endedByReason: Record<string, number>;
    /** JW315 requests per COD327 verwijzer type. */
    requestsByReferrer: Record<string, number>;
    /** Allocations (initial JW301) without a preceding JW315. */
    directAllocations: number;
    /** Extension requests (JW317). */
    changeRequests: number;
    /** Days from the allocation's Ingangsdatum to the Begindatum of care, for started allocated trajectories. */
    waitDays: { median: number; p90: number; mean: number };
  };
  /** Distinct ToewijzingNummers (initial JW301) and re-sent changed allocations. */
  allocations: { total: number; changes: number };
  declarations: {
    files: number;
    clientRecords: number;
    prestaties: number;
    totalAmountCents: number;
    /** By the year of the product period. */
    amountCentsByYear: Record<string, number>;
    amountCentsByMunicipality: Record<string, number>;
    amountCentsByProductCategory: Record<string, number>;
  };
  invalid: { files: number; byKind: Partial<Record<InvalidKind, number>>; expected: string | null };
}

const increment = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by;
};
const sorted = (record: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
const perType = (): Record<MessageType, number> =>
  Object.fromEntries(messageTypes.map((t) => [t, 0])) as Record<MessageType, number>;

export function buildManifest(
  options: GenerateIjwOptions,
  sim: Simulation,
  events: MessageEvent[],
  bytes: number,
  invalid: ExpectedInvalid[],
): GenerationManifest {
  const files = perType();
  const records = perType();
  const seen = new Map<Trajectory, Set<string>>();
  const declarations = {
    files: 0,
    clientRecords: 0,
    prestaties: 0,
    totalAmountCents: 0,
    amountCentsByYear: {},
    amountCentsByMunicipality: {},
    amountCentsByProductCategory: {},
  } as GenerationManifest['declarations'];
  const requestsByReferrer: Record<string, number> = {};
  let changes = 0;
  for (const e of events) {
    files[e.type]++;
    if (e.type === 'JW323') {
      const d = e.declaration;
      declarations.files++;
      declarations.clientRecords += d.clients.length;
      records.JW323 += d.clients.length;
      declarations.totalAmountCents += d.totalCents;
      for (const c of d.clients) {
        for (const p of c.prestaties) {
          declarations.prestaties++;
          increment(declarations.amountCentsByYear, String(yearOf(p.from)), p.amountCents);
          increment(declarations.amountCentsByMunicipality, d.municipality, p.amountCents);
          increment(declarations.amountCentsByProductCategory, p.trajectory.product.productCategory, p.amountCents);
        }
      }
      continue;
    }
    records[e.type]++;
    let kinds = seen.get(e.trajectory);
    if (!kinds) seen.set(e.trajectory, (kinds = new Set()));
    kinds.add(e.type === 'JW319' ? `JW319-${e.answer}` : e.type);
    if (e.type === 'JW315') increment(requestsByReferrer, e.trajectory.referrer.type);
    if (e.type === 'JW301' && e.change) changes++;
  }

  const byStatus: Record<TrajectoryStatus, number> = { requested: 0, refused: 0, allocated: 0, running: 0, ended: 0 };
  const t = {
    byProductCategory: {} as Record<string, number>,
    startedByProductCategory: {} as Record<string, number>,
    byFundingVariant: {} as Record<string, number>,
    endedByReason: {} as Record<string, number>,
    withStay: 0,
    withoutStay: 0,
    directAllocations: 0,
    changeRequests: 0,
  };
  const youthTrajectories = new Map<number, number>();
  const byMunicipality: Record<string, number> = {};
  const waits: number[] = [];
  for (const [trajectory, kinds] of seen) {
    const status: TrajectoryStatus = kinds.has('JW307')
      ? 'ended'
      : kinds.has('JW305')
        ? 'running'
        : kinds.has('JW301')
          ? 'allocated'
          : kinds.has('JW319-1')
            ? 'refused'
            : 'requested';
    trajectory.status = status;
    byStatus[status]++;
    const product = trajectory.product;
    increment(t.byProductCategory, product.productCategory);
    increment(t.byFundingVariant, product.fundingVariant);
    if (product.withStay) t.withStay++;
    else t.withoutStay++;
    if (status === 'running' || status === 'ended') {
      increment(t.startedByProductCategory, product.productCategory);
      if (trajectory.allocation && trajectory.begin !== undefined)
        waits.push(trajectory.begin - trajectory.allocation.start);
    }
    if (status === 'ended' && trajectory.reason) increment(t.endedByReason, trajectory.reason);
    if (kinds.has('JW301') && !kinds.has('JW315')) t.directAllocations++;
    if (kinds.has('JW317')) t.changeRequests++;
    const count = youthTrajectories.get(trajectory.youth.id) ?? 0;
    if (count === 0) increment(byMunicipality, trajectory.youth.municipality.cbsCode);
    youthTrajectories.set(trajectory.youth.id, count + 1);
  }
  waits.sort((a, b) => a - b);
  const quantile = (q: number): number => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))] ?? 0;
  const byKind: Partial<Record<InvalidKind, number>> = {};
  for (const i of invalid) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;

  return {
    generator: 'zorglandschap-ijw-generator',
    formatVersion: 1,
    ijw: { release: '3.2', basisschemaXsdVersie: xsdVersie.basisschema, berichtXsdVersie: xsdVersie.bericht },
    options: {
      seed: options.seed,
      startYear: options.startYear,
      years: options.years,
      youths: options.youths,
      invalidRate: options.invalidRate ?? 0,
      municipalities: options.municipalities.length,
      providers: options.providers.length,
      products: options.providers.reduce((n, p) => n + p.products.length, 0),
    },
    period: { start: formatDay(sim.period.start), end: formatDay(sim.period.end) },
    files: { total: events.length, byType: files, bytes },
    records: { total: Object.values(records).reduce((a, b) => a + b, 0), byType: records },
    youths: {
      distinct: youthTrajectories.size,
      withMultipleTrajectories: [...youthTrajectories.values()].filter((n) => n > 1).length,
      byMunicipality: sorted(byMunicipality),
    },
    trajectories: {
      total: seen.size,
      byStatus,
      started: byStatus.running + byStatus.ended,
      running: byStatus.running,
      ended: byStatus.ended,
      byProductCategory: sorted(t.byProductCategory),
      startedByProductCategory: sorted(t.startedByProductCategory),
      byFundingVariant: sorted(t.byFundingVariant),
      withStay: t.withStay,
      withoutStay: t.withoutStay,
      endedByReason: sorted(t.endedByReason),
      requestsByReferrer: sorted(requestsByReferrer),
      directAllocations: t.directAllocations,
      changeRequests: t.changeRequests,
      waitDays: {
        median: quantile(0.5),
        p90: quantile(0.9),
        mean: waits.length ? Math.round((waits.reduce((a, b) => a + b, 0) / waits.length) * 10) / 10 : 0,
      },
    },
    allocations: { total: files.JW301 - changes, changes },
    declarations: {
      ...declarations,
      amountCentsByYear: sorted(declarations.amountCentsByYear),
      amountCentsByMunicipality: sorted(declarations.amountCentsByMunicipality),
      amountCentsByProductCategory: sorted(declarations.amountCentsByProductCategory),
    },
    invalid: { files: invalid.length, byKind, expected: invalid.length > 0 ? 'invalid/expected.json' : null },
  };
}
