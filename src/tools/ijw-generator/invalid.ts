import { formatMonth, monthEnd, monthOf, monthStart, workdayOnOrAfter, yearOf } from './dates.js';
import { maxVolume } from './declarations.js';
import { renderMessage } from './messages';
import type { Declaration, MessageEvent, MessageType, Trajectory } from './model.js';
import type { Rng } from './prng.js';
import { maxFilesPerFolder, nextIdentificatie, nextToewijzingNummer, type Counters } from './sequence.js';
import type { Period } from './trajectories.js';
import { shardedPath, type FileJob } from './writer.js';

export const invalidKinds = [
  'malformed-xml',
  'wrong-namespace',
  'xsd-impossible-date',
  'xsd-agb-7-digits',
  'stop-without-start',
  'declaration-volume-above-allocation',
  'allocation-end-before-start',
] as const;
export type InvalidKind = (typeof invalidKinds)[number];

/** One entry of invalid/expected.json. */
export interface ExpectedInvalid {
  file: string;
  messageType: MessageType;
  kind: InvalidKind;
  /** Where an importer should catch it: not well-formed XML, the XSD, or a rule across messages. */
  level: 'xml' | 'xsd' | 'semantic';
  /** Whether xmllint accepts the file against its message XSD. */
  xsdValid: boolean;
  reason: string;
  /** iJw 3.2 rule codes (regels-istandaarden-ijw-3.2.csv) the file breaks, where one applies. */
  rules: string[];
  /** The file only shows its problem against the valid set (import that first). */
  requiresValidSet: boolean;
  ref?: { municipality: string; toewijzingNummer: number };
}

export interface InvalidContext {
  valid: MessageEvent[];
  period: Period;
  counters: Counters;
  rng: Rng;
  /** `trajectoryId|month` of every prestatie in the valid set. */
  declared: Set<string>;
  declarationCount: number;
}
type Context = InvalidContext;

type Made =
  | { event: MessageEvent; xml?: (xml: string) => string; entry: Omit<ExpectedInvalid, 'file' | 'messageType'> }
  | undefined;

/** A copy of a valid event under a fresh BerichtIdentificatie, so it never collides with a valid file. */
function copy(ctx: Context, e: MessageEvent, sender = e.sender): MessageEvent {
  return { ...e, sender, identificatie: nextIdentificatie(ctx.counters, e.sender), seq: 0, path: '' };
}

const pickSome = <T>(rng: Rng, items: readonly T[]): T | undefined => (items.length > 0 ? rng.pick(items) : undefined);

const ofType = <T extends MessageType>(ctx: Context, type: T): Array<Extract<MessageEvent, { type: T }>> =>
  ctx.valid.filter((e): e is Extract<MessageEvent, { type: T }> => e.type === type);

