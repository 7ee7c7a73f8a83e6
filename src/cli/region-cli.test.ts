import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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

describe('zorglandschap region create', () => {
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
});
