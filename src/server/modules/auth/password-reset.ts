import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { passwordResets, sessions, users } from '../../db/schema/index.js';
import { limits } from '../../../shared/domain.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { queueMail } from '../../mail/index.js';
import { recordAudit } from '../audit/index.js';
import { hashToken, toActor, type Actor } from './auth.service.js';
import { passwordProblem } from './password-rules.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** The page where the link's holder sets a password; the token follows '#', so it never reaches a server log. */
export const resetPagePath = '/wachtwoord-instellen';

export interface PasswordResetLink {
  url: string;
  expiresAt: string;
  /** Whether the link was also put in the outbox, to the account's address (only when a mail server is set). */
  mailed: boolean;
}

/**
 * A one-time link to set a new password, for an account in the beheerder's reach: 32 random bytes, only its SHA-256
 * stored, valid for `passwordResetHours`, and replacing any earlier link of the account. With a mail server the
 * link is queued to the account's address in the same transaction; either way the beheerder sees it once.
 */
export async function createPasswordReset(
  db: Db,
  actor: Actor,
  user: typeof users.$inferSelect,
  options: { origin: string; mail: boolean },
): Promise<PasswordResetLink> {
  if (!user.active)
    throw fieldError('userId', 'dit account is gedeactiveerd; activeer het eerst', ErrorCode.Validation, 'inactive');
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + limits.passwordResetHours * 3600_000);
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
  await db
    .insert(passwordResets)
    .values({ tokenHash: hashToken(token), userId: user.id, createdBy: actor.id, expiresAt, createdAt: now });
  const url = `${options.origin}${resetPagePath}#${token}`;
  if (options.mail) {
    await queueMail(db, {
      regionId: user.regionId,
      to: user.email,
      subject: 'Stel een nieuw wachtwoord in voor Zorglandschap',
      text:
        `Beste ${user.name},\n\n${actor.name} heeft een link voor u gemaakt om een nieuw wachtwoord in te stellen:\n\n` +
        `${url}\n\nDe link werkt één keer en is ${limits.passwordResetHours} uur geldig. Heeft u hier niet om ` +
        `gevraagd? Neem dan contact op met de beheerder van uw regio.\n\nZorglandschap`,
      kind: 'password-reset',
      reference: user.id,
    });
  }
  await recordAudit(db, actor, {
    action: 'update',
    entity: 'user',
    entityId: user.id,
    regionId: user.regionId,
    label: user.name,
    after: {
      access: 'link voor een nieuw wachtwoord gemaakt',
      expiresAt: expiresAt.toISOString(),
      mailed: options.mail,
    },
  });
  return { url, expiresAt: expiresAt.toISOString(), mailed: options.mail };
}

/** The link's account, or 404 (never made) / 410 (used, replaced, expired, or the account was deactivated). */
async function liveReset(db: Db, token: string) {
  const [row] = await db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row)
    throw new AppError(ErrorCode.NotFound, 'Deze link kennen we niet. Controleer of u hem helemaal hebt overgenomen.');
  if (row.reset.usedAt)
    throw new AppError(
      ErrorCode.Gone,
      'Deze link is al gebruikt of vervangen door een nieuwere. Vraag de beheerder om een nieuwe.',
    );
  if (row.reset.expiresAt <= new Date() || !row.user.active)
    throw new AppError(ErrorCode.Gone, 'Deze link is verlopen. Vraag de beheerder om een nieuwe.');
  return row;
}

/** What the page shows before the holder chooses: whose account, and until when the link works. */
export async function checkPasswordReset(db: Db, token: string) {
  const { reset, user } = await liveReset(db, token);
  return { name: user.name, email: user.email, expiresAt: reset.expiresAt.toISOString() };
}

/**
 * Sets the new password and uses the link up, in one transaction; the account's sessions end (whoever had the old
 * password is out). The link is marked used before the hash is computed, so two tabs cannot both use it.
 */
export async function completePasswordReset(db: Db, token: string, password: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { reset, user } = await liveReset(tx, token);
    const problem = passwordProblem(password, { email: user.email, name: user.name });
    if (problem) throw fieldError('password', problem);
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, reset.tokenHash), isNull(passwordResets.usedAt)))
      .returning({ tokenHash: passwordResets.tokenHash });
    if (!claimed) throw new AppError(ErrorCode.Gone, 'Deze link is al gebruikt. Vraag de beheerder om een nieuwe.');
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, toActor(user), {
      action: 'update',
      entity: 'user',
      entityId: user.id,
      regionId: user.regionId,
      label: user.name,
      after: { access: 'nieuw wachtwoord ingesteld met de link' },
    });
  });
}

/**
 * "Change my password": the current password proves it is the account's holder (not someone at an unlocked screen);
 * every other session of the account ends, the one in use stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; password: string; keepSessionHash: string | null; source: string },
): Promise<'changed' | 'wrong-current'> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new AppError(ErrorCode.NotFound, 'Dit account bestaat niet.');
  if (!user.passwordHash)
    throw fieldError('currentPassword', 'u logt in via uw organisatie (OIDC); daar wijzigt u uw wachtwoord');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash, input.source))) return 'wrong-current';
  const problem = passwordProblem(input.password, { email: user.email, name: user.name });
  if (problem) throw fieldError('password', problem);
  if (input.password === input.currentPassword)
    throw fieldError('password', 'kies een ander wachtwoord dan het huidige');
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password, input.source) })
      .where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(
        input.keepSessionHash
          ? and(eq(sessions.userId, user.id), ne(sessions.tokenHash, input.keepSessionHash))
          : eq(sessions.userId, user.id),
      );
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: user.id,
      regionId: user.regionId,
      label: user.name,
      after: { access: 'eigen wachtwoord gewijzigd' },
    });
  });
  return 'changed';
}
