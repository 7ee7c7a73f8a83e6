import type { KpiAssessment } from '../../../shared/kpi-direction.js';
import type { KpiId, KpiPeriod, KpiUnit } from '../../../shared/kpi.js';
import { publishedRounding, roundTo } from '../../../shared/kpi-disclosure.js';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { fieldError } from '../../http/errors.js';
import type { Actor } from '../auth/index.js';
import { compliance } from '../availability/index.js';
import { getProvider } from '../landscape/index.js';
import { listActions, listMeetings, loadMeeting, presentMeeting } from '../meetings/index.js';
import {
  buildQuarterlyReportData,
  computeKpis,
  kpiPeriods,
  withholdCell,
  withholdResponse,
  type Signal,
} from '../monitoring/index.js';
import { goalSummary, municipalitiesOf } from '../outcomes/index.js';
import { contractCalendar, type ContractCalendar } from './calendar.service.js';

/** How many quarters of each KPI the pack shows: this one and the three before it. */
export const packTrendQuarters = 4;

type Shown = { value: number | null; suppressed: boolean };

export interface PackKpi {
  id: KpiId;
  name: string;
  unit: KpiUnit;
  /** The provider's figure per quarter, oldest first, the pack's quarter last; withheld cells carry no number. */
  points: Array<{ label: string; provisional: boolean } & Shown>;
  /** The whole region's figure in the pack's quarter. */
  region: Shown | null;
  /** The last quarter against the one before, in the KPI's direction (none for a provisional quarter). */
  assessment: KpiAssessment | null;
  target: { value: number; comparator: 'atMost' | 'atLeast' } | null;
}

export interface ProviderPack {
  region: { id: string; code: string; name: string };
  provider: { id: string; agbCode: string; name: string; kvkNumber: string | null; tiers: string[] };
  quarter: string;
  period: KpiPeriod;
  /** The day the pack is about: the meeting's day, else today. Actions, meetings and availability are as of then. */
  referenceDay: string;
  meeting: { id: string; title: string; startsAt: string } | null;
  generatedAt: string;
  dataDate: string | null;
  suppressionThreshold: number;
  contracts: {
    year: number;
    knownThrough: string | null;
    rows: Array<ContractCalendar['contracts'][number] & { youths: Shown | null }>;
    events: ContractCalendar['events'];
  };
  kpis: PackKpi[];
  missingKpis: string[];
  goals: {
    ended: number;
    registered: number;
    percent: number | null;
    sufficient: boolean;
    minPercent: number;
    regionPercent: number | null;
  } | null;
  signals: Array<{ kpiName: string; label: string; value: number; unit: KpiUnit; target: Signal['target'] }>;
  availability: {
    confirmEveryWeeks: number;
    entries: number;
    stale: number;
    lastConfirmedAt: string | null;
    months: Array<{ month: string; entries: number; current: number }>;
  } | null;
  actions: Array<{
    id: string;
    title: string;
    dueDate: string;
    overdue: boolean;
    ownerName: string | null;
    meetingId: string;
    meetingTitle: string;
    meetingStartsAt: string;
  }>;
  escalations: Array<{ reference: string; meetingId: string; meetingTitle: string; meetingStartsAt: string }>;
  previousMeeting: {
    id: string;
    title: string;
    startsAt: string;
    minutesStatus: 'none' | 'draft' | 'final';
    decisions: string[];
  } | null;
}

export interface PackOptions {
  region: { id: string; code: string; name: string };
  providerId: string;
  quarter?: string | undefined;
  meetingId?: string | undefined;
  threshold: number;
  now?: Date;
}

const dutchDayOf = (at: Date) => dutchToday(at);
const shown = (cell: { value: number | null; suppressed: boolean }): Shown => ({
  value: cell.suppressed ? null : cell.value,
  suppressed: cell.suppressed,
});

/**
 * The provider pack (dossier): everything the region and the provider look at before an account meeting, for one
 * provider and quarter. Each part comes from the module that owns it, through its public surface and as the actor
 * may see it: the contract calendar's money, the provider quarterly report's figures (published, small numbers
 * withheld), goal attainment's completeness, the signals, availability's compliance, and the meetings' open actions,
 * escalations (references only) and the previous account meeting's decisions. docs/decisions.md, "Provider pack".
 */
