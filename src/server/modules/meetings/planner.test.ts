import { describe, expect, it } from 'vitest';
import { amsterdamInstant, planYear, yearSlots, type PlannerInput, type PlannerMeeting } from './planner.js';

const hoog = { id: 'p-hoog', name: 'Hoog BV', tier: 'hoog', perYear: 3 };
const basis = { id: 'p-basis', name: 'Basis BV', tier: 'basis', perYear: 2 };
const base: PlannerInput = {
  year: 2026,
  now: '2026-09-01T12:00:00.000Z',
  providers: [hoog, basis],
  themes: ['Crisis', '18-/18+'],
  themeSessionsPerYear: 4,
  meetings: [],
};
const account = (
  providerId: string,
  startsAt: string,
  status: PlannerMeeting['status'],
  key: string | null = null,
) => ({
  id: `m-${providerId}-${startsAt}`,
  type: 'accountgesprek' as const,
  theme: null,
  startsAt,
  endsAt: startsAt.replace('T08', 'T09'),
  status,
  providerIds: [providerId],
  proposalKey: key,
});

describe('the year planner’s cadence', () => {
  it('splits the year into as many periods as the tier asks, each with a proposal in its middle month', () => {
    const slots = yearSlots(base);
    const ofHoog = slots.filter((s) => s.providerIds[0] === 'p-hoog' && s.type === 'accountgesprek');
    expect(ofHoog.map((s) => [s.from, s.to])).toEqual([
      ['2026-01-01', '2026-04-30'],
      ['2026-05-01', '2026-08-31'],
      ['2026-09-01', '2026-12-31'],
    ]);
    // The second Tuesday of February, June and October, 10:00 in the Netherlands (winter and summer time).
    expect(ofHoog.map((s) => s.proposal.startsAt)).toEqual([
      '2026-02-10T09:00:00.000Z',
      '2026-06-09T08:00:00.000Z',
      '2026-10-13T08:00:00.000Z',
    ]);
    const ofBasis = slots.filter((s) => s.providerIds[0] === 'p-basis' && s.type === 'accountgesprek');
    expect(ofBasis.map((s) => [s.from, s.to])).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ]);
  });

  it('proposes the two overlegtafels with every provider and each theme’s sessions', () => {
    const slots = yearSlots(base);
    const tables = slots.filter((s) => s.type === 'overlegtafel');
    expect(tables.map((s) => [s.key, s.proposal.title, s.providerIds])).toEqual([
      ['overleg:2026:voorjaar', 'Overlegtafel voorjaar 2026: transformatiedialoog', ['p-hoog', 'p-basis']],
      ['overleg:2026:najaar', 'Overlegtafel najaar 2026: formele kaders', ['p-hoog', 'p-basis']],
    ]);
    expect(tables.map((s) => s.proposal.startsAt.slice(0, 7))).toEqual(['2026-04', '2026-10']);
    const sessions = slots.filter((s) => s.type === 'transformatietafel');
    expect(sessions.filter((s) => s.theme === 'Crisis').map((s) => [s.from, s.to])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
    expect(sessions).toHaveLength(8);
  });

  it('counts held, planned and overdue per provider, and proposes only what no meeting covers', () => {
    const plan = planYear({
      ...base,
      meetings: [
        account('p-hoog', '2026-03-03T08:00:00.000Z', 'held'),
        // Planned in period 2 but never recorded as held: overdue.
        account('p-hoog', '2026-06-02T08:00:00.000Z', 'planned'),
        account('p-basis', '2026-02-03T08:00:00.000Z', 'cancelled'),
        account('p-basis', '2026-11-03T08:00:00.000Z', 'planned', 'account:p-basis:2026:2'),
      ],
    });
    expect(plan.providers).toEqual([
      { providerId: 'p-hoog', name: 'Hoog BV', tier: 'hoog', required: 3, held: 1, planned: 0, overdue: 1, toPlan: 1 },
      // The cancelled meeting covers nothing: the first half ended without one.
      {
        providerId: 'p-basis',
        name: 'Basis BV',
        tier: 'basis',
        required: 2,
        held: 0,
        planned: 1,
        overdue: 1,
        toPlan: 0,
      },
    ]);
    const states = Object.fromEntries(plan.slots.map((s) => [s.key, s.state]));
    expect(states['account:p-hoog:2026:3']).toBe('proposal');
    expect(states['overleg:2026:voorjaar']).toBe('overdue');
    expect(states['overleg:2026:najaar']).toBe('proposal');
    expect(plan.slots.find((s) => s.key === 'account:p-basis:2026:1')!.proposal).not.toBeNull();
    expect(plan.slots.find((s) => s.key === 'account:p-basis:2026:2')!.proposal).toBeNull();
  });

  it('lets a meeting outside its period cover the earliest open slot of its kind', () => {
    const plan = planYear({ ...base, meetings: [account('p-basis', '2026-08-04T08:00:00.000Z', 'held')] });
    const states = plan.slots.filter((s) => s.providerIds[0] === 'p-basis' && s.type === 'accountgesprek');
    // August lies in the second half: it covers that one, and the first half is overdue.
    expect(states.map((s) => s.state)).toEqual(['overdue', 'held']);
  });

  it('turns a local Dutch time into the right instant in winter and summer', () => {
    expect(amsterdamInstant('2026-01-15', '10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(amsterdamInstant('2026-07-15', '10:00')).toBe('2026-07-15T08:00:00.000Z');
  });
});

describe('a proposal whose day has passed', () => {
  it('moves to the same weekday and local time at least a week ahead, while its period still runs', () => {
    const plan = planYear({ ...base, now: '2026-12-07T12:00:00.000Z' });
    const najaar = plan.slots.find((s) => s.key === 'overleg:2026:najaar')!;
    expect(najaar.state).toBe('proposal');
    // Proposed for Thursday 8 October 14:00; now the first Thursday a week or more after 7 December.
    expect(najaar.proposal).toMatchObject({ startsAt: '2026-12-17T13:00:00.000Z', endsAt: '2026-12-17T15:30:00.000Z' });
    const spring = planYear({ ...base, now: '2026-01-05T12:00:00.000Z' }).slots.find(
      (s) => s.key === 'overleg:2026:voorjaar',
    )!;
    expect(spring.proposal!.startsAt).toBe('2026-04-09T12:00:00.000Z');
  });
});
