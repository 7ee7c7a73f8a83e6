import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { defaultAccountMeetingsPerYear, type MeetingType } from '../../../shared/meetings.js';
import type { Db } from '../../db/client.js';
import { meetingProviders, meetings } from '../../db/schema/index.js';
import { fieldError } from '../../http/errors.js';
import type { Actor } from '../auth/index.js';
import { getRegion, listRegionContracts, listRegionTiers } from '../landscape/index.js';
import { createMeeting, getMeetingSettings } from './meetings.service.js';
import { planYear, type PlannerProvider } from './planner.js';

const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+01:00`);

/**
 * The providers the year's account meetings are with: every holder of a contract that runs some day of the year,
 * with the account meetings its omvang tier requires (the tier level's number; 2 without one).
 */
async function plannerProviders(db: Db, regionId: string, year: number): Promise<PlannerProvider[]> {
  const [region, contracts, tiers] = [
    await getRegion(db, regionId),
    await listRegionContracts(db, regionId),
    await listRegionTiers(db, regionId),
  ];
  const holders = new Map<string, string>();
  for (const c of contracts)
    if (c.startDate <= `${year}-12-31` && c.effectiveEndDate >= `${year}-01-01`)
      for (const h of c.holders) holders.set(h.providerId, h.name);
  return [...holders.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], 'nl'))
    .map(([id, name]) => {
      const omvang = tiers.find((t) => t.providerId === id && t.scheme === 'omvang');
      const level = region.tierLevels.find((l) => l.id === omvang?.tierLevelId);
      return {
        id,
        name,
        tier: omvang?.code ?? null,
        perYear: level?.accountMeetingsPerYear ?? defaultAccountMeetingsPerYear,
      };
    });
}

async function meetingsOfYear(db: Db, regionId: string, year: number) {
  const rows = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.regionId, regionId),
        gte(meetings.startsAt, yearStart(year)),
        lt(meetings.startsAt, yearStart(year + 1)),
      ),
    );
  const links = rows.length
    ? await db
        .select()
        .from(meetingProviders)
        .where(
          inArray(
            meetingProviders.meetingId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((m) => ({
    id: m.id,
    type: m.type as MeetingType,
    theme: m.theme,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    status: m.status as 'planned' | 'held' | 'cancelled',
    providerIds: links.filter((l) => l.meetingId === m.id).map((l) => l.providerId),
    proposalKey: m.proposalKey,
  }));
}

/** The year planner of a region: the slots the year needs, what covers them, and per provider what is overdue. */
export async function yearPlan(db: Db, regionId: string, year: number, now = new Date()) {
  const settings = await getMeetingSettings(db, regionId);
  return planYear({
    year,
    now: now.toISOString(),
    providers: await plannerProviders(db, regionId, year),
    themes: settings.themes,
    themeSessionsPerYear: settings.themeSessionsPerYear,
    meetings: await meetingsOfYear(db, regionId, year),
  });
}

/** Plans the chosen proposals as meetings; a key that is no open proposal of the year is refused, nothing saved. */
export async function acceptProposals(db: Db, actor: Actor, input: { regionId: string; year: number; keys: string[] }) {
  const plan = await yearPlan(db, input.regionId, input.year);
  const open = new Map(plan.slots.filter((s) => s.proposal).map((s) => [s.key, s]));
  const unknown = input.keys.filter((k) => !open.has(k));
  if (unknown.length)
    throw fieldError('keys', `geen open voorstel in ${input.year}: ${unknown.slice(0, 3).join(', ')}`);
  return db.transaction(async (tx) => {
    const created = [];
    for (const key of [...new Set(input.keys)]) {
      const s = open.get(key)!;
      const m = await createMeeting(tx, actor, {
        regionId: input.regionId,
        type: s.type,
        theme: s.theme,
        title: s.proposal!.title,
        startsAt: s.proposal!.startsAt,
        endsAt: s.proposal!.endsAt,
        location: null,
        providerIds: s.providerIds,
        agenda: [],
        invitees: [],
        proposalKey: key,
      });
      created.push(m.id);
    }
    return { created: created.length, meetingIds: created };
  });
}

/** The planned meetings of a year, for the invitations file. */
export async function plannedMeetingsOfYear(db: Db, regionId: string, year: number) {
  return (
    await db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.regionId, regionId),
          eq(meetings.status, 'planned'),
          gte(meetings.startsAt, yearStart(year)),
          lt(meetings.startsAt, yearStart(year + 1)),
        ),
      )
  ).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