export async function providerPack(db: Db, actor: Actor, options: PackOptions): Promise<ProviderPack> {
  const now = options.now ?? new Date();
  const today = dutchDayOf(now);
  const provider = await getProvider(db, actor, options.providerId);
  const region = options.region;
  const meeting = options.meetingId
    ? await presentMeeting(db, actor, await loadMeeting(db, actor, options.meetingId))
    : null;
  if (meeting && (meeting.regionId !== region.id || !meeting.providers.some((p) => p.id === provider.id)))
    throw fieldError('meeting', 'dit overleg is niet met deze aanbieder');
  const referenceAt = meeting ? new Date(meeting.startsAt) : now;
  const referenceDay = dutchDayOf(referenceAt);
  const judgedOn = referenceDay < today ? referenceDay : today;
  const quarter = options.quarter ?? (await kpiPeriods(db, region.id, judgedOn)).defaultPeriod;

  const report = await buildQuarterlyReportData(db, {
    region: region.id,
    quarter,
    provider: provider.agbCode,
    threshold: options.threshold,
    now,
    trendQuarters: packTrendQuarters,
  });
  const kpis = withholdResponse(report.kpis);
  const period = kpis.period;
  const regionKpis = report.regionKpis ? withholdResponse(report.regionKpis) : null;

  const moneyDay = period.to < today ? period.to : today;
  const calendar = await contractCalendar(db, {
    regionId: region.id,
    horizonMonths: 12,
    today: moneyDay,
    providerId: provider.id,
    runningFrom: period.from,
  });
  const perLot = await computeKpis(db, {
    regionId: region.id,
    period: quarter,
    kpis: ['youths_in_care'],
    groupBy: 'lot',
    filters: { provider: provider.agbCode },
    threshold: options.threshold,
  });
  const lotCells = new Map((perLot.data[0]?.rows ?? []).map((r) => [r.key, shown(withholdCell(r))]));

  return {
    region,
    provider: {
      id: provider.id,
      agbCode: provider.agbCode,
      name: provider.name,
      kvkNumber: provider.kvkNumber,
      tiers: provider.tiers.filter((t) => t.regionId === region.id).map((t) => t.name),
    },
    quarter,
    period,
    referenceDay,
    meeting: meeting ? { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt } : null,
    generatedAt: now.toISOString(),
    dataDate: kpis.dataDate,
    suppressionThreshold: kpis.suppressionThreshold,
    contracts: {
      year: Number(moneyDay.slice(0, 4)),
      knownThrough: calendar.contracts[0]?.money.knownThrough ?? null,
      rows: calendar.contracts.map((c) => ({
        ...c,
        youths: perLot.data[0]?.available ? (lotCells.get(c.lotCode) ?? { value: 0, suppressed: false }) : null,
      })),
      events: calendar.events,
    },
    kpis: report.series.map((series): PackKpi => {
      const points = series.points;
      const whole = regionKpis?.data.find((r) => r.kpi.id === series.kpi.id);
      return {
        id: series.kpi.id,
        name: series.kpi.name,
        unit: series.kpi.unit,
        points: points.map((p) => ({
          label: p.period.label,
          provisional: Boolean(p.period.provisional),
          ...shown(withholdCell(p.total)),
        })),
        region: whole?.available ? shown(whole.total) : null,
        assessment: points.at(-1)?.assessment ?? null,
        target: points.at(-1)?.target ?? null,
      };
    }),
    missingKpis: kpis.data.filter((r) => !r.available).map((r) => r.kpi.name),
    goals: await goalsOf(db, actor, region, quarter, provider.agbCode, options.threshold),
    signals: report.signals.map((s) => ({
      kpiName: s.kpiName,
      label: s.label,
      value: s.value,
      unit: s.unit,
      target: s.target,
    })),
    availability: await availabilityOf(db, actor, region.id, provider.id, period),
    ...(await meetingsPart(db, actor, region.id, provider.id, referenceAt, meeting?.id ?? null)),
  };
}

