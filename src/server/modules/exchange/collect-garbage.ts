import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, for a long import between batches. V8 lets a batch's garbage (parsed messages, rows,
 * statement text) pile up in the old generation for several batches before it collects, which put a million-record
 * import near 1 GiB; collecting after each batch costs a few tens of milliseconds and keeps the peak some 200 MB lower.
 * Node has no API for it without --expose-gc, so the flag is set at run time; where that fails, nothing happens.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
