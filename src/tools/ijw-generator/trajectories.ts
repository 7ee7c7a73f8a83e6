import { addWorkdays, ageOn, endOfMonth, toDay, workdayOnOrAfter } from './dates.js';
import {
  Catalog,
  durationShare,
  pickDuration,
  pickEndReason,
  pickOmvang,
  pickRefusalReason,
  pickReferrer,
  pickWait,
} from './distributions.js';
import type { GeneratorProvider } from './landscape.js';
import type { Landscape, MessageEvent, NewEvent, Trajectory, Youth } from './model.js';
import type { Rng } from './prng.js';
import { YouthFactory } from './youths.js';

export interface Period {
  start: number;
  end: number;
}

export interface Simulation {
  period: Period;
  youths: Youth[];
  trajectories: Trajectory[];
  /** Every message except JW323, in creation order, only those dated inside the period. */
  events: MessageEvent[];
  nextSeq: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Simulates the care flow of `youths` distinct youths over the period. Each youth gets a first trajectory that starts
 * at a uniformly drawn day, and possibly re-entries (herhaald beroep) after it ends. Every message of a trajectory
 * gets its own date; only messages dated on or before the period end exist, so the data show what a region would have
 * received by then (care still running has no JW307, the last month's declarations are not in yet).
 */
export function simulate(
  landscape: Landscape,
  rng: Rng,
  options: { youths: number; startYear: number; years: number },
): Simulation {
  const period = { start: toDay(options.startYear, 1, 1), end: toDay(options.startYear + options.years - 1, 12, 31) };
  const catalog = new Catalog(landscape.providers);
  const factory = new YouthFactory(rng, landscape.municipalities);
  const sim: Simulation = { period, youths: [], trajectories: [], events: [], nextSeq: 1 };
  const lastFirstDay = period.end - 10;

  for (let i = 0; i < options.youths; i++) {
    const firstDay = period.start + rng.int(0, lastFirstDay - period.start);
    const youth = factory.create(firstDay);
    sim.youths.push(youth);
    let day: number | undefined = firstDay;
    let avoid: GeneratorProvider | undefined;
    while (day !== undefined && day <= lastFirstDay && ageOn(youth.birthDay, day) < 23) {
      const trajectory = buildTrajectory(sim, catalog, rng, youth, day, avoid);
      const next = nextEntry(rng, trajectory);
      day = next?.day;
      avoid = next?.avoid;
    }
  }
  return sim;
}

/** When (and whether) the youth comes back after this trajectory. */
function nextEntry(rng: Rng, t: Trajectory): { day: number; avoid?: GeneratorProvider } | undefined {
  if (t.refusal) return rng.chance(0.35) ? { day: t.refusal.day + rng.int(7, 60), avoid: t.provider } : undefined;
  if (t.end === undefined) return undefined;
  if (t.reason === '38') return rng.chance(0.8) ? { day: t.end + rng.int(1, 30), avoid: t.provider } : undefined;
  if (t.reason === '02') return undefined;
  const adult = ageOn(t.youth.birthDay, t.end) >= 18;
  if (!rng.chance(adult ? 0.08 : 0.2)) return undefined;
  const gap = rng.weighted([
    [[14, 180], 0.3],
    [[181, 365], 0.4],
    [[366, 900], 0.3],
  ] as const);
  return { day: t.end + rng.int(gap[0], gap[1]) };
}

function buildTrajectory(
  sim: Simulation,
  catalog: Catalog,
  rng: Rng,
  youth: Youth,
  firstDay: number,
  avoid?: GeneratorProvider,
): Trajectory {
  const { provider, product } = catalog.pick(rng, avoid);
  const t: Trajectory = {
    id: sim.trajectories.length + 1,
    youth,
    provider,
    product,
    firstDay,
    status: 'requested',
    referrer: pickReferrer(rng, product, youth.municipality),
  };
  sim.trajectories.push(t);
  const gemeente = youth.municipality.cbsCode;
  const agb = provider.agbCode;
  const emit = (e: NewEvent): void => {
    if (e.day <= sim.period.end)
      sim.events.push({ ...e, seq: sim.nextSeq++, identificatie: '', path: '' } as MessageEvent);
  };
  const time = (): string => `${pad2(rng.int(8, 17))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;

  // Care itself: when it starts, how long it was planned and how long it lasts.
  const planned = pickDuration(rng, product);
  const wait = pickWait(rng, product);

  if (product.fundingVariant === 'taakgericht') {
    // No individual allocation: the provider reports start and stop keyed on product + begin date (IV096).
    t.begin = Math.max(sim.period.start, firstDay - rng.int(0, 5));
    t.startReportDay = workdayOnOrAfter(firstDay);
    emit({ type: 'JW305', trajectory: t, day: t.startReportDay, sender: agb, receiver: gemeente });
    finishCare(rng, t, planned, emit);
    return t;
  }

  const viaRequest = t.referrer.type !== '01' || rng.chance(0.25);
  let decisionDay: number;
  let allocationStart: number;
  if (viaRequest) {
    const requestDay = workdayOnOrAfter(firstDay);
    const reference = `${agb.slice(-4)}-${t.id}`;
    t.request = {
      day: requestDay,
      reference,
      wantedStart: requestDay + (product.productCategory === '46' ? 0 : rng.int(0, 10)),
      wantedEnd: 0,
    };
    const r = rng.next();
    if (r < 0.04 || r >= 0.84) {
      // Answered within 5 working days (OP274): refused, or 'aanvraag in onderzoek' first.
      const answerDay = addWorkdays(requestDay, rng.int(1, 5));
      if (r < 0.04) {
        t.refusal = { day: answerDay, reason: pickRefusalReason(rng, ageOn(youth.birthDay, answerDay)) };
      } else {
        t.inquiryDay = answerDay;
        if (rng.chance(0.2))
          t.refusal = {
            day: workdayOnOrAfter(answerDay + rng.int(5, 40)),
            reason: pickRefusalReason(rng, ageOn(youth.birthDay, answerDay)),
          };
      }
    }
    decisionDay =
      t.inquiryDay !== undefined
        ? workdayOnOrAfter(t.inquiryDay + rng.int(5, 45))
        : addWorkdays(requestDay, rng.int(0, 5));
    allocationStart = t.request.wantedStart;
  } else {
    decisionDay = workdayOnOrAfter(firstDay);
    allocationStart = decisionDay + rng.int(0, 7);
  }

  const crisis = product.productCategory === '46';
  const begin = crisis ? allocationStart + wait : Math.max(allocationStart, decisionDay) + wait;
  const end = begin + planned + rng.int(0, 45);
  t.allocation = {
    number: 0,
    decisionDay,
    time: time(),
    start: allocationStart,
    end: endOfMonth(end),
    originalEnd: endOfMonth(end),
    omvang: pickOmvang(rng, product),
    ...(t.request ? { providerReference: t.request.reference } : {}),
  };
  if (t.request) {
    t.request.wantedEnd = t.allocation.end;
    emit({ type: 'JW315', trajectory: t, day: t.request.day, sender: agb, receiver: gemeente });
    if (t.inquiryDay !== undefined) {
      emit({
        type: 'JW319',
        trajectory: t,
        answer: '2',
        reference: t.request.reference,
        day: t.inquiryDay,
        sender: gemeente,
        receiver: agb,
      });
    }
    if (t.refusal) {
      emit({
        type: 'JW319',
        trajectory: t,
        answer: '1',
        refusalReason: t.refusal.reason,
        reference: t.request.reference,
        day: t.refusal.day,
        sender: gemeente,
        receiver: agb,
      });
      delete t.allocation;
      return t;
    }
  }
  emit({ type: 'JW301', trajectory: t, change: false, day: decisionDay, sender: gemeente, receiver: agb });

  t.begin = begin;
  t.startReportDay = workdayOnOrAfter(Math.max(begin, decisionDay) + rng.int(0, 6));
  emit({ type: 'JW305', trajectory: t, day: t.startReportDay, sender: agb, receiver: gemeente });
  finishCare(rng, t, planned, emit);
  return t;
}

/** End of care, the optional extension request (JW317) before the allocation runs out, and the stop (JW307). */
function finishCare(rng: Rng, t: Trajectory, planned: number, emit: (e: NewEvent) => void): void {
  const begin = t.begin ?? t.firstDay;
  const reason = pickEndReason(rng, ageOn(t.youth.birthDay, begin + planned));
  const minDays = t.product.productCategory === '46' ? 3 : 7;
  let end = begin + Math.max(minDays, Math.round(planned * durationShare(rng, reason)));
  const allocation = t.allocation;
  if (allocation) end = Math.min(end, allocation.end);
  const gemeente = t.youth.municipality.cbsCode;
  const agb = t.provider.agbCode;

  // About 5 % of the allocations turn out too short: the provider asks for an extension (JW317) a few weeks before
  // the end; the municipality extends the same ToewijzingNummer (RedenWijziging 12, initiated by the provider).
  const startReportDay = t.startReportDay ?? begin;
  if (allocation && allocation.omvang.frequency !== '6' && end - begin >= 90 && rng.chance(0.075)) {
    const originalEnd = endOfMonth(begin + Math.floor((end - begin) * rng.uniform(0.45, 0.75)));
    const requestDay = workdayOnOrAfter(originalEnd - rng.int(14, 35));
    if (originalEnd < end - 14 && requestDay > startReportDay + 7) {
      const reference = `${agb.slice(-4)}-${t.id}-W`;
      const inquiry = rng.chance(0.1) ? addWorkdays(requestDay, rng.int(1, 3)) : undefined;
      const allocationDay = addWorkdays(inquiry ?? requestDay, rng.int(1, 4));
      t.extension = {
        requestDay,
        reference,
        allocationDay,
        newEnd: allocation.end,
        time: `${pad2(rng.int(8, 17))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`,
        ...(inquiry !== undefined ? { inquiryDay: inquiry } : {}),
      };
      allocation.originalEnd = originalEnd;
      emit({ type: 'JW317', trajectory: t, day: requestDay, sender: agb, receiver: gemeente });
      if (inquiry !== undefined)
        emit({ type: 'JW319', trajectory: t, answer: '2', reference, day: inquiry, sender: gemeente, receiver: agb });
      emit({ type: 'JW301', trajectory: t, change: true, day: allocationDay, sender: gemeente, receiver: agb });
    }
  }

  t.end = end;
  t.reason = reason;
  const after = Math.max(end, startReportDay, t.extension?.allocationDay ?? 0);
  t.stopReportDay = workdayOnOrAfter(after + rng.int(1, 12));
  emit({ type: 'JW307', trajectory: t, day: t.stopReportDay, sender: agb, receiver: gemeente });
}
