import type { MeetingType } from '../../../shared/meetings.js';

/**
 * The year planner's rules, without the database: which meetings a year needs (slots), which meeting covers which
 * slot, and what is overdue. A slot is a period of the year in which one meeting is due; the proposal puts it in the
 * period's middle month. See docs/decisions.md, "Meetings and the year planner".
 */
export interface PlannerProvider {
  id: string;
  name: string;
  /** The provider's omvang in the region (hoog, midden, basis), or null when it has none. */
  tier: string | null;
  /** Account meetings a year its tier requires. */
  perYear: number;
}

export interface PlannerMeeting {
  id: string;
  type: MeetingType;
  theme: string | null;
  startsAt: string;
  endsAt: string;
  status: 'planned' | 'held' | 'cancelled';
  providerIds: string[];
  proposalKey: string | null;
}

export interface PlannerInput {
  year: number;
  /** Now, as an ISO instant: what lies before it and was not held is overdue. */
  now: string;
  providers: PlannerProvider[];
  themes: string[];
  themeSessionsPerYear: number;
  meetings: PlannerMeeting[];
}

export type SlotState = 'held' | 'planned' | 'overdue' | 'proposal';

export interface Slot {
  key: string;
  type: MeetingType;
  theme: string | null;
  /** What the slot is for: the provider's name, "Overlegtafel voorjaar", or the theme. */
  subject: string;
  providerIds: string[];
  /** The period in which the meeting is due (dates, inclusive). */
  from: string;
  to: string;
  state: SlotState;
  meetingId: string | null;
  meetingStartsAt: string | null;
  /** The meeting the planner proposes when no meeting covers the slot. */
  proposal: { title: string; startsAt: string; endsAt: string } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** The months (0-based, inclusive) of period i when the year is split into n equal periods. */
export function periodMonths(n: number, i: number): [number, number] {
  return [Math.floor((12 * i) / n), Math.floor((12 * (i + 1)) / n) - 1];
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month, as a date. */
export function nthWeekday(year: number, month0: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month0, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + 7 * (n - 1);
  return `${year}-${pad(month0 + 1)}-${pad(day)}`;
}

/** A local time in the Netherlands (Europe/Amsterdam, summer time included) as an ISO instant. */
export function amsterdamInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')!.value;
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return new Date(`${date}T${time}:00${offset}`).toISOString();
}

function slotPeriod(year: number, n: number, i: number) {
  const [m0, m1] = periodMonths(n, i);
  return {
    from: `${year}-${pad(m0 + 1)}-01`,
    to: `${year}-${pad(m1 + 1)}-${pad(lastDay(year, m1))}`,
    middle: Math.floor((m0 + m1) / 2),
  };
}

type SlotBase = Omit<Slot, 'state' | 'meetingId' | 'meetingStartsAt' | 'proposal'> & {
  proposal: { title: string; startsAt: string; endsAt: string };
};

/** Every slot of the year: account meetings per provider by its tier, the two overlegtafels, each theme's sessions. */
export function yearSlots(input: Pick<PlannerInput, 'year' | 'providers' | 'themes' | 'themeSessionsPerYear'>) {
  const { year } = input;
  const slots: SlotBase[] = [];
  const at = (date: string, from: string, to: string) => ({
    startsAt: amsterdamInstant(date, from),
    endsAt: amsterdamInstant(date, to),
  });
  for (const p of input.providers)
    for (let i = 0; i < p.perYear; i++) {
      const period = slotPeriod(year, p.perYear, i);
      const date = nthWeekday(year, period.middle, 2, 2);
      slots.push({
        key: `account:${p.id}:${year}:${i + 1}`,
        type: 'accountgesprek',
        theme: null,
        subject: p.name,
        providerIds: [p.id],
        from: period.from,
        to: period.to,
        proposal: { title: `Accountgesprek ${p.name} (${i + 1}/${p.perYear})`, ...at(date, '10:00', '11:30') },
      });
    }
  const all = input.providers.map((p) => p.id);
  for (const [season, month, label, topic] of [
    ['voorjaar', 3, 'Overlegtafel voorjaar', 'transformatiedialoog'],
    ['najaar', 9, 'Overlegtafel najaar', 'formele kaders'],
  ] as const) {
    const period = slotPeriod(year, 2, season === 'voorjaar' ? 0 : 1);
    slots.push({
      key: `overleg:${year}:${season}`,
      type: 'overlegtafel',
      theme: null,
      subject: label,
      providerIds: all,
      from: period.from,
      to: period.to,
      proposal: { title: `${label} ${year}: ${topic}`, ...at(nthWeekday(year, month, 4, 2), '14:00', '16:30') },
    });
  }
  const n = input.themeSessionsPerYear;
  for (const theme of input.themes)
    for (let i = 0; i < n; i++) {
      const period = slotPeriod(year, n, i);
      slots.push({
        key: `tafel:${year}:${theme}:${i + 1}`,
        type: 'transformatietafel',
        theme,
        subject: theme,
        providerIds: [],
        from: period.from,
        to: period.to,
        proposal: {
          title: `Transformatietafel ${theme} (${i + 1}/${n})`,
          ...at(nthWeekday(year, period.middle, 3, 3), '13:00', '15:00'),
        },
      });
    }
  return slots;
}

/**
 * A proposal whose date has passed while its period still runs moves to the same weekday and time at least a week
 * from now (time to invite), so the planner never proposes a day gone by.
 */
export function notBefore(proposal: SlotBase['proposal'], now: string): SlotBase['proposal'] {
  if (proposal.startsAt >= now) return proposal;
  const week = 7 * 24 * 60 * 60 * 1000;
  const shift = Math.ceil((Date.parse(now) + week - Date.parse(proposal.startsAt)) / week) * week;
  const at = (iso: string) => {
    const moved = new Date(Date.parse(iso) + shift).toISOString();
    const local = new Date(Date.parse(iso)).toLocaleTimeString('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour12: false,
    });
    return amsterdamInstant(moved.slice(0, 10), local.slice(0, 5));
  };
  return { ...proposal, startsAt: at(proposal.startsAt), endsAt: at(proposal.endsAt) };
}

