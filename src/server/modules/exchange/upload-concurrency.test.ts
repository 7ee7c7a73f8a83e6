import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestContext, type TestContext } from '../../testing/harness.js';
import { limits } from '../../../shared/domain.js';
import { stopCheckWorkers } from './check-pool.js';
import { example } from './testing/ijw-examples.js';

/**
 * Each upload may hold up to 200 MB until it is imported, so the server holds at most two at once: a third, sent while
 * two are still streaming in, is refused at once with 503 and Retry-After, without its body being read.
 */
let ctx: TestContext;
let token: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ token } = await buildUser(ctx, 'beheerder'));
});
afterAll(async () => {
  await stopCheckWorkers();
  await ctx?.close();
});

/**
 * An upload whose body the test holds open: `reading` settles once the server has begun to read it, `finish` sends the
 * rest. `read` counts the chunks the server asked for (the stream reads nothing ahead).
 */
function heldUpload(fileName: string, content: Buffer) {
  const boundary = `zl-held-${fileName}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/xml\r\n\r\n`;
  let started = false;
  let begin!: () => void;
  let finish!: () => void;
  const reading = new Promise<void>((r) => (begin = r));
  const released = new Promise<void>((r) => (finish = r));
  const state = { read: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        state.read += 1;
        if (!started) {
          started = true;
          controller.enqueue(Buffer.from(head));
          begin();
          return;
        }
        await released;
        controller.enqueue(content);
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const response = ctx.app.request(
    new Request('http://localhost/api/v1/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit),
  );
  return { reading, finish, response, state };
}

describe('uploads held at once', () => {
  it('refuses a third upload while two stream in, and takes one again when they are done', async () => {
    const first = heldUpload('a.xml', example('JW301'));
    const second = heldUpload('b.xml', example('JW315'));
    await Promise.all([first.reading, second.reading]);

    const third = heldUpload('c.xml', example('JW301'));
    const refused = await third.response;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = (await refused.json()) as { detail: string; code: string };
    expect(problem.code).toBe('unavailable');
    expect(problem.detail).toMatch(/al twee uploads tegelijk.*probeer het over een halve minuut opnieuw/i);
    expect(third.state.read).toBe(0);

    first.finish();
    second.finish();
    const [a, b] = await Promise.all([first.response, second.response]);
    expect([a.status, b.status]).toEqual([200, 200]);
    for (const res of [a, b]) expect(((await res.json()) as { results: unknown[] }).results).toHaveLength(1);

    const fourth = heldUpload('d.xml', example('JW315'));
    fourth.finish();
    const again = await fourth.response;
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it('gives the place of an upload that failed back', async () => {
    const tooLarge = await ctx.app.request('/api/v1/imports', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(limits.uploadMaxBytes + 1),
      },
      body: 'x',
    });
    expect(tooLarge.status).toBe(413);
    const notMultipart = await ctx.app.request('/api/v1/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/form-data; boundary=x' },
      body: 'geen multipart',
    });
    expect(notMultipart.status).toBe(400);
    const first = heldUpload('e.xml', example('JW301'));
    const second = heldUpload('f.xml', example('JW315'));
    await Promise.all([first.reading, second.reading]);
    first.finish();
    second.finish();
    const statuses = (await Promise.all([first.response, second.response])).map((r) => r.status);
    expect(statuses).toEqual([200, 200]);
  });
});
