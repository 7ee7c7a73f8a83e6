import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const work = mkdtempSync(join(tmpdir(), 'zl-datadir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the lock on a PGlite data directory', () => {
  it('keeps a second opener out, naming the holder, until the first closes', async () => {
    const dir = join(work, 'data');
    const first = await openDatabase({ dataDir: dir, holder: 'zorglandschap serve' });
    const refused = await openDatabase({ dataDir: dir, holder: 'zorglandschap migrate' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).owner).toMatchObject({ pid: process.pid, command: 'zorglandschap serve' });
    expect((refused as Error).message).toContain(`zorglandschap serve, pid ${process.pid}`);

    first.lock!.announce({ url: 'http://127.0.0.1:3999', cliToken: 'geheim' });
    // The owner file carries the CLI token: readable by the owner only.
    expect(statSync(join(dir, 'pglite.owner.json')).mode & 0o777).toBe(0o600);
    const again = await lockDataDir(dir, 'zorglandschap kpi').catch((e: unknown) => e);
    expect((again as DataDirLockedError).owner).toMatchObject({ url: 'http://127.0.0.1:3999', cliToken: 'geheim' });

    await first.close();
    const next = await lockDataDir(dir, 'zorglandschap migrate');
    await next.release();
  });
});
