import { loadConfig } from '../../config.js';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepUploadTemp, uploadTempSweepJob } from './sweep-upload-temp.js';

/** Real folders in a scratch temporary folder, aged by setting their modification time. */
let scratch: string;
const day = 24 * 60 * 60 * 1000;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'zl-sweep-test-'));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A folder with a zip in it, last changed `ageMs` ago. */
function folder(name: string, ageMs: number): string {
  const path = join(scratch, name);
  mkdirSync(path);
  writeFileSync(join(path, 'upload.zip'), 'PK');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe('sweeping the upload folders an earlier release left behind', () => {
  it('removes zl-upload-* folders of this user unchanged for a day, and nothing else', async () => {
    const old = folder('zl-upload-AbC123', 2 * day);
    const recent = folder('zl-upload-XyZ789', 60 * 60 * 1000);
    const other = folder('zl-export-Q1w2E3', 2 * day);
    const file = join(scratch, 'zl-upload-file');
    writeFileSync(file, 'x');
    utimesSync(file, new Date(Date.now() - 2 * day), new Date(Date.now() - 2 * day));
    const target = folder('kept-target', 2 * day);
    symlinkSync(target, join(scratch, 'zl-upload-link'));

    expect(await sweepUploadTemp({ dir: scratch })).toEqual(['zl-upload-AbC123']);
    expect(existsSync(old)).toBe(false);
    for (const kept of [recent, other, file, target, join(target, 'upload.zip'), join(scratch, 'zl-upload-link')])
      expect(existsSync(kept), kept).toBe(true);
  });

  it.runIf(process.getuid?.() === 0)('leaves a folder of another user alone', async () => {
    const foreign = folder('zl-upload-Other1', 2 * day);
    chownSync(foreign, 65534, 65534);
    expect(await sweepUploadTemp({ dir: scratch })).toEqual([]);
    expect(existsSync(foreign)).toBe(true);
  });

  it('runs as a job at every start and daily, in the system temporary folder', async () => {
    expect(uploadTempSweepJob).toMatchObject({ runAtStart: true, everyMinutes: 24 * 60 });
    const old = folder('zl-upload-Start1', 2 * day);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      await uploadTempSweepJob.run(undefined as never, { config: loadConfig({}) });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(existsSync(old)).toBe(false);
  });
});
