import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The installation's secret, from which two keys derive: one keys the BSN pseudonyms, one encrypts what must keep a
 * BSN (quarantined files, retour messages). It lives outside the database (ZL_SECRET_KEY, or a file in DATA_DIR), so a
 * copy of the database alone reveals no BSN and cannot test guesses against the pseudonyms.
 */
export interface Secrets {
  pseudonymise(bsn: string): string;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

/** The derived pseudonym key of each Secrets, for import workers in this process (never stored, never sent out). */
const pseudonymKeys = new WeakMap<Secrets, Buffer>();

/** The pseudonym function for a derived key: the one definition the main thread and the import workers share. */
export function pseudonymiserFromKey(pseudonymKey: Buffer): (bsn: string) => string {
  return (bsn) => createHmac('sha256', pseudonymKey).update(bsn.trim()).digest('base64url');
}

/**
 * The derived pseudonym key (not the master secret) so that an import worker thread can pseudonymise BSNs where it
 * reads them; undefined for a Secrets not made by `secretsFromKey`, which then keeps the work on the calling thread.
 */
export function pseudonymKeyOf(secrets: Secrets): Buffer | undefined {
  return pseudonymKeys.get(secrets);
}

export function secretsFromKey(master: Buffer): Secrets {
  if (master.length < 32) throw new Error('de sleutel moet minstens 32 bytes zijn');
  const pseudonymKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'zorglandschap/bsn-pseudonym/v1', 32));
  const encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'zorglandschap/at-rest/v1', 32));
  const secrets: Secrets = {
    pseudonymise: pseudonymiserFromKey(pseudonymKey),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
  pseudonymKeys.set(secrets, pseudonymKey);
  return secrets;
}

/** Reads ZL_SECRET_KEY (base64, ≥ 32 bytes) or DATA_DIR/secret.key, creating the file on first use. */
export function loadSecrets(options: { secretKey?: string | undefined; dataDir: string }): Secrets {
  if (options.secretKey) return secretsFromKey(Buffer.from(options.secretKey, 'base64'));
  const file = join(options.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return secretsFromKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
