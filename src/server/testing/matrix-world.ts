import { randomBytes } from 'node:crypto';
import { roles, type Role } from '../../shared/domain.js';
import { availabilityEntries, providerLocations, users } from '../db/schema/index.js';
import { openSession, type Actor } from '../modules/auth/auth.service.js';
import { importSources, type FileResult } from '../modules/exchange/import.service.js';
import { contextAllocation } from '../modules/exchange/testing/example-region.js';
import { example } from '../modules/exchange/testing/ijw-examples.js';
import { loadXsdSupport } from '../modules/exchange/xsd.js';
import { createBudget } from '../modules/landscape/budgets/budgets.service.js';
import { createCombination } from '../modules/landscape/combinations/combinations.service.js';
import { createProduct } from '../modules/landscape/products/products.service.js';
import { refreshKpiFacts } from '../modules/monitoring/facts.service.js';
import { createTarget } from '../modules/monitoring/targets.service.js';
import { createRegion, defaultTierLevels } from '../modules/landscape/regions/regions.service.js';
import { buildAdmin, buildContract, buildProvider, freshMunicipalityCodes } from './factories.js';
import type { TestContext } from './harness.js';

/**
 * The world the permission matrix walks: two regions with the same kinds of objects, so every operation can be
 * asked about an object of the actor's own region (A) and of another (B), and two providers, so an aanbieder can be
 * asked about its own provider (P) and another (Q). Q works in both regions, P only in A; every signed-in audience
 * is a user of region A.
 */
export interface Side {
  region: Awaited<ReturnType<typeof newRegion>>;
  contractId: string;
  productId: string;
  budgetId: string;
  targetId: string;
  combinationId: string;
  importId: string;
  quarantinedId: string;
  userId: string;
  /** The lead provider's availability entry for the region's current product. */
  availabilityEntryId: string;
  /** A product valid today that the lead holds a running contract for. */
  currentProductId: string;
}

export interface World {
  a: Side;
  b: Side;
  /** Region A's objects that belong to Q: what an aanbieder of P may not reach inside its own region. */
  aOfQ: { contractId: string; combinationId: string; importId: string; availabilityEntryId: string };
  own: { id: string; agbCode: string; name: string };
  other: { id: string; agbCode: string; name: string };
  admin: Actor;
  /** A session per audience: the five roles in region A, and the installation's keeper (a beheerder without a region). */
  sessions: Record<MatrixAudience, { token: string; userId: string }>;
  /** Strings that only appear in an answer that shows region B's objects. */
  regionBMarkers: Marker[];
  /** Strings that only appear in an answer that shows provider Q's objects. */
  providerQMarkers: Marker[];
}

/** The signed-in audiences the matrix asks as. */
export type MatrixAudience = Role | 'keeper';

export interface Marker {
  what: string;
  text: string;
}

/**
 * Users belong to a region once the users table has a region column; until then the same fixture runs without it,
 * so the matrix states the rule before the schema carries it.
 */
function regionOf(regionId: string | null): Record<string, string | null> {
  return 'regionId' in users ? { regionId } : {};
}

export async function insertUser(
  ctx: TestContext,
  role: Role,
  regionId: string | null,
  providerId: string | null,
): Promise<{ id: string }> {
  const tag = randomBytes(4).toString('hex');
  const values = {
    email: `matrix-${role}-${tag}@test.nl`,
    name: `Matrix ${role} ${tag}`,
    role,
    providerId: role === 'aanbieder' ? providerId : null,
    ...regionOf(regionId),
  };
  const [row] = await ctx.database.db
    .insert(users)
    .values(values as typeof users.$inferInsert)
    .returning();
  return { id: row!.id };
}

/** A session without the slow password hash; each call is its own session, so signing one out leaves the rest. */
export async function sessionFor(ctx: TestContext, userId: string): Promise<string> {
  return (await openSession(ctx.database.db, userId)).token;
}

export async function importOne(ctx: TestContext, admin: Actor, name: string, bytes: Buffer): Promise<FileResult> {
  const results: FileResult[] = [];
  async function* one() {
    yield { name, bytes };
  }
  await importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: admin }, one(), (r) => results.push(r));
  return results[0]!;
}

