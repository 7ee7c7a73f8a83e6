import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { availabilityLimits } from '../../../shared/availability.js';
import { addDays, dutchToday } from '../../../shared/period.js';
import { queryRows, type Db } from '../../db/client.js';
import {
  availabilityEntries as e,
  availabilityEntryEvents,
  availabilitySettings,
  providerLocations,
  products,
  providers,
  users,
} from '../../db/schema/index.js';
import type { PageQuery } from '../../http/openapi.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { inOwnRegions, providerScope } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import { recordAudit } from '../audit/index.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import { contractedProducts } from '../landscape/index.js';
import type { Entry, EntryCreate, EntryUpdate, Settings } from './availability.schema.js';
import { withMeasuredWaits } from './measured.js';
import { presentEntries, staleSql as staleEntry } from './present.js';
import { settingsOf } from './settings.service.js';

const notYours = 'U mag alleen de beschikbaarheid van uw eigen organisatie bijwerken.';
const missing = 'Deze beschikbaarheidsregel bestaat niet.';

interface Contracted {
  region_id: string;
  product_id: string;
  product_category: string;
  with_stay: boolean;
  lot_code: string;
}

/** What the provider holds a contract for today, as the landscape module's rule says. */
export async function contractedOf(db: Db, providerId: string, today: string): Promise<Contracted[]> {
  return queryRows<Contracted & Record<string, unknown>>(
    db,
    sql`select * from (${contractedProducts(today)}) x where x.provider_id = ${providerId}`,
  );
}

/** Who may read entries: the own provider for an aanbieder, the own regions for the backoffice and policy. */
export function readScope(actor: Actor, permission: 'availability.read' | 'availability.edit'): SQL {
  const own = providerScope(actor, permission);
  return own ? eq(e.providerId, own) : inOwnRegions(e.regionId, actor);
}