/**
 * Completeness of the provider's goal attainment in the quarter, with the region's beside it. Counts are rounded to
 * fives whoever asks: the pack is a document that is passed on.
 */
async function goalsOf(
  db: Db,
  actor: Actor,
  region: PackOptions['region'],
  quarter: string,
  agb: string,
  threshold: number,
): Promise<ProviderPack['goals']> {
  const summary = await goalSummary(
    db,
    actor,
    { ...region, municipalities: await municipalitiesOf(db, region.id) },
    { period: quarter, threshold },
  );
  const own = summary.providers.find((p) => p.providerAgb === agb);
  return {
    ended: roundTo(own?.ended ?? 0, publishedRounding.count),
    registered: roundTo(own?.registered ?? 0, publishedRounding.count),
    percent: own?.percent ?? null,
    sufficient: own?.sufficient ?? false,
    minPercent: summary.minCompletenessPercent,
    regionPercent: summary.total.percent,
  };
}

/** How current the provider keeps its availability entries: now, and at the end of each month of the quarter. */
async function availabilityOf(
  db: Db,
  actor: Actor,
  regionId: string,
  providerId: string,
  period: KpiPeriod,
): Promise<ProviderPack['availability']> {
  const all = await compliance(db, actor, regionId);
  const own = all.providers.find((p) => p.provider.id === providerId);
  if (!own) return null;
  const [from, to] = [period.from.slice(0, 7), period.to.slice(0, 7)];
  return {
    confirmEveryWeeks: all.confirmEveryWeeks,
    entries: own.entries,
    stale: own.stale,
    lastConfirmedAt: own.lastConfirmedAt,
    months: own.months.filter((m) => m.month >= from && m.month <= to),
  };
}

/**
 * The provider's open actions, the escalations of its own meetings of the last twelve months (by reference only)
 * and the decisions of its previous account meeting held before the pack's moment.
 */
async function meetingsPart(
  db: Db,
  actor: Actor,
  regionId: string,
  providerId: string,
  before: Date,
  meetingId: string | null,
): Promise<Pick<ProviderPack, 'actions' | 'escalations' | 'previousMeeting'>> {
  const actions = (await listActions(db, actor, { regionId, status: 'open' }))
    .filter((a) => a.ownerSide === 'provider' && a.ownerProviderId === providerId)
    .map((a) => ({
      id: a.id,
      title: a.title,
      dueDate: a.dueDate,
      overdue: a.overdue,
      ownerName: a.ownerName,
      meetingId: a.meetingId,
      meetingTitle: a.meetingTitle,
      meetingStartsAt: a.meetingStartsAt,
    }));
  const yearBefore = new Date(before);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  const meetings = (await listMeetings(db, actor, { regionId })).filter(
    (m) =>
      m.id !== meetingId &&
      m.status !== 'cancelled' &&
      m.providers.some((p) => p.id === providerId) &&
      Date.parse(m.startsAt) < before.getTime(),
  );
  const escalations: ProviderPack['escalations'] = [];
  for (const m of meetings.filter((m) => Date.parse(m.startsAt) >= yearBefore.getTime())) {
    const detail = await presentMeeting(db, actor, await loadMeeting(db, actor, m.id));
    // Escalations belong to a meeting with this provider alone (a provider never reads those of a shared table).
    if (detail.providers.length !== 1) continue;
    for (const e of detail.escalations)
      escalations.push({ reference: e.reference, meetingId: m.id, meetingTitle: m.title, meetingStartsAt: m.startsAt });
  }
  const previous = meetings.filter((m) => m.type === 'accountgesprek' && m.status === 'held').at(-1);
  const detail = previous ? await presentMeeting(db, actor, await loadMeeting(db, actor, previous.id)) : null;
  return {
    actions,
    escalations: escalations.reverse(),
    previousMeeting: detail
      ? {
          id: detail.id,
          title: detail.title,
          startsAt: detail.startsAt,
          minutesStatus: detail.minutesStatus,
          decisions: detail.decisions,
        }
      : null,
  };
}
