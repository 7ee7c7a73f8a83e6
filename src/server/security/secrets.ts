import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** A key file someone else could replace would let them choose the key: refused, as is a missing one. */
function readKeyFile(file: string): Buffer {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile())
    throw new Error(`ZL_SECRET_KEY_FILE: ${file} bestaat niet of is geen bestand (does not exist or is not a file)`);
  if (stat.mode & 0o022)
    throw new Error(
      `ZL_SECRET_KEY_FILE: ${file} is door anderen te wijzigen; maak het alleen voor de eigenaar schrijfbaar (chmod 600) ` +
        '(writable by others; make it writable by its owner only)',
    );
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
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

/**
 * Reads the installation's secret (base64, ≥ 32 bytes): from ZL_SECRET_KEY, else from the file ZL_SECRET_KEY_FILE
 * names (production: a secret store's file, such as /run/secrets/… or a systemd credential, apart from the data and
 * its backups), else from DATA_DIR/secret.key, created on first use (demo and development).
 */
export function loadSecrets(options: {
  secretKey?: string | undefined;
  secretKeyFile?: string | undefined;
  dataDir: string;
}): Secrets {
  if (options.secretKey) return secretsFromKey(Buffer.from(options.secretKey, 'base64'));
  if (options.secretKeyFile) return secretsFromKey(readKeyFile(options.secretKeyFile));
  const file = join(options.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return secretsFromKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
