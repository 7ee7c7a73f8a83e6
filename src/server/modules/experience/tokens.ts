import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Secrets } from '../../security/secrets.js';

/**
 * Invitation tokens. Each batch has a random 32-byte seed, kept only encrypted with the installation's key; token i
 * is the first 18 bytes (144 bits) of HMAC-SHA256(seed, i), base64url. The database holds the tokens' SHA-256 only,
 * so a copy of it answers no questionnaire, while the provider can download its batch again (docs/decisions.md).
 */
export const tokenBytes = 18;

export function newSeed(secrets: Secrets): { seed: Buffer; sealed: Buffer } {
  const seed = randomBytes(32);
  return { seed, sealed: secrets.encrypt(seed) };
}

export function openSeed(secrets: Secrets, sealed: Buffer): Buffer {
  return secrets.decrypt(sealed);
}

export function tokenAt(seed: Buffer, index: number): string {
  return createHmac('sha256', seed)
    .update(`zorglandschap/ervaring/${index}`)
    .digest()
    .subarray(0, tokenBytes)
    .toString('base64url');
}

export function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A token as the link carries it: 24 base64url characters. Anything else is not ours, without a database read. */
export const tokenPattern = /^[A-Za-z0-9_-]{24}$/;

/** The answer page's path for a token; the page's script reads the token from it. */
export const answerPath = (token: string) => `/ervaring/${token}`;
