import type { Db } from '../../db/client.js';
import { dutchToday } from '../../../shared/period.js';
import { listRegionContracts, type RegionContract } from '../landscape/index.js';
import { spendPerProviderLotMonth } from '../monitoring/index.js';
import {
  calendarEvents,
  ceilingFigures,
  decisionsDue,
  horizonEnd,
  type CalendarEvent,
  type CeilingFigures,
} from './calendar.js';

export interface CalendarContractRow {
  id: string;
  reference: string;
  providerId: string;
  providerName: string;
  combinationName: string | null;
  lotCode: string;
  lotName: string;
  startDate: string;
  endDate: string;
  effectiveEndDate: string;
  status: RegionContract['status'];
  money: CeilingFigures;
  /** What asks for attention: a decision due within three months (or overdue), a ceiling the forecast exceeds. */
  signals: Array<'decision-due' | 'ceiling'>;
}

export interface ContractCalendar {
  today: string;
  horizonMonths: number;
  horizonEnd: string;
  events: Array<CalendarEvent & { reference: string; providerName: string; lotName: string }>;
  /** Decisions on extension options due within three months or overdue (decisionsDue): the calendar's warning and the start page's tile. */
  decisionsDue: number;
  /** Every contract running today (or starting later), with its money against its ceiling this year. */
  contracts: CalendarContractRow[];
}

/**
 * The region's contract calendar on `today`: decisions due and ends within the horizon, and each running contract's
 * spend this year against its ceiling. A contract's spend is what its holders (the provider, or a combination's
 * members) declared for the products of its lot while it ran.
 */
export async function contractCalendar(
  db: Db,
  options: {
    regionId: string;
    horizonMonths: number;
    today?: string;
    /** Only the contracts this provider holds (directly or in a combination): the provider pack's. */
    providerId?: string;
    /** Contracts running on or after this day (default today): the pack takes every one that ran in its period. */
    runningFrom?: string;
  },
): Promise<ContractCalendar> {
  const today = options.today ?? dutchToday();
  const year = Number(today.slice(0, 4));
  const contracts = (await listRegionContracts(db, options.regionId)).filter(
    (c) => !options.providerId || c.holders.some((h) => h.providerId === options.providerId),
  );
  const spend = await spendPerProviderLotMonth(db, {
    regionId: options.regionId,
    from: `${year}-01-01`,
    to: today,
  });
  const knownThrough = spend.reduce<string | null>((last, r) => (last && last > r.month ? last : r.month), null);
  const events = calendarEvents(contracts, today, options.horizonMonths);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const decisionDue = new Set(decisionsDue(events).map((e) => e.contractId));
  const runningFrom = options.runningFrom ?? today;
  const running = contracts.filter((c) => c.effectiveEndDate >= runningFrom);
  const rows = running.map((c): CalendarContractRow => {
    const months = new Map<string, number>();
    for (const r of spend) {
      // A month counts while the contract runs some day of it (string order: '-31' is after every day of the month).
      const monthEnd = `${r.month.slice(0, 7)}-31`;
      if (r.lot !== c.lotCode || !c.holders.some((h) => h.agbCode === r.providerAgb)) continue;
      if (r.month > c.effectiveEndDate || monthEnd < c.startDate) continue;
      months.set(r.month, (months.get(r.month) ?? 0) + r.euros);
    }
    const money = ceilingFigures(
      [...months].map(([month, euros]) => ({ month, euros })),
      { year, knownThrough, ceiling: c.budgetCeiling ?? null, startDate: c.startDate, endDate: c.effectiveEndDate },
    );
    return {
      id: c.id,
      reference: c.reference,
      providerId: c.providerId,
      providerName: c.providerName,
      combinationName: c.combinationName,
      lotCode: c.lotCode,
      lotName: c.lotName,
      startDate: c.startDate,
      endDate: c.endDate,
      effectiveEndDate: c.effectiveEndDate,
      status: c.status,
      money,
      signals: [
        ...(decisionDue.has(c.id) ? (['decision-due'] as const) : []),
        ...(money.over ? (['ceiling'] as const) : []),
      ],
    };
  });
  return {
    today,
    horizonMonths: options.horizonMonths,
    decisionsDue: decisionsDue(events).length,
    horizonEnd: horizonEnd(today, options.horizonMonths),
    // Soonest first; on the same day by contract reference, as the contract manager knows them.
    events: events
      .map((e) => {
        const c = byId.get(e.contractId)!;
        return { ...e, reference: c.reference, providerName: c.providerName, lotName: c.lotName };
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference)),
    contracts: rows,
  };
}