export function allocation(municipality: string, provider: string, id: string): Buffer {
  return contextAllocation({
    municipality,
    provider,
    id,
    products: [
      {
        number: id.slice(-8),
        category: '45',
        code: '45A01',
        start: '2025-01-06',
        end: '2025-12-31',
        volume: 4,
        unit: '04',
        frequency: '2',
      },
    ],
  });
}

/** The example JW305 turned into the start of the allocation above, so the KPIs count the youth in 2025. */
export function start(municipality: string, provider: string, id: string): Buffer {
  const xml = example('JW305').toString('utf8');
  return Buffer.from(
    xml
      .replace('<jw305:Afzender>65656055</jw305:Afzender>', `<jw305:Afzender>${provider}</jw305:Afzender>`)
      .replace('<jw305:Ontvanger>0363</jw305:Ontvanger>', `<jw305:Ontvanger>${municipality}</jw305:Ontvanger>`)
      .replace('<ijw:Identificatie>123456789012</ijw:Identificatie>', `<ijw:Identificatie>${id}</ijw:Identificatie>`)
      .replace('<ijw:Dagtekening>2026-04-15</ijw:Dagtekening>', '<ijw:Dagtekening>2025-01-20</ijw:Dagtekening>')
      .replace(
        /<jw305:StartProducten>[\s\S]*<\/jw305:StartProducten>/,
        `<jw305:StartProducten>
			<jw305:StartProduct>
				<jw305:ToewijzingNummer>${id.slice(-8)}</jw305:ToewijzingNummer>
				<jw305:Product>
					<ijw:Categorie>45</ijw:Categorie>
					<ijw:Code>45A01</ijw:Code>
				</jw305:Product>
				<jw305:ToewijzingIngangsdatum>2025-01-06</jw305:ToewijzingIngangsdatum>
				<jw305:Begindatum>2025-01-13</jw305:Begindatum>
				<jw305:StatusAanlevering>1</jw305:StatusAanlevering>
			</jw305:StartProduct>
		</jw305:StartProducten>`,
      ),
  );
}

async function imported(ctx: TestContext, admin: Actor, municipality: string, provider: string) {
  const id = String(100_000_000_000 + Math.floor(Math.random() * 800_000_000_000));
  const accepted = await importOne(ctx, admin, `jw301-${id}.xml`, allocation(municipality, provider, id));
  if (accepted.status !== 'accepted')
    throw new Error(`matrix world: JW301 not accepted: ${JSON.stringify(accepted.reasons)}`);
  const started = await importOne(ctx, admin, `jw305-${id}.xml`, start(municipality, provider, id));
  if (started.status !== 'accepted')
    throw new Error(`matrix world: JW305 not accepted: ${JSON.stringify(started.reasons)}`);
  const broken = allocation(municipality, provider, `${id.slice(0, -1)}9`)
    .toString('utf8')
    .replace(/<ijw:Volume>4<\/ijw:Volume>/, '<ijw:Volume>vier</ijw:Volume>');
  const rejected = await importOne(ctx, admin, `jw301-${id}-kapot.xml`, Buffer.from(broken));
  if (rejected.status !== 'rejected') throw new Error('matrix world: the broken JW301 was not rejected');
  return { importId: accepted.fileId!, quarantinedId: rejected.fileId! };
}

async function newRegion(ctx: TestContext, name: string) {
  const { actor } = await buildAdmin(ctx);
  const tag = randomBytes(3).toString('hex');
  const [first, second] = freshMunicipalityCodes();
  return createRegion(ctx.database.db, actor, {
    code: `matrix-${name.toLowerCase()}-${tag}`,
    name: `Regio ${name} ${tag}`,
    municipalities: [
      { cbsCode: first, name: `Gemeente ${name} ${tag}` },
      { cbsCode: second, name: `Gemeente ${name} twee ${tag}` },
    ],
    lots: [{ code: 'AMB', name: `Ambulant ${name} ${tag}` }],
    budgetLines: [{ code: 'ZIN', name: `Zorg in natura ${name} ${tag}`, productCategories: ['45'] }],
    tierLevels: defaultTierLevels,
  });
}