const makers: Record<InvalidKind, (ctx: Context) => Made> = {
  'malformed-xml': (ctx) => {
    const cut = ctx.rng.uniform(0.4, 0.9);
    return {
      event: copy(ctx, ctx.rng.pick(ctx.valid)),
      xml: (x: string) => x.slice(0, Math.floor(x.length * cut)),
      entry: {
        kind: 'malformed-xml',
        level: 'xml',
        xsdValid: false,
        reason: 'truncated: not well-formed XML',
        rules: [],
        requiresValidSet: false,
      },
    };
  },
  'wrong-namespace': (ctx) => ({
    event: copy(ctx, ctx.rng.pick(ctx.valid)),
    xml: (x) => x.replace(/\/ijw\/3_2\/(jw\d{3})\/schema/, '/ijw/3_1/$1/schema'),
    entry: {
      kind: 'wrong-namespace',
      level: 'xsd',
      xsdValid: false,
      reason: 'message namespace of iJw 3.1 instead of 3.2',
      rules: [],
      requiresValidSet: false,
    },
  }),
  'xsd-impossible-date': (ctx) => {
    const e = pickSome(ctx.rng, ofType(ctx, 'JW305'));
    if (!e) return undefined;
    const bad = `${yearOf(e.day)}-06-31`;
    return {
      event: copy(ctx, e),
      xml: (x) => x.replace(/<jw305:Begindatum>[^<]*</, `<jw305:Begindatum>${bad}<`),
      entry: {
        kind: 'xsd-impossible-date',
        level: 'xsd',
        xsdValid: false,
        reason: `Begindatum ${bad} does not exist (LDT_Datum)`,
        rules: ['RS032'],
        requiresValidSet: false,
      },
    };
  },
  'xsd-agb-7-digits': (ctx) => {
    const stops: MessageEvent[] = ofType(ctx, 'JW307');
    const e = pickSome(ctx.rng, stops.length > 0 ? stops : ofType(ctx, 'JW305'));
    if (!e) return undefined;
    return {
      event: copy(ctx, e, e.sender.slice(1)),
      entry: {
        kind: 'xsd-agb-7-digits',
        level: 'xsd',
        xsdValid: false,
        reason: `Afzender ${e.sender.slice(1)} has 7 digits (LDT_AgbCode: 8)`,
        rules: ['RS036'],
        requiresValidSet: false,
      },
    };
  },
  'stop-without-start': (ctx) => {
    // An allocation that was sent but never started (no JW305): stop it anyway.
    const started = new Set(ofType(ctx, 'JW305').map((e) => e.trajectory));
    const candidates = ofType(ctx, 'JW301').filter(
      (e) =>
        !e.change && !started.has(e.trajectory) && (e.trajectory.allocation?.start ?? Infinity) <= ctx.period.end - 12,
    );
    const source = pickSome(ctx.rng, candidates);
    const a = source?.trajectory.allocation;
    if (!source || !a) return undefined;
    const begin = a.start + ctx.rng.int(0, Math.min(5, ctx.period.end - 12 - a.start));
    const end = Math.min(begin + ctx.rng.int(1, 30), ctx.period.end - 5);
    const t: Trajectory = { ...source.trajectory, begin, end, reason: '31', status: 'ended' };
    const event: MessageEvent = {
      type: 'JW307',
      trajectory: t,
      day: workdayOnOrAfter(end + 1) > ctx.period.end ? end + 1 : workdayOnOrAfter(end + 1),
      sender: source.receiver,
      receiver: source.sender,
      seq: 0,
      path: '',
      identificatie: nextIdentificatie(ctx.counters, source.receiver),
    };
    return {
      event,
      entry: {
        kind: 'stop-without-start',
        level: 'semantic',
        xsdValid: true,
        rules: ['TR382'],
        requiresValidSet: true,
        reason: 'JW307 stop for an allocation that was never started (no JW305)',
        ref: { municipality: source.sender, toewijzingNummer: a.number },
      },
    };
  },
  'declaration-volume-above-allocation': (ctx) => {
    const source = pickSome(
      ctx.rng,
      ofType(ctx, 'JW301').filter(
        (e) => !e.change && e.trajectory.allocation && e.trajectory.allocation.omvang.frequency !== '6',
      ),
    );
    const t = source?.trajectory;
    const a = t?.allocation;
    if (!source || !t || !a) return undefined;
    // A month inside the allocation (as far as known at the period end), not declared in the valid set, whose
    // declaration can be sent before the period ends: the volume is then the only thing wrong.
    const lastMonth = Math.min(
      monthOf(t.extension && t.extension.allocationDay <= ctx.period.end ? a.end : a.originalEnd),
      monthOf(ctx.period.end) - 1,
    );
    const months: number[] = [];
    for (let m = monthOf(Math.max(a.start, a.decisionDay)); m <= lastMonth; m++)
      if (!ctx.declared.has(`${t.id}|${m}`)) months.push(m);
    const month = pickSome(ctx.rng, months);
    if (month === undefined) return undefined;
    const from = Math.max(monthStart(month), a.start);
    const to = Math.min(monthEnd(month), a.end);
    const cap = maxVolume(a.omvang, from, to);
    const volume = cap + Math.max(1, Math.ceil(cap * ctx.rng.uniform(0.2, 1)));
    const tariffCents = t.product.unit === '83' ? undefined : Math.round(t.product.tariff * 100);
    const amountCents = tariffCents === undefined ? volume : volume * tariffCents;
    const n = ++ctx.declarationCount;
    const declaration: Declaration = {
      provider: source.receiver,
      municipality: source.sender,
      month,
      totalCents: amountCents,
      number: `XD${n}`,
      clients: [
        {
          bsn: t.youth.bsn,
          prestaties: [{ trajectory: t, reference: `XP${n}`, from, to, volume, tariffCents, amountCents }],
        },
      ],
    };
    const day = Math.min(workdayOnOrAfter(monthEnd(month) + ctx.rng.int(3, 9)), ctx.period.end);
    const event: MessageEvent = {
      type: 'JW323',
      declaration,
      day,
      sender: source.receiver,
      receiver: source.sender,
      seq: 0,
      path: '',
      identificatie: nextIdentificatie(ctx.counters, source.receiver),
    };
    return {
      event,
      entry: {
        kind: 'declaration-volume-above-allocation',
        level: 'semantic',
        xsdValid: true,
        rules: ['TR321'],
        requiresValidSet: true,
        reason: `GeleverdVolume ${volume} above the ${cap} the allocation allows for ${formatMonth(month)}`,
        ref: { municipality: source.sender, toewijzingNummer: a.number },
      },
    };
  },
  'allocation-end-before-start': (ctx) => {
    const source = pickSome(
      ctx.rng,
      ofType(ctx, 'JW301').filter((e) => !e.change),
    );
    const a = source?.trajectory.allocation;
    if (!source || !a) return undefined;
    const end = a.start - ctx.rng.int(1, 60);
    const number = nextToewijzingNummer(ctx.counters, source.sender);
    const t: Trajectory = { ...source.trajectory, allocation: { ...a, number, end, originalEnd: end } };
    delete t.extension;
    const event: MessageEvent = {
      type: 'JW301',
      trajectory: t,
      change: false,
      day: source.day,
      sender: source.sender,
      receiver: source.receiver,
      seq: 0,
      path: '',
      identificatie: nextIdentificatie(ctx.counters, source.sender),
    };
    return {
      event,
      entry: {
        kind: 'allocation-end-before-start',
        level: 'semantic',
        xsdValid: true,
        rules: ['CS003'],
        requiresValidSet: false,
        reason: 'JW301 Einddatum before Ingangsdatum',
        ref: { municipality: source.sender, toewijzingNummer: number },
      },
    };
  },
};

