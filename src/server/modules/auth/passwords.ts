import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { FairGate } from './hashing-gate.js';

// node's asynchronous scrypt runs on the libuv thread pool, never on the thread that answers requests.
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

/** scrypt parameters per the OWASP password storage cheat sheet (N=2^17, r=8, p=1). */
const params = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const keyLength = 32;

/**
 * At most two hashes at once (2 × 128 MiB, and two of libuv's four threads stay free for files and DNS); at most 100
 * wait, served fairly per source. One gate for the process: the memory it bounds is the process's.
 */
export const hashingGate = new FairGate(2, 100);

/** Hashes with a fresh salt; the parameters travel in the string so they can be raised later. */
export async function hashPassword(password: string, source = 'set-password'): Promise<string> {
  const salt = randomBytes(16);
  const key = await hashingGate.run(source, () => scryptAsync(password, salt, keyLength, params));
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash; `source` (the caller's address) only decides its turn in the queue. */
export async function verifyPassword(password: string, stored: string, source = 'sign-in'): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await hashingGate.run(source, () =>
    scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: params.maxmem,
    }),
  );
  return timingSafeEqual(actual, expected);
}
