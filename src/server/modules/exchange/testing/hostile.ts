import { crc32, deflateRawSync } from 'node:zlib';
import type { TestContext } from '../../../testing/harness.js';
import { example } from './ijw-examples.js';

/** A JW301 root opening 200,000 (or `depth`) nested elements: 1.4 MB that once cost minutes of CPU. */
export function deeplyNested(depth: number): Buffer {
  const ns = 'http://www.istandaarden.nl/ijw/3_2/jw301/schema';
  return Buffer.from(`<?xml version="1.0"?><JW301 xmlns="${ns}">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</JW301>`);
}

/**
 * A zip archive of `count` entries that each unpack to the same content, deflated once: 40 entries of 24 MB of NUL
 * bytes make an archive of about a megabyte. Written here because no zip writer is a dependency of the project.
 */
export function zipOfCopies(content: Buffer, count: number, name = (i: number) => `n${i}.xml`): Buffer {
  const packed = deflateRawSync(content, { level: 9 });
  const crc = crc32(content);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const fileName = Buffer.from(name(i));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(content.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Uploads one file as multipart/form-data with a streamed body (no Content-Length), its content produced chunk by
 * chunk: a 150 MB upload never sits whole in the test's memory.
 */
export async function uploadStreamed(
  ctx: TestContext,
  token: string,
  fileName: string,
  chunks: () => Iterable<Uint8Array>,
): Promise<Response> {
  const boundary = `zl-hostile-${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const parts = (function* () {
    yield Buffer.from(head);
    yield* chunks();
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  })();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return ctx.app.request(
    new Request('http://localhost/api/v1/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit),
  );
}

/**
 * Runs `work` while asking GET /health every 100 ms, as a colleague's browser would while someone uploads; returns
 * the work's outcome and the slowest health answer (a request still waiting when the work ends counts as it stands).
 */
export async function whilePollingHealth<T>(
  ctx: TestContext,
  work: () => Promise<T>,
): Promise<{ result: T; slowestHealthMs: number; polls: number }> {
  let stop = false;
  let slowest = 0;
  let polls = 0;
  let pending: number | undefined;
  const poller = (async () => {
    while (!stop) {
      const start = performance.now();
      pending = start;
      const res = await ctx.app.request('/api/v1/health');
      pending = undefined;
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      slowest = Math.max(slowest, performance.now() - start);
      polls += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const result = await work();
    if (pending !== undefined) slowest = Math.max(slowest, performance.now() - pending);
    return { result, slowestHealthMs: slowest, polls };
  } finally {
    stop = true;
    await poller;
  }
}

/**
 * The example JW301 with its allocated products replaced by `count` empty ones, each a schema error of 26 bytes: a
 * file within the 25 MB limit can hold almost a million findings.
 */
export function manySchemaErrors(count: number): Buffer {
  const text = example('JW301').toString('utf8');
  const empty = '<jw301:ToegewezenProduct/>'.repeat(count);
  return Buffer.from(
    text.replace(
      /<jw301:ToegewezenProducten>[\s\S]*<\/jw301:ToegewezenProducten>/,
      `<jw301:ToegewezenProducten>${empty}</jw301:ToegewezenProducten>`,
    ),
  );
}
