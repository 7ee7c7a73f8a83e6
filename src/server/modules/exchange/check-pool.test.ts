import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { stopCheckWorkers } from './check-pool.js';
import { importSources, type FileResult } from './import.service.js';

/**
 * The backstop behind the bounded parser: a file that takes longer than its time budget costs only its own worker,
 * which is ended and replaced, and the file is rejected with the reason; the other files of its chunk are checked
 * on a fresh worker. The budget is made tiny here so that a large, harmless file plays the runaway.
 */
let ctx: TestContext;
beforeAll(async () => {
  process.env.ZL_CHECK_SECONDS_PER_FILE = '0.2';
  ctx = await createTestContext();
});
afterAll(async () => {
  delete process.env.ZL_CHECK_SECONDS_PER_FILE;
  await stopCheckWorkers();
  await ctx?.close();
});

describe('check workers', () => {
  it('end a worker that overruns its time on one file, reject that file, and check the rest on a fresh one', async () => {
    const ns = 'http://www.istandaarden.nl/ijw/3_2/jw301/schema';
    // 20 MB of small elements: seconds of parsing, far over the 0.2 s given here.
    const slow = Buffer.from(`<JW301 xmlns="${ns}">${'<a>1</a>'.repeat(2_500_000)}</JW301>`);
    async function* sources() {
      yield { name: 'traag.xml', bytes: slow };
      yield { name: 'klein.xml', bytes: Buffer.from('<x/>') };
    }
    const results: FileResult[] = [];
    await importSources({ db: ctx.database.db, secrets: ctx.secrets, actor: null }, sources(), (r) => results.push(r));
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['traag.xml', 'rejected'],
      ['klein.xml', 'rejected'],
    ]);
    expect(results[0]!.reasons[0]!.message).toContain('de controle duurde langer dan 0.2 s per bestand');
    // The small file was read by a worker that was not ended: its own reason, not the time limit.
    expect(results[1]!.reasons[0]!.message).toContain('onbekend berichttype');
  });
});