export async function listEntries(
  db: Db,
  actor: Actor,
  query: {
    providerId?: string | undefined;
    regionId?: string | undefined;
    stale?: 'true' | 'false' | undefined;
    waitDiffers?: 'true' | 'false' | undefined;
  } & PageQuery,
): Promise<{ items: Entry[]; total: number }> {
  const filters = [readScope(actor, 'availability.read')];
  if (query.providerId) filters.push(eq(e.providerId, query.providerId));
  if (query.regionId) filters.push(eq(e.regionId, query.regionId));
  if (query.stale) filters.push(query.stale === 'true' ? staleEntry : sql`not ${staleEntry}`);
  if (query.waitDiffers) {
    // Measured waits are computed, not stored: the filter reads the few fields the comparison needs for every entry
    // in scope, then presents only the page's entries.
    const ids = await idsByWaitDiffers(db, and(...filters), query.waitDiffers === 'true');
    const offset = (query.page - 1) * query.pageSize;
    const page = ids.slice(offset, offset + query.pageSize);
    const items = page.length ? await presentEntries(db, inArray(e.id, page)) : [];
    const position = new Map(page.map((id, i) => [id, i]));
    items.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    return { items, total: ids.length };
  }
  const where = and(...filters);
  const items = await presentEntries(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const [total] = await db
    .select({ n: count() })
    .from(e)
    .leftJoin(availabilitySettings, eq(availabilitySettings.regionId, e.regionId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The ids of the entries matching `where` whose measured wait differs (or not) from the reported, in the list's order. */
async function idsByWaitDiffers(db: Db, where: SQL | undefined, differs: boolean): Promise<string[]> {
  const rows = await db
    .select({
      id: e.id,
      regionId: e.regionId,
      providerId: e.providerId,
      providerName: providers.name,
      productCategory: e.productCategory,
      intakeWaitWeeks: e.intakeWaitWeeks,
      treatmentWaitWeeks: e.treatmentWaitWeeks,
    })
    .from(e)
    .innerJoin(providers, eq(providers.id, e.providerId))
    .leftJoin(products, eq(products.id, e.productId))
    .leftJoin(availabilitySettings, eq(availabilitySettings.regionId, e.regionId))
    .where(where)
    .orderBy(asc(providers.name), asc(e.productCategory), asc(products.productCode), asc(e.id));
  const measured = await withMeasuredWaits(
    db,
    rows.map((r) => ({ ...r, provider: { id: r.providerId, name: r.providerName } })),
  );
  return measured.filter((m) => m.waitDiffers === differs).map((m) => m.id);
}

/** One entry with every change and confirmation, newest first. */
export async function getEntry(db: Db, actor: Actor, id: string) {
  const [entry] = await presentEntries(db, and(eq(e.id, id), readScope(actor, 'availability.read')));
  if (!entry) throw new AppError(ErrorCode.NotFound, missing);
  const events = await db
    .select({ event: availabilityEntryEvents, user: users.name })
    .from(availabilityEntryEvents)
    .leftJoin(users, eq(users.id, availabilityEntryEvents.userId))
    .where(eq(availabilityEntryEvents.entryId, id))
    .orderBy(desc(availabilityEntryEvents.at), desc(availabilityEntryEvents.id))
    .limit(200);
  return {
    ...entry,
    history: events.map(({ event, user }) => {
      const f = event.figures as Record<string, number | null>;
      return {
        at: event.at.toISOString(),
        kind: event.kind as 'create' | 'update' | 'confirm',
        user,
        intakeWaitWeeks: f.intakeWaitWeeks ?? 0,
        treatmentWaitWeeks: f.treatmentWaitWeeks ?? 0,
        waitingListCount: f.waitingListCount ?? 0,
        openPlaces: f.openPlaces ?? null,
      };
    }),
  };
}

/** The entry's row when the actor may edit it: another provider's entry is refused, another region's unknown. */
async function editable(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(e).where(eq(e.id, id));
  const own = providerScope(actor, 'availability.edit');
  if (!row || (!own && !actor.regionIds.includes(row.regionId))) throw new AppError(ErrorCode.NotFound, missing);
  if (own && row.providerId !== own) throw new AppError(ErrorCode.Forbidden, notYours);
  return row;
}

type Stop = { reason: string; from: string; until: string } | null;

interface Checked {
  withStay: boolean;
  crisis: boolean;
}

/**
 * The region's rules on an entry's values: specialisations from its list, places only for care with stay, and a
 * client stop announced at least 14 days ahead and never on crisis care. `previousStop` is the stop already accepted:
 * keeping it unchanged needs no new notice.
 */
function checkValues(
  values: { specialisations: string[]; openPlaces: number | null; clientStop: Stop },
  settings: Settings,
  target: Checked,
  previousStop: Stop,
  today: string,
): string[] {
  const vocabulary = new Map(settings.specialisations.map((s) => [s.toLowerCase(), s]));
  const specialisations = values.specialisations.map((s) => {
    const known = vocabulary.get(s.toLowerCase());
    if (!known) throw fieldError('specialisations', `${s} staat niet in de lijst van specialisaties van de regio`);
    return known;
  });
  if (values.openPlaces !== null && !target.withStay)
    throw fieldError('openPlaces', 'open plaatsen gelden alleen voor zorg met verblijf');
  const stop = values.clientStop;
  if (stop) {
    if (target.crisis)
      throw fieldError('clientStop', 'crisiszorg kan geen cliëntenstop hebben', ErrorCode.Validation, 'crisis');
    const unchanged = previousStop && previousStop.from === stop.from && previousStop.reason === stop.reason;
    const earliest = addDays(today, availabilityLimits.stopNoticeDays);
    if (!unchanged && stop.from < earliest)
      throw fieldError(
        'clientStop.from',
        `een cliëntenstop kondigt u ten minste ${availabilityLimits.stopNoticeDays} dagen van tevoren aan: de vroegste start is ${earliest}`,
        ErrorCode.Validation,
        'notice',
      );
  }
  return [...new Set(specialisations)];
}

/** The figures an event keeps: what the reported-wait history and the national report need. */
function figuresOf(x: {
  intakeWaitWeeks: number;
  treatmentWaitWeeks: number;
  waitingListCount: number;
  openPlaces: number | null;
  stopFrom: string | null;
  stopUntil: string | null;
}) {
  return {
    intakeWaitWeeks: x.intakeWaitWeeks,
    treatmentWaitWeeks: x.treatmentWaitWeeks,
    waitingListCount: x.waitingListCount,
    openPlaces: x.openPlaces,
    stopFrom: x.stopFrom,
    stopUntil: x.stopUntil,
  };
}

export async function createEntry(db: Db, actor: Actor, input: EntryCreate): Promise<Entry> {
  const own = providerScope(actor, 'availability.edit');
  if (own && input.providerId && input.providerId !== own) throw new AppError(ErrorCode.Forbidden, notYours);
  const providerId = own ?? input.providerId;
  if (!providerId) throw fieldError('providerId', 'kies een aanbieder');
  const today = dutchToday();
  const id = await db.transaction(async (tx) => {
    const [location] = await tx
      .select({ id: providerLocations.id })
      .from(providerLocations)
      .where(and(eq(providerLocations.id, input.locationId), eq(providerLocations.providerId, providerId)));
    if (!location) throw fieldError('locationId', 'deze locatie hoort niet bij de aanbieder');
    let contracted = (await contractedOf(tx, providerId, today)).filter((c) =>
      input.productId ? c.product_id === input.productId : c.product_category === input.productCategory,
    );
    if (!own) contracted = contracted.filter((c) => actor.regionIds.includes(c.region_id));
    if (input.regionId) contracted = contracted.filter((c) => c.region_id === input.regionId);
    if (contracted.length === 0)
      throw input.productId
        ? fieldError(
            'productId',
            'de aanbieder heeft voor dit product geen lopend contract',
            ErrorCode.Validation,
            'not-contracted',
          )
        : fieldError(
            'productCategory',
            'de aanbieder heeft geen lopend contract voor producten in deze categorie',
            ErrorCode.Validation,
            'not-contracted',
          );
    const regions = [...new Set(contracted.map((c) => c.region_id))];
    if (regions.length > 1)
      throw fieldError('regionId', 'de aanbieder is hiervoor in meer regio’s gecontracteerd: kies de regio');
    const regionId = regions[0]!;
    const settings = await settingsOf(tx, regionId);
    const target = targetOf(contracted, settings);
    const clientStop = input.clientStop ?? null;
    const openPlaces = input.openPlaces ?? null;
    const specialisations = checkValues(
      { specialisations: input.specialisations, openPlaces, clientStop },
      settings,
      target,
      null,
      today,
    );
    const values = {
      regionId,
      providerId,
      locationId: input.locationId,
      productId: input.productId ?? null,
      productCategory: contracted[0]!.product_category,
      intakeWaitWeeks: input.intakeWaitWeeks,
      treatmentWaitWeeks: input.treatmentWaitWeeks,
      waitingListCount: input.waitingListCount,
      openPlaces,
      stopReason: clientStop?.reason ?? null,
      stopFrom: clientStop?.from ?? null,
      stopUntil: clientStop?.until ?? null,
      specialisations,
      note: input.note ?? null,
      ageFrom: input.ageFrom,
      ageTo: input.ageTo,
      languages: [...new Set(input.languages)],
      offerForms: [...new Set(input.offerForms)],
      intakePhone: input.intakePhone ?? null,
      intakeEmail: input.intakeEmail ?? null,
      intakeHow: input.intakeHow ?? null,
      updatedBy: actor.id,
    };
    const [row] = await tx.insert(e).values(values).onConflictDoNothing().returning({ id: e.id });
    if (!row)
      throw new AppError(ErrorCode.Conflict, 'Voor dit product op deze locatie bestaat al een regel: werk die bij.');
    await tx
      .insert(availabilityEntryEvents)
      .values({ entryId: row.id, providerId, userId: actor.id, kind: 'create', figures: figuresOf(values) });
    await bumpDataVersion(tx, 'availability');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'availability-entry',
      entityId: row.id,
      regionId,
      after: values,
    });
    return row.id;
  });
  const [entry] = await presentEntries(db, eq(e.id, id));
  return entry!;
}

/** Care with stay when any contracted product it stands for has stay; crisis when any is in a crisis lot. */
function targetOf(contracted: Contracted[], settings: Settings): Checked {
  return {
    withStay: contracted.some((c) => c.with_stay),
    crisis: contracted.some((c) => settings.crisisLots.includes(c.lot_code)),
  };
}

/** Changes an entry; a change confirms it too. Nothing is saved when a value breaks a rule. */
export async function updateEntry(db: Db, actor: Actor, id: string, input: EntryUpdate): Promise<Entry> {
  const today = dutchToday();
  await db.transaction(async (tx) => {
    const row = await editable(tx, actor, id);
    const settings = await settingsOf(tx, row.regionId);
    const contracted = (await contractedOf(tx, row.providerId, today)).filter(
      (c) =>
        c.region_id === row.regionId &&
        (row.productId ? c.product_id === row.productId : c.product_category === row.productCategory),
    );
    const previousStop = row.stopFrom ? { reason: row.stopReason!, from: row.stopFrom, until: row.stopUntil! } : null;
    const clientStop = input.clientStop === undefined ? previousStop : input.clientStop;
    const openPlaces = input.openPlaces === undefined ? row.openPlaces : input.openPlaces;
    const ageFrom = input.ageFrom ?? row.ageFrom;
    const ageTo = input.ageTo ?? row.ageTo;
    if (ageTo < ageFrom) throw fieldError('ageTo', 'de leeftijd tot ligt onder de leeftijd vanaf');
    const specialisations = checkValues(
      { specialisations: input.specialisations ?? row.specialisations, openPlaces, clientStop },
      settings,
      targetOf(contracted, settings),
      previousStop,
      today,
    );
    const { clientStop: _, ...rest } = input;
    const values = {
      ...rest,
      openPlaces,
      specialisations,
      ageFrom,
      ageTo,
      stopReason: clientStop?.reason ?? null,
      stopFrom: clientStop?.from ?? null,
      stopUntil: clientStop?.until ?? null,
      ...(input.languages ? { languages: [...new Set(input.languages)] } : {}),
      ...(input.offerForms ? { offerForms: [...new Set(input.offerForms)] } : {}),
      confirmedAt: new Date(),
      updatedAt: new Date(),
      updatedBy: actor.id,
    };
    const [after] = await tx.update(e).set(values).where(eq(e.id, id)).returning();
    await tx.insert(availabilityEntryEvents).values({
      entryId: id,
      providerId: row.providerId,
      userId: actor.id,
      kind: 'update',
      figures: figuresOf(after!),
    });
    await bumpDataVersion(tx, 'availability');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'availability-entry',
      entityId: id,
      regionId: row.regionId,
      before: row,
      after,
    });
  });
  const [entry] = await presentEntries(db, eq(e.id, id));
  return entry!;
}

/** "Unchanged": confirms each entry as it stands, in one transaction (all or none). */
export async function confirmEntries(db: Db, actor: Actor, ids: string[]): Promise<Entry[]> {
  const unique = [...new Set(ids)];
  await db.transaction(async (tx) => {
    for (const id of unique) {
      const row = await editable(tx, actor, id);
      await tx.update(e).set({ confirmedAt: new Date() }).where(eq(e.id, id));
      await tx.insert(availabilityEntryEvents).values({
        entryId: id,
        providerId: row.providerId,
        userId: actor.id,
        kind: 'confirm',
        figures: figuresOf(row),
      });
    }
    await bumpDataVersion(tx, 'availability');
  });
  return presentEntries(db, inArray(e.id, unique));
}

/** Removes an entry (the provider no longer offers it there); its history goes with it, the audit log keeps it. */
export async function deleteEntry(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await editable(tx, actor, id);
    await tx.delete(e).where(eq(e.id, id));
    await bumpDataVersion(tx, 'availability');
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'availability-entry',
      entityId: id,
      regionId: row.regionId,
      before: row,
    });
  });
}
