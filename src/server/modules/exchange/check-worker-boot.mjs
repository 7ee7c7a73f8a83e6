// Entry of an import worker thread. A worker does not inherit the TypeScript loader of the thread that started it
// (tsx on the command line, vitest in tests), so it registers tsx itself and then loads the TypeScript worker.
// libxml2-wasm is loaded first, by Node itself: through tsx's loader its megabyte of generated code would be
// rewritten and kept with a source map, which costs the thread well over 100 MB.
import { workerData } from 'node:worker_threads';

await import('libxml2-wasm');
const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
