import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { providers, regions, sessions, users } from '../../db/schema/index.js';
import { limits, type Role } from '../../../shared/domain.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { hashPassword } from './passwords.js';
import { passwordProblem } from './password-rules.js';

/** Who is acting; passed to every service that needs to authorize or audit. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  providerId: string | null;
  /** The region the account belongs to; null for a beheerder means the installation's keeper. */
  regionId: string | null;
  /**
   * The regions the actor works in, resolved once per request: its own region, every region for the installation's
   * keeper, none for another account without a region.
   */
  regionIds: string[];
  active: boolean;
}

/** Sessions and one-time links keep only this hash of their token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session for a user who proved their identity (password or OIDC). */
export async function openSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + limits.sessionHours * 3600_000);
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function resolveSession(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  return row ? withScope(db, toActor(row.user)) : null;
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export interface CreateUserOptions {
  email: string;
  name: string;
  role: Role;
  password?: string | undefined;
  providerAgbCode?: string | undefined;
  providerId?: string | undefined;
  regionId?: string | undefined;
  regionCode?: string | undefined;
}

/** Creates a local account; an aanbieder must be bound to exactly one provider. */
export async function createUser(db: Db, options: CreateUserOptions): Promise<Actor> {
  const email = options.email.trim().toLowerCase();
  let providerId = options.providerId ?? null;
  if (options.providerAgbCode) {
    const [provider] = await db
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.agbCode, options.providerAgbCode));
    if (!provider) throw fieldError('providerAgbCode', `geen aanbieder met AGB-code ${options.providerAgbCode}`);
    providerId = provider.id;
  }
  if (options.role === 'aanbieder' && !providerId)
    throw fieldError('providerId', 'een aanbieder-account hoort bij één aanbieder');
  if (options.role !== 'aanbieder') providerId = null;
  assertAcceptablePassword(options.password, email, options.name);
  const regionId = await chooseRegion(db, options);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw fieldError('email', 'er is al een account met dit e-mailadres', ErrorCode.Conflict, 'duplicate');
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: options.name,
      role: options.role,
      providerId,
      regionId,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    })
    .returning();
  return toActor(user!);
}

/** Every way of setting a password (API, CLI, demo seed) passes here: the rules of password-rules.ts. */
function assertAcceptablePassword(password: string | undefined, email: string, name?: string): void {
  if (password === undefined) return;
  const problem = passwordProblem(password, { email, name });
  if (problem) throw fieldError('password', problem);
}

export function toActor(user: typeof users.$inferSelect): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    providerId: user.providerId,
    regionId: user.regionId,
    regionIds: user.regionId ? [user.regionId] : [],
    active: user.active,
  };
}

/** The installation's keeper (a beheerder without a region) works in every region, including ones added later. */
export async function withScope(db: Db, actor: Actor): Promise<Actor> {
  if (!isInstallationKeeper(actor)) return actor;
  const all = await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.name));
  return { ...actor, regionIds: all.map((r) => r.id) };
}

/**
 * A keeper who serves several regions (a shared service centre) works in one at a time in the web UI: the browser
 * names it in a cookie, and the whole request (lists, figures, budgets, exports, uploads) is scoped to it. A region
 * outside the keeper's reach, or any other role, leaves the scope as it is; an account tied to one region has no choice.
 */
export function narrowToRegion(actor: Actor, regionId: string | undefined): Actor {
  if (!regionId || !isInstallationKeeper(actor) || !actor.regionIds.includes(regionId)) return actor;
  return { ...actor, regionIds: [regionId] };
}

/**
 * The region a request's address names (`region` or `regionId`, by id or code) when it is one of the keeper's, so a
 * link or bookmark to another of the keeper's regions shows that region rather than 404 under the one chosen in the
 * browser (it wins over the cookie for that request only). Undefined for anyone else, or a region the keeper lacks.
 */
export async function regionNamedIn(db: Db, actor: Actor, named: string | undefined): Promise<string | undefined> {
  if (!named || !isInstallationKeeper(actor)) return undefined;
  if (actor.regionIds.includes(named)) return named;
  if (!/^[a-z0-9-]{2,40}$/.test(named)) return undefined;
  const [byCode] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, named));
  return byCode && actor.regionIds.includes(byCode.id) ? byCode.id : undefined;
}

