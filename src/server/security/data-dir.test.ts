import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { loadSecrets, secretsFromKey } from './secrets.js';

const work = mkdtempSync(join(tmpdir(), 'zl-modes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every entry under dir whose mode lets another account in: folders not 0700, files not 0600. */
function tooOpen(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) out.push(`${path} ${mode.toString(8)}`);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (mode !== 0o600) out.push(`${path} ${mode.toString(8)}`);
  };
  walk(dir);
  return out;
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the embedded database on disk', () => {
  it('keeps DATA_DIR 0700 while open and every file 0600 at rest, and repairs a too open directory at start', async () => {
    const dataDir = join(work, 'data');
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`create table modes_probe (x int)`);
    await database.db.execute(sql`insert into modes_probe values (1)`);
    // While running, PGlite may add files 0666; no other account can reach them through the 0700 directory.
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(join(dataDir, 'pglite'))).toBe('700');
    await database.close();
    expect(tooOpen(dataDir)).toEqual([]);

    // An installation from before: everything world-writable. The next start closes it again.
    const catalog = join(dataDir, 'pglite', 'global');
    const file = readdirSync(catalog).find((n) => statSync(join(catalog, n)).isFile())!;
    chmodSync(join(catalog, file), 0o666);
    chmodSync(dataDir, 0o777);
    const again = await openDatabase({ dataDir });
    expect(tooOpen(dataDir).filter((p) => p.includes(join('global', file)) || p.startsWith(`${dataDir} `))).toEqual([]);
    await again.close();
    expect(tooOpen(dataDir)).toEqual([]);
  }, 120_000);
});

describe('the installation secret', () => {
  it('is created 0600 in DATA_DIR when nothing is set (demo, development)', () => {
    const dataDir = join(work, 'dev');
    loadSecrets({ dataDir });
    expect(modeOf(join(dataDir, 'secret.key'))).toBe('600');
    expect(modeOf(dataDir)).toBe('700');
  });

  it('is read from ZL_SECRET_KEY_FILE in production, apart from the data, which then holds no key', () => {
    const key = randomBytes(32);
    const keyFile = join(work, 'zl-secret.key');
    writeFileSync(keyFile, key.toString('base64'), { mode: 0o600 });
    const dataDir = join(work, 'prod');
    const secrets = loadSecrets({ secretKeyFile: keyFile, dataDir });
    expect(secrets.pseudonymise('999990019')).toBe(secretsFromKey(key).pseudonymise('999990019'));
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
  });

  it('refuses a key file that is missing or that others may change, instead of making a new key', () => {
    expect(() => loadSecrets({ secretKeyFile: join(work, 'missing.key'), dataDir: join(work, 'x') })).toThrow(
      /bestaat niet/,
    );
    const open = join(work, 'open.key');
    writeFileSync(open, randomBytes(32).toString('base64'));
    chmodSync(open, 0o666);
    expect(() => loadSecrets({ secretKeyFile: open, dataDir: join(work, 'y') })).toThrow(/door anderen te wijzigen/);
    expect(existsSync(join(work, 'x', 'secret.key')) || existsSync(join(work, 'y', 'secret.key'))).toBe(false);
  });
});
