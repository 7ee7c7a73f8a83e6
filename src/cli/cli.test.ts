import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';
import { examplesDir } from '../server/modules/exchange/testing/ijw-examples.js';
import { demoLandscape, generateIjw } from '../tools/ijw-generator/generate.js';
import { loadXsdSupport, validateAgainstXsd } from '../server/modules/exchange/xsd.js';

const repo = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'zl-cli-'));
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

describe('zorglandschap import ijw', () => {
  it('prints one JSON object per file and exits non-zero when a file is rejected or a path is missing', () => {
    expect(cli('seed-demo').status).toBe(0);
    const bad = cli('import', 'ijw', join(examplesDir, 'JW315.xml'), '--json');
    expect(bad.status).toBe(1);
    const line = JSON.parse(bad.stdout.trim().split('\n').pop()!);
    expect(Object.keys(line)).toEqual(['file', 'messageType', 'status', 'records', 'reasons', 'warnings']);
    expect(line).toMatchObject({ file: 'JW315.xml', messageType: 'JW315', status: 'rejected', records: 0 });
    expect(line.reasons[0]).toMatchObject({ code: '0001', rule: 'XSD' });

    const empty = join(work, 'leeg');
    const none = cli('import', 'ijw', empty);
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('bestaat niet');
  });

  it('exports the retour messages of the imported files to a folder, each valid against its XSD', async () => {
    // The example JW301 names a provider and municipality the demo region does not have: rejected, with a JW302.
    expect(cli('import', 'ijw', join(examplesDir, 'JW301.xml')).status).toBe(1);
    const out = join(work, 'retouren');
    const run = cli('export', 'ijw', '--out', out, '--from', '2020-01-01');
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(run.stdout).toContain(`${files.length} retourberichten`);
    expect(files.map((f) => f.replace(/^[0-9a-f-]{36}-/, '')).sort()).toEqual(['retour-JW301.xml', 'retour-JW315.xml']);
    await loadXsdSupport();
    for (const f of files) {
      const type = f.includes('JW301') ? 'JW302' : 'JW316';
      expect(validateAgainstXsd(type, readFileSync(join(out, f))), f).toEqual([]);
    }
    const none = cli('export', 'ijw', '--out', join(work, 'leeg2'), '--to', '2020-01-01');
    expect(none.stdout).toContain('0 retourberichten');
    const bad = cli('export', 'ijw', '--out', out, '--from', '1-7-2026');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--from');
  });

  it('writes the retour of every file, accepted declarations (JW325) included, and names one it cannot make without stopping', async () => {
    // A small generated region of the demo landscape: every file accepted, monthly declarations among them.
    const generated = join(work, 'gegenereerd');
    await generateIjw({ outDir: generated, ...demoLandscape(), youths: 12, years: 1, startYear: 2025, seed: 5 });
    const imported = cli('import', 'ijw', join(generated, '2025'));
    expect(imported.status, imported.stderr).toBe(0);
    const out = join(work, 'alle-retouren');
    const run = cli('export', 'ijw', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(out);
    expect(run.stdout).toContain(`${files.length} retourberichten`);
    const answerTo: Record<string, string> = { JW301: 'JW302', JW305: 'JW306', JW307: 'JW308', JW315: 'JW316' };
    Object.assign(answerTo, { JW317: 'JW318', JW319: 'JW320', JW323: 'JW325' });
    expect(files.filter((f) => f.includes('JW323')).length).toBeGreaterThan(0);
    await loadXsdSupport();
    for (const f of files) {
      const type = answerTo[/JW3\d\d/.exec(f.replace(/^[0-9a-f-]{36}-retour-/, ''))![0]]!;
      expect(validateAgainstXsd(type, readFileSync(join(out, f))), f).toEqual([]);
    }

    // A scheduled re-read of a drop folder that holds only known files (accepted, or already in quarantine) succeeds.
    const known = cli('import', 'ijw', join(generated, '2025'), join(examplesDir, 'JW315.xml'));
    expect(known.status, known.stdout).toBe(0);
    expect(known.stdout).toContain('al in quarantaine  JW315.xml');
    expect(known.stdout).toMatch(/^0 aanvaard, \d+ al eerder ingelezen, 1 afgekeurd/m);

    // One stored retour made unreadable (as if encrypted with another key): named on stderr, the others written, exit 1.
    const database = await openDatabase({ dataDir: env.DATA_DIR, holder: 'cli.test' });
    try {
      await database.db.execute(
        sql`update ijw_files set retour_encrypted = decode('00', 'hex') where file_name like '%JW301.xml' and status = 'rejected'`,
      );
    } finally {
      await database.close();
    }
    const partial = cli('export', 'ijw', '--out', join(work, 'deels'));
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/niet geschreven: .*JW301\.xml/);
    expect(readdirSync(join(work, 'deels')).sort()).toEqual(
      files.filter((f) => !f.endsWith('-retour-JW301.xml')).sort(),
    );
  });
});