/** The regions the switcher offers: every region for the installation's keeper, none for anyone else. */
export async function switchableRegions(
  db: Db,
  actor: Actor,
): Promise<Array<{ id: string; code: string; name: string }>> {
  if (!isInstallationKeeper(actor)) return [];
  return db.select({ id: regions.id, code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.name));
}

export function isInstallationKeeper(actor: Pick<Actor, 'role' | 'regionId'>): boolean {
  return actor.role === 'beheerder' && actor.regionId === null;
}

/**
 * A new account's region: the one named, else the only region there is. A beheerder is never placed by default:
 * without a region it keeps the whole installation.
 */
export async function chooseRegion(
  db: Db,
  options: { role: Role; regionId?: string | null | undefined; regionCode?: string | undefined },
): Promise<string | null> {
  if (options.regionCode) {
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, options.regionCode));
    if (!region) throw fieldError('regionCode', `geen regio met code ${options.regionCode}`);
    return region.id;
  }
  if (options.regionId) {
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, options.regionId));
    if (!region) throw fieldError('regionId', 'onbekende regio');
    return region.id;
  }
  if (options.regionId === null || options.role === 'beheerder') return null;
  const all = await db.select({ id: regions.id }).from(regions).limit(2);
  return all.length === 1 ? all[0]!.id : null;
}

/**
 * A region (or, for a keeper, the installation) keeps at least one active beheerder: otherwise no one could manage
 * its accounts any more. Counted inside the caller's transaction; the row locks keep two demotions from crossing.
 */
async function assertNotLastBeheerder(db: Db, user: typeof users.$inferSelect, field: 'role' | 'active') {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'beheerder'),
        eq(users.active, true),
        ne(users.id, user.id),
        user.regionId ? eq(users.regionId, user.regionId) : isNull(users.regionId),
      ),
    )
    .for('update');
  if (others.length === 0)
    throw fieldError(
      field,
      user.regionId
        ? 'dit is de laatste actieve beheerder van de regio; maak eerst iemand anders beheerder'
        : 'dit is de laatste actieve beheerder van de installatie; maak eerst iemand anders beheerder',
    );
}

export interface UpdateUserOptions {
  name?: string | undefined;
  role?: Role | undefined;
  providerId?: string | null | undefined;
  regionId?: string | null | undefined;
  regionCode?: string | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

/**
 * Changes an account. Deactivating ends its sessions at once (a leaver must not keep access); nobody changes their
 * own role or deactivates themselves, and the last active beheerder of a region (or of the installation) stays one,
 * so a region never locks itself out.
 */
export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserOptions): Promise<Actor> {
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw new AppError(ErrorCode.NotFound, 'Deze gebruiker bestaat niet.');
  assertAcceptablePassword(input.password, before.email, input.name ?? before.name);
  if (id === actor.id && input.active === false)
    throw fieldError('active', 'u kunt uw eigen beheerdersaccount niet uitzetten');
  if (id === actor.id && input.role && input.role !== before.role)
    throw fieldError('role', 'u kunt uw eigen rol niet wijzigen; vraag een andere beheerder');
  const role = input.role ?? (before.role as Role);
  if (before.role === 'beheerder' && before.active && (role !== 'beheerder' || input.active === false))
    await assertNotLastBeheerder(db, before, input.active === false ? 'active' : 'role');
  const providerId =
    role === 'aanbieder' ? (input.providerId === undefined ? before.providerId : input.providerId) : null;
  if (role === 'aanbieder' && !providerId)
    throw fieldError('providerId', 'een aanbieder-account hoort bij één aanbieder');
  if (providerId && input.providerId) {
    const [provider] = await db.select({ id: providers.id }).from(providers).where(eq(providers.id, providerId));
    if (!provider) throw fieldError('providerId', 'onbekende aanbieder');
  }
  const regionId =
    input.regionId !== undefined || input.regionCode
      ? await chooseRegion(db, { role, regionId: input.regionId, regionCode: input.regionCode })
      : before.regionId;
  const [after] = await db
    .update(users)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      role,
      providerId,
      regionId,
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
    })
    .where(eq(users.id, id))
    .returning();
  if (input.active === false || input.password || role !== before.role || regionId !== before.regionId)
    await db.delete(sessions).where(eq(sessions.userId, id));
  return toActor(after!);
}
