import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/client.js';
import { demoLandscape, generateIjw } from './generator/generate.js';
import { importSources } from './import.service.js';
import type { Secrets } from './secrets.js';
import { readSources } from './sources.js';

/**
 * Fills the demo region with care: generates `youths` youths' messages over the last three complete calendar years
 * (the generator writes whole years, and a message dated in the future would rightly be refused) and imports them
 * through the normal import, so the demo's trajectories went through every check a real file goes through.
 */
export async function seedDemoMessages(db: Db, secrets: Secrets, youths: number, today = new Date()) {
  const dir = await mkdtemp(join(tmpdir(), 'zl-demo-ijw-'));
  try {
    const startYear = today.getUTCFullYear() - 3;
    const manifest = await generateIjw({ outDir: dir, ...demoLandscape(), youths, years: 3, startYear, seed: 2026 });
    const years = [startYear, startYear + 1, startYear + 2].map((y) => join(dir, String(y)));
    const summary = await importSources({ db, secrets, actor: null, today: today.toISOString().slice(0, 10) }, readSources(years), () => {});
    return { files: manifest.files.total, accepted: summary.accepted, records: summary.records };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
