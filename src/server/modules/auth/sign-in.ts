import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { openSession, toActor, withScope, type Actor } from './auth.service.js';
import { GateFullError } from './hashing-gate.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './sign-in-throttle.js';

// A fixed hash so that an unknown e-mail costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface SignInOptions {
  throttle: SignInThrottle;
  /** Where the attempt comes from (the client's address, or its /64 for IPv6). */
  source: string;
}

/**
 * Checks credentials and opens a session; the same error for unknown user and wrong password. A throttled account or
 * address is refused before any hashing, with the wait in the answer; the hash itself waits its turn at the gate.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  { throttle, source }: SignInOptions,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const account = email.trim().toLowerCase();
  const attempt = throttle.begin(account, source);
  if ('retryAfterSeconds' in attempt) throw tooMany(attempt.retryAfterSeconds);
  // Only a password actually checked and found wrong counts as a failure; a busy gate or a database error does not.
  let ok: boolean | undefined;
  try {
    const [user] = await db.select().from(users).where(eq(users.email, account));
    dummyHash ??= hashPassword('not-a-real-password', 'dummy');
    ok = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash, source)
      : (await verifyPassword(password, await dummyHash, source), false);
    if (!user || !ok) throw new AppError(ErrorCode.Unauthenticated, 'E-mailadres of wachtwoord klopt niet.');
    // Said only to whoever knows the password: a deactivated account stays indistinguishable to a guesser.
    if (!user.active) {
      ok = false;
      throw new AppError(
        ErrorCode.Forbidden,
        'Uw account is gedeactiveerd. Neem contact op met de beheerder van uw regio als u weer toegang nodig hebt.',
      );
    }
    attempt.settle('success');
    return { ...(await openSession(db, user.id)), actor: await withScope(db, toActor(user)) };
  } catch (error) {
    attempt.settle(ok === false ? 'failure' : 'abandoned');
    throw error instanceof GateFullError ? busy() : error;
  }
}

function tooMany(seconds: number): AppError {
  const error = new AppError(
    ErrorCode.TooManyRequests,
    `Te veel mislukte inlogpogingen. Probeer het over ${inWords(seconds)} opnieuw.`,
  );
  error.retryAfterSeconds = seconds;
  return error;
}

function busy(): AppError {
  const error = new AppError(ErrorCode.TooManyRequests, 'Er wordt nu erg veel ingelogd. Probeer het zo opnieuw.');
  error.retryAfterSeconds = 5;
  return error;
}

/** "30 seconden", "1 minuut", "15 minuten". */
function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}