async function side(
  ctx: TestContext,
  admin: Actor,
  region: Awaited<ReturnType<typeof newRegion>>,
  lead: { id: string; agbCode: string },
): Promise<Side> {
  const db = ctx.database.db;
  const name = region.name;
  const contract = await buildContract(ctx, { regionId: region.id, lotId: region.lots[0]!.id, providerId: lead.id });
  const product = await createProduct(db, admin, {
    regionId: region.id,
    lotId: region.lots[0]!.id,
    productCategory: '45',
    productCode: '45A01',
    name: `Product ${name}`,
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    tariffs: [{ year: 2025, tariff: 80 }],
  });
  const budget = await createBudget(db, admin, {
    municipalityId: region.municipalities[0]!.id,
    budgetLineId: region.budgetLines[0]!.id,
    year: 2025,
    amount: 1_000_000,
  });
  const target = await db.transaction((tx) =>
    createTarget(tx, admin, region.id, {
      kpi: 'youths_in_care',
      scopeType: 'region',
      comparator: 'atMost',
      value: 500,
      note: `Doel ${name}`,
    }),
  );
  const combination = await createCombination(db, admin, {
    regionId: region.id,
    name: `Combinatie ${name}`,
    leadProviderId: lead.id,
    subcontractorIds: [],
  });
  const files = await imported(ctx, admin, region.municipalities[0]!.cbsCode, lead.agbCode);
  const user = await insertUser(ctx, 'verwijzer', region.id, null);
  await buildContract(ctx, {
    regionId: region.id,
    lotId: region.lots[0]!.id,
    providerId: lead.id,
    startDate: '2026-01-01',
    endDate: '2029-12-31',
  });
  const current = await createProduct(db, admin, {
    regionId: region.id,
    lotId: region.lots[0]!.id,
    productCategory: '45',
    productCode: '45A02',
    name: `Lopend product ${name}`,
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    validFrom: '2026-01-01',
    tariffs: [{ year: 2026, tariff: 82 }],
  });
  const entry = await insertAvailabilityEntry(ctx, region.id, lead.id, current.id);
  return {
    region,
    contractId: contract.id,
    productId: product.id,
    budgetId: budget.id,
    targetId: target.id,
    combinationId: combination.id,
    ...files,
    userId: user.id,
    availabilityEntryId: entry.id,
    currentProductId: current.id,
  };
}

/**
 * An availability entry of a provider at a new location of its own, written directly (the matrix asks who may reach
 * it, not whether a contract allows it).
 */
export async function insertAvailabilityEntry(
  ctx: TestContext,
  regionId: string,
  providerId: string,
  productId: string | null,
): Promise<{ id: string; locationId: string }> {
  const db = ctx.database.db;
  const [location] = await db
    .insert(providerLocations)
    .values({ providerId, name: `Locatie ${randomBytes(3).toString('hex')}`, postcode: '3431 AB', city: 'Nieuwegein' })
    .returning();
  const [entry] = await db
    .insert(availabilityEntries)
    .values({
      regionId,
      providerId,
      locationId: location!.id,
      productId,
      productCategory: '45',
      intakeWaitWeeks: 3,
      treatmentWaitWeeks: 5,
      offerForms: ['individueel'],
    })
    .returning();
  return { id: entry!.id, locationId: location!.id };
}

const quoted = (text: string) => `"${text}"`;

function sideMarkers(s: Side): Marker[] {
  const r = s.region;
  return [
    { what: 'regio B', text: quoted(r.id) },
    { what: 'regiocode B', text: r.code },
    { what: 'regionaam B', text: r.name },
    ...r.municipalities.flatMap((m) => [
      { what: `gemeente ${m.name}`, text: quoted(m.id) },
      { what: `gemeentenaam ${m.name}`, text: m.name },
      { what: `CBS-code ${m.cbsCode}`, text: quoted(m.cbsCode) },
    ]),
    ...r.lots.map((l) => ({ what: `perceel ${l.name}`, text: quoted(l.id) })),
    ...r.budgetLines.map((l) => ({ what: `begrotingspost ${l.name}`, text: quoted(l.id) })),
    ...r.tierLevels.map((t) => ({ what: `niveau ${t.code}`, text: quoted(t.id) })),
    { what: 'contract B', text: quoted(s.contractId) },
    { what: 'product B', text: quoted(s.productId) },
    { what: 'budget B', text: quoted(s.budgetId) },
    { what: 'KPI-doel B', text: quoted(s.targetId) },
    { what: 'combinatie B', text: quoted(s.combinationId) },
    { what: 'bestand B', text: quoted(s.importId) },
    { what: 'quarantaine B', text: quoted(s.quarantinedId) },
    { what: 'gebruiker B', text: quoted(s.userId) },
    { what: 'beschikbaarheid B', text: quoted(s.availabilityEntryId) },
  ];
}

