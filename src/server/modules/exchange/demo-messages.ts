import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/client.js';
import { demoLandscape, generateIjw } from '../../../tools/ijw-generator/generate.js';
import { importSources } from './import.service.js';
import type { Secrets } from '../../security/secrets.js';
import { readSources } from './sources.js';

/**
 * Fills the demo region with care: generates `youths` youths' messages from three years back to the end of this year
 * and imports, through the normal import, those of the complete months up to today (a message dated in the future
 * would rightly be refused), so the demo has history and a running year, and its trajectories went through every
 * check a real file goes through. The current month is left out: its declarations are not due yet.
 */
export async function seedDemoMessages(db: Db, secrets: Secrets, youths: number, today = new Date()) {
  const dir = await mkdtemp(join(tmpdir(), 'zl-demo-ijw-'));
  try {
    const year = today.getUTCFullYear();
    const startYear = year - 3;
    const thisMonth = today.toISOString().slice(0, 7);
    await generateIjw({ outDir: dir, ...demoLandscape(), youths, years: 4, startYear, seed: 2026 });
    const months = (await readdir(join(dir, String(year))))
      .filter((m) => m < thisMonth)
      .sort()
      .map((m) => join(dir, String(year), m));
    const paths = [...[startYear, startYear + 1, startYear + 2].map((y) => join(dir, String(y))), ...months];
    let files = 0;
    const summary = await importSources(
      { db, secrets, actor: null, today: today.toISOString().slice(0, 10) },
      readSources(paths),
      () => {
        files += 1;
      },
    );
    return { files, accepted: summary.accepted, records: summary.records };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
