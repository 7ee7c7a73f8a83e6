import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client.js';
import { postcodeCentroids } from '../../../db/schema/index.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'zl-pc4-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  DATA_DIR: join(work, 'data'),
  ZL_SECRET_KEY: randomBytes(32).toString('base64'),
};
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src', 'cli', 'main.ts'), ...args], {
    env,
    cwd: repo,
    encoding: 'utf8',
  });
const file = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('zorglandschap postcodes import', () => {
  it('imports a good file and refuses a file with one bad row without importing any of it', async () => {
    expect(cli('migrate').status).toBe(0);
    const good = cli('postcodes', 'import', file('goed.csv', 'pc4;lat;lon\n3991;52,03;5,17\n3431;52,03;5,09\n'));
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('2 postcodegebieden ingelezen; 2 bekend.');

    const bad = cli(
      'postcodes',
      'import',
      file('fout.csv', 'postcode4,latitude,longitude\n1234,52.1,5.1\n3991,52.1,\n'),
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('1 regel is niet goed; er is niets ingelezen');
    expect(bad.stderr).toContain('regel 3: longitude van 3991 moet een lengtegraad in Nederland zijn');

    const database = await openDatabase({ databaseUrl: undefined, dataDir: env.DATA_DIR, holder: 'test' });
    try {
      const rows = await database.db.select().from(postcodeCentroids);
      expect(rows.map((r) => [r.postcode4, r.latitude, r.longitude]).sort()).toEqual([
        ['3431', 52.03, 5.09],
        ['3991', 52.03, 5.17],
      ]);
    } finally {
      await database.close();
    }
  });
});