/** Which group of slots a meeting can cover: the same type, and the same provider or theme. */
const groupOfSlot = (s: SlotBase) =>
  s.type === 'accountgesprek' ? `a:${s.providerIds[0]}` : s.type === 'transformatietafel' ? `t:${s.theme}` : 'o';
const groupsOfMeeting = (m: PlannerMeeting) =>
  m.type === 'accountgesprek'
    ? m.providerIds.map((id) => `a:${id}`)
    : m.type === 'transformatietafel'
      ? [`t:${m.theme}`]
      : m.type === 'overlegtafel'
        ? ['o']
        : [];

/**
 * The year laid out: each slot covered by the meeting planned from its proposal, else by another meeting of its
 * kind in the year (the open slot whose period holds its date, else the earliest open one); a slot without a meeting is a proposal, overdue once
 * its period has ended. A covering meeting that ended without being recorded as held is overdue too.
 */
export function planYear(input: PlannerInput) {
  const slots = yearSlots(input);
  const today = input.now.slice(0, 10);
  const live = input.meetings
    .filter((m) => m.status !== 'cancelled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const used = new Set<string>();
  const cover = new Map<string, PlannerMeeting>();
  for (const s of slots) {
    const m = live.find((x) => x.proposalKey === s.key);
    if (m) {
      cover.set(s.key, m);
      used.add(m.id);
    }
  }
  for (const m of live) {
    if (used.has(m.id)) continue;
    const open = slots.filter((s) => !cover.has(s.key) && groupsOfMeeting(m).includes(groupOfSlot(s)));
    const day = m.startsAt.slice(0, 10);
    const slot = open.find((s) => s.from <= day && day <= s.to) ?? open[0];
    if (slot) {
      cover.set(slot.key, m);
      used.add(m.id);
    }
  }
  const laid: Slot[] = slots.map((s) => {
    const m = cover.get(s.key);
    const state: SlotState = m
      ? m.status === 'held'
        ? 'held'
        : m.endsAt < input.now
          ? 'overdue'
          : 'planned'
      : s.to < today
        ? 'overdue'
        : 'proposal';
    return {
      ...s,
      state,
      meetingId: m?.id ?? null,
      meetingStartsAt: m?.startsAt ?? null,
      proposal: m ? null : state === 'proposal' ? notBefore(s.proposal, input.now) : s.proposal,
    };
  });
  const providers = input.providers.map((p) => {
    const own = laid.filter((s) => s.type === 'accountgesprek' && s.providerIds[0] === p.id);
    const count = (state: SlotState) => own.filter((s) => s.state === state).length;
    return {
      providerId: p.id,
      name: p.name,
      tier: p.tier,
      required: p.perYear,
      held: count('held'),
      planned: count('planned'),
      overdue: count('overdue'),
      toPlan: count('proposal'),
    };
  });
  return { year: input.year, slots: laid, providers };
}

export type YearPlan = ReturnType<typeof planYear>;