/** Builds the world once per test file; about a second on PGlite. */
export async function buildWorld(ctx: TestContext): Promise<World> {
  await loadXsdSupport();
  const db = ctx.database.db;
  const p = await buildProvider(ctx, { name: `Eigen aanbieder ${randomBytes(3).toString('hex')}` });
  const q = await buildProvider(ctx, { name: `Andere aanbieder ${randomBytes(3).toString('hex')}` });
  // Region B sorts first by name: a service that guesses "the first region" shows its data, and the matrix sees it.
  const regionB = await newRegion(ctx, 'Noord');
  const regionA = await newRegion(ctx, 'Zuid');
  // The fixture's writer is the installation's keeper, made once both regions exist so that it works in both.
  const { actor: admin } = await buildAdmin(ctx);
  const b = await side(ctx, admin, regionB, q);
  const a = await side(ctx, admin, regionA, p);
  const contractOfQ = await buildContract(ctx, {
    regionId: a.region.id,
    lotId: a.region.lots[0]!.id,
    providerId: q.id,
  });
  const combinationOfQ = await createCombination(db, admin, {
    regionId: a.region.id,
    name: `Combinatie Zuid van ${q.name}`,
    leadProviderId: q.id,
    subcontractorIds: [],
  });
  const filesOfQ = await imported(ctx, admin, a.region.municipalities[1]!.cbsCode, q.agbCode);
  const entryOfQ = await insertAvailabilityEntry(ctx, a.region.id, q.id, null);
  await buildContract(ctx, {
    regionId: a.region.id,
    lotId: a.region.lots[0]!.id,
    providerId: q.id,
    startDate: '2026-01-01',
    endDate: '2029-12-31',
  });
  // KPI facts are built by a background job, not by a read: built here once all messages are in.
  await refreshKpiFacts(db);
  const sessions = {} as World['sessions'];
  for (const role of roles) {
    const { id } = await insertUser(ctx, role, a.region.id, p.id);
    sessions[role] = { userId: id, token: await sessionFor(ctx, id) };
  }
  const keeper = await insertUser(ctx, 'beheerder', null, null);
  sessions.keeper = { userId: keeper.id, token: await sessionFor(ctx, keeper.id) };
  return {
    a,
    b,
    aOfQ: {
      contractId: contractOfQ.id,
      combinationId: combinationOfQ.id,
      importId: filesOfQ.importId,
      availabilityEntryId: entryOfQ.id,
    },
    own: { id: p.id, agbCode: p.agbCode, name: p.name },
    other: { id: q.id, agbCode: q.agbCode, name: q.name },
    admin,
    sessions,
    regionBMarkers: sideMarkers(b),
    providerQMarkers: [
      { what: 'aanbieder Q', text: quoted(q.id) },
      { what: 'AGB-code van Q', text: quoted(q.agbCode) },
      { what: 'naam van Q', text: q.name },
      { what: 'contract van Q', text: quoted(contractOfQ.id) },
      { what: 'combinatie van Q', text: quoted(combinationOfQ.id) },
      { what: 'bestand van Q', text: quoted(filesOfQ.importId) },
      { what: 'contract van Q in B', text: quoted(b.contractId) },
      { what: 'combinatie van Q in B', text: quoted(b.combinationId) },
      { what: 'bestand van Q in B', text: quoted(b.importId) },
      { what: 'beschikbaarheid van Q', text: quoted(entryOfQ.id) },
      { what: 'beschikbaarheid van Q in B', text: quoted(b.availabilityEntryId) },
    ],
  };
}
