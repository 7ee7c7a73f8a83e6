import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cbsExcerptPath } from '../server/modules/landscape/testing/cbs-excerpt.js';

const repo = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'zl-cli-region-'));
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
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('zorglandschap region create and municipalities import', () => {
  it('sets up a region for a scripted install, and names each wrong value without creating anything', () => {
    const bad = cli(
      'region',
      'create',
      '--code',
      'Rivierenland!',
      '--name',
      'Jeugdhulp Rivierenland',
      '--municipality',
      '263:Maasdriel',
      '--budget-line',
      'ZIN:Zorg in natura:40,99',
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('code:');
    expect(bad.stdout + bad.stderr).toContain('municipalities.0.cbsCode:');
    expect(bad.stdout + bad.stderr).toContain('budgetLines.0.productCategories.1:');

    const run = cli(
      'region',
      'create',
      '--code',
      'rivierenland',
      '--name',
      'Jeugdhulp Rivierenland',
      '--municipality',
      '0263:Maasdriel',
      '--municipality',
      '0281:Tiel',
      '--lot',
      'AMB:Ambulante jeugdhulp',
      '--budget-line',
      'ZIN:Zorg in natura:40,45',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Regio Jeugdhulp Rivierenland (rivierenland) aangemaakt: 2 gemeenten, 1 percelen, 1 begrotingsposten, 6 niveaus.',
    );
    // The same code again is refused, naming the code.
    const again = cli('region', 'create', '--code', 'rivierenland', '--name', 'Nog een keer');
    expect(again.status).toBe(1);
    expect(again.stdout + again.stderr).toContain('regiocode rivierenland is al in gebruik');
  }, 120_000);

  it('imports CBS’s list, after which a municipality must be on it or be marked as new to it', () => {
    const fixture = cbsExcerptPath;
    const imported = cli('municipalities', 'import', fixture);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('8 gemeenten van de CBS-lijst 2026 ingelezen');

    const create = (...extra: string[]) =>
      cli(
        'region',
        'create',
        '--code',
        'utrecht-zuid',
        '--name',
        'Utrecht Zuid',
        '--municipality',
        '0321:Houten',
        ...extra,
      );
    const refused = create('--municipality', '1999:Nieuwe Gemeente');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cbsCode: gemeentecode 1999 staat niet op de CBS-lijst van 2026');
    const made = create('--municipality', '1999:Nieuwe Gemeente', '--unlisted', '1999');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('Regio Utrecht Zuid (utrecht-zuid) aangemaakt: 2 gemeenten');
  }, 120_000);
});
