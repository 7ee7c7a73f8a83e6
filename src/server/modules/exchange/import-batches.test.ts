import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ijwDeclarationLines, ijwFiles, ijwTrajectories } from '../../db/schema/index.js';
import type { TestContext } from '../../testing/harness.js';
import { importSources, type FileResult } from './import.service.js';
import { secretsFromKey } from '../../security/secrets.js';
import type { ImportSource } from './sources.js';
import { allocation0363, allocation0384, exampleRegionContext } from './testing/example-region.js';
import { example } from './testing/ijw-examples.js';

// Batches of one file: each message is checked while the one before it may still be being written (on PostgreSQL the
// next batch is checked on a second connection), so what a batch accepted must count for the next one.
let ctx: TestContext;
const secrets = secretsFromKey(randomBytes(32));
beforeAll(async () => {
  ctx = await exampleRegionContext();
});
afterAll(async () => {
  await ctx.close();
});

async function run(files: Array<[string, Buffer]>, batchSize: number): Promise<FileResult[]> {
  async function* sources(): AsyncGenerator<ImportSource> {
    for (const [name, bytes] of files) yield { name, bytes };
  }
  const results: FileResult[] = [];
  await importSources({ db: ctx.database.db, secrets, actor: null }, sources(), (r) => results.push(r), batchSize);
  return results;
}

describe('an import in many batches', () => {
  it('accepts a start and a stop whose allocation came in the batch before, and counts a file repeated in the next batch once', async () => {
    const results = await run(
      [
        ['toewijzing.xml', allocation0363],
        ['start.xml', example('JW305')],
        ['start-opnieuw.xml', example('JW305')],
        ['stop.xml', example('JW307')],
      ],
      1,
    );
    expect(results.map((r) => [r.file, r.status, r.reasons])).toEqual([
      ['toewijzing.xml', 'accepted', []],
      ['start.xml', 'accepted', []],
      ['start-opnieuw.xml', 'duplicate', []],
      ['stop.xml', 'accepted', []],
    ]);
    const [t] = await ctx.database.db
      .select()
      .from(ijwTrajectories)
      .where(and(eq(ijwTrajectories.municipalityCode, '0363'), eq(ijwTrajectories.allocationNumber, '300201')));
    expect(t).toMatchObject({ startDate: '2026-04-03', endDate: '2026-07-17', endReason: '31' });
  });

  it('checks the files after one that could not be stored again, without the data of that one', async () => {
    process.env.ZL_FAULT_FAIL_FILE = 'toewijzing-0384.xml';
    let results: FileResult[];
    try {
      // One batch: the allocation fails to be written, and the declaration was checked against it.
      results = await run(
        [
          ['toewijzing-0384.xml', allocation0384],
          ['declaratie.xml', example('JW323')],
        ],
        10,
      );
    } finally {
      delete process.env.ZL_FAULT_FAIL_FILE;
    }
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['toewijzing-0384.xml', 'rejected'],
      ['declaratie.xml', 'rejected'],
    ]);
    expect(results[0]!.reasons.map((r) => r.rule)).toEqual(['ZL099']);
    expect(results[1]!.reasons.map((r) => r.message).join(' ')).toMatch(/toewijzing 1007\d is niet bekend/);
    expect(await ctx.database.db.select().from(ijwDeclarationLines)).toEqual([]);
    const stored = await ctx.database.db
      .select({ name: ijwFiles.fileName, status: ijwFiles.status })
      .from(ijwFiles)
      .where(eq(ijwFiles.status, 'rejected'));
    expect(stored.map((f) => f.name).sort()).toEqual(['declaratie.xml', 'toewijzing-0384.xml']);

    // Once it can be stored, both go in.
    const again = await run(
      [
        ['toewijzing-0384.xml', allocation0384],
        ['declaratie.xml', example('JW323')],
      ],
      10,
    );
    expect(again.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });
});