/**
 * Invalid files for the import's error paths: `count` files cycling through every kind, each copied from or built on
 * the valid set, with fresh identifications so that none is mistaken for a resent valid file.
 */
export function buildInvalidFiles(
  ctx: InvalidContext,
  count: number,
): { jobs: FileJob[]; expected: ExpectedInvalid[] } {
  const made: Array<{ event: MessageEvent; xml?: (xml: string) => string; entry: ExpectedInvalid }> = [];
  for (let attempt = 0; made.length < count && attempt < count * 4 + invalidKinds.length; attempt++) {
    const kind = invalidKinds[attempt % invalidKinds.length] as InvalidKind;
    const m = makers[kind](ctx);
    if (m)
      made.push({
        event: m.event,
        ...(m.xml ? { xml: m.xml } : {}),
        entry: { file: '', messageType: m.event.type, ...m.entry },
      });
  }
  const jobs = made.map((m, index) => {
    const name = `${m.event.type}_${m.event.sender}_${m.event.identificatie}.xml`;
    m.entry.file = `invalid/${shardedPath('', index, made.length, name, maxFilesPerFolder).replace(/^\//, '')}`;
    return { path: m.entry.file, render: () => (m.xml ? m.xml(renderMessage(m.event)) : renderMessage(m.event)) };
  });
  return { jobs, expected: made.map((m) => m.entry) };
}
