import { parentPort } from 'node:worker_threads';
import { checkSource } from './check.js';
import { pseudonymiserFromKey } from '../../security/secrets.js';
import type { SourceItem } from './sources.js';
import { loadXsdSupport } from './xsd.js';
import { collectGarbage } from './collect-garbage.js';

/**
 * An import worker: checks the chunk the main thread posts (read, parse, XSD, pseudonymise), says after each file that
 * it is done with it (the pool gives every file its own time budget), and posts the results back, with the file
 * bytes transferred rather than copied. It says it is ready once libxml2 and the schemas are loaded.
 */
await loadXsdSupport();
const pseudonymisers = new Map<string, (bsn: string) => string>();
let checked = 0;

parentPort!.on('message', (job: { key: Uint8Array; items: SourceItem[] }) => {
  try {
    const keyId = Buffer.from(job.key).toString('hex');
    let pseudonymise = pseudonymisers.get(keyId);
    if (!pseudonymise) pseudonymisers.set(keyId, (pseudonymise = pseudonymiserFromKey(Buffer.from(job.key))));
    const results = job.items.map((s, i) => {
      const result = checkSource(
        'bytes' in s ? { name: s.name, bytes: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength) } : s,
        pseudonymise!,
      );
      if (i < job.items.length - 1) parentPort!.postMessage({ checked: i + 1 });
      return result;
    });
    const transfer = new Set<ArrayBuffer>();
    for (const r of results)
      if (r.bytes.byteLength && r.bytes.byteOffset === 0 && r.bytes.byteLength === r.bytes.buffer.byteLength)
        transfer.add(r.bytes.buffer as ArrayBuffer);
    parentPort!.postMessage({ results }, [...transfer]);
    checked += results.length;
    // A full collection now and then keeps the thread's garbage from piling up (see collect-garbage.ts).
    if (checked >= 2000) {
      checked = 0;
      collectGarbage();
    }
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
parentPort!.postMessage({ ready: true });
