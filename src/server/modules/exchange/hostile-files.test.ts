import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { limits } from '../../../shared/domain.js';
import { stopCheckWorkers } from './check-pool.js';
import type { FileResult } from './import.service.js';
import { deeplyNested, manySchemaErrors, uploadStreamed, whilePollingHealth, zipOfCopies } from './testing/hostile.js';

/**
 * Files an attacker or an unlucky provider could upload. Each is refused with its reason within a bounded time, while
 * the server keeps answering: health within a second throughout. Before parsing was bounded, the first of these kept
 * the server busy for more than 27 minutes, and the zip froze it at 1.6 GB.
 */
let ctx: TestContext;
let token: string;
/** Generous for a loaded two-core machine; a file that still ran away would take minutes. */
const answerWithinMs = 90_000;
const healthWithinMs = 1_000;

beforeAll(async () => {
  ctx = await createTestContext();
  // A beheerder of the whole installation: no region is needed to be refused.
  ({ token } = await buildUser(ctx, 'beheerder'));
  // The worker threads start on the first upload; start them before the clock runs, as a running server has.
  await upload('warm-up.xml', [Buffer.from('<x/>')]);
});
afterAll(async () => {
  await stopCheckWorkers();
  await ctx?.close();
});

async function upload(name: string, chunks: Iterable<Uint8Array>) {
  const res = await uploadStreamed(ctx, token, name, () => chunks);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as never };
}

/** Uploads while polling health; the upload's results, how long it took, and the slowest health answer. */
async function refuse(name: string, chunks: () => Iterable<Uint8Array>) {
  const start = performance.now();
  const { result, slowestHealthMs, polls } = await whilePollingHealth(ctx, () => upload(name, chunks()));
  const ms = performance.now() - start;
  expect(result.status).toBe(200);
  const { results } = result.body as { results: FileResult[] };
  expect(ms).toBeLessThan(answerWithinMs);
  expect(polls).toBeGreaterThan(0);
  expect(slowestHealthMs).toBeLessThan(healthWithinMs);
  return results;
}

function reasonOf(r: FileResult | undefined): string {
  return r?.reasons.map((x) => x.message).join('; ') ?? '';
}

describe('hostile files', () => {
  it('refuses 200,000 nested elements (1.4 MB) at the depth limit', async () => {
    const [r, ...rest] = await refuse('diep.xml', () => [deeplyNested(200_000)]);
    expect(rest).toEqual([]);
    expect(r!.status).toBe('rejected');
    expect(reasonOf(r)).toContain('te diep genest');
  });

  it('refuses a 140 KB deeply nested file', async () => {
    const [r] = await refuse('diep-klein.xml', () => [deeplyNested(20_000)]);
    expect(r!.status).toBe('rejected');
    expect(reasonOf(r)).toContain('te diep genest');
  });

  it('refuses 2 MB of NUL bytes at the upload: not XML, so not kept in quarantine', async () => {
    const { result, slowestHealthMs } = await whilePollingHealth(ctx, () =>
      upload('nul.xml', [Buffer.alloc(2 * 1024 * 1024)]),
    );
    expect(result.status).toBe(400);
    expect(result.type).toContain('application/problem+json');
    expect((result.body as { detail: string }).detail).toContain('Geen XML of zip: nul.xml');
    expect(slowestHealthMs).toBeLessThan(healthWithinMs);
  });

  it('parses 2 MB of NUL bytes in a zip entry with one reason, not one per byte', async () => {
    const [r] = await refuse('nul.zip', () => [zipOfCopies(Buffer.alloc(2 * 1024 * 1024), 1)]);
    expect(r!.status).toBe('rejected');
    expect(r!.reasons).toHaveLength(1);
    expect(reasonOf(r)).toContain('geen geldige XML');
  });

  it('refuses a small zip of 40 entries of 24 MB each before unpacking it', async () => {
    const zip = zipOfCopies(Buffer.alloc(24 * 1024 * 1024), 40);
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    const results = await refuse('bom.zip', () => [zip]);
    expect(results).toHaveLength(1);
    expect(results[0]!.status).toBe('rejected');
    expect(reasonOf(results[0])).toContain(`uitgepakt hoogstens ${limits.uploadMaxUnpackedBytes / 1024 / 1024} MB`);
  });

  it('refuses a file of 100,000 schema errors (2.6 MB) with the first 20 and a count of the rest', async () => {
    const file = manySchemaErrors(100_000);
    expect(file.length).toBeLessThan(25 * 1024 * 1024);
    const [r] = await refuse('schemafouten.xml', () => [file]);
    expect(r!.status).toBe('rejected');
    expect(r!.reasons).toHaveLength(21);
    expect(r!.reasons.at(-1)!.message).toContain('en nog 99.980 schemafouten');
  });

  it('checks the entries of a zip within the limit one by one, each refused with its own reason', async () => {
    const results = await refuse('klein.zip', () => [zipOfCopies(Buffer.alloc(1024 * 1024), 3)]);
    expect(results.map((r) => r.file)).toEqual(['klein.zip/n0.xml', 'klein.zip/n1.xml', 'klein.zip/n2.xml']);
    for (const r of results) expect(reasonOf(r)).toContain('geen geldige XML');
  });

  it('refuses a 150 MB plain XML upload as it streams in, keeping its reason and no original', async () => {
    const megabyte = Buffer.from(`<a>${'x'.repeat(1024 * 1024 - 7)}</a>`);
    const [r] = await refuse('groot.xml', function* () {
      yield Buffer.from('<?xml version="1.0"?><JW301 xmlns="http://www.istandaarden.nl/ijw/3_2/jw301/schema">');
      for (let i = 0; i < 150; i++) yield megabyte;
      yield Buffer.from('</JW301>');
    });
    expect(r!.status).toBe('rejected');
    expect(reasonOf(r)).toMatch(/bestand is 150\.0 MB; de grens is 25\.0 MB \(OP179\)/);
    const kept = await call(ctx, token, 'GET', `/imports/${r!.fileId}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ fileName: 'groot.xml', status: 'rejected', hasOriginal: false });
  });

  it('refuses an upload that declares more than the upload limit before reading it', async () => {
    const res = await ctx.app.request('/api/v1/imports', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(limits.uploadMaxBytes + 1),
      },
      body: '--x--',
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
