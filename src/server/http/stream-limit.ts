import type { Context, MiddlewareHandler } from 'hono';

/**
 * A body limit that never holds the body: a declared Content-Length over the limit is refused before anything is read,
 * and a body without one (chunked) is counted as it streams to the handler, whose read fails with `onError`'s error the
 * moment the limit is passed. Hono's own bodyLimit reads a chunked body into memory first, which for an upload of
 * hundreds of megabytes is the very thing to avoid.
 */
export function streamingBodyLimit(maxSize: number, onError: (c: Context) => Error): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.get('content-length');
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding') && Number(declared) > maxSize)
      throw onError(c);
    let size = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxSize) controller.error(onError(c));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}

/**
 * A bound on how many requests a route serves at once, for routes that hold much memory per request (an upload holds
 * its body until it is imported). A request over the bound is refused with `onBusy`'s error before its body is read;
 * it is not queued, since a queued upload would hold its connection and the client's patience without end.
 */
export function concurrencyLimit(max: number, onBusy: (c: Context) => Error): MiddlewareHandler {
  let running = 0;
  return async (c, next) => {
    if (running >= max) throw onBusy(c);
    running += 1;
    try {
      await next();
    } finally {
      running -= 1;
    }
  };
}

/**
 * An upload route's guard: at most `concurrent` bodies held at once (a request over it is refused with `busy` before
 * any of its body is read), each counted against `maxBytes` as it streams in.
 */
export function uploadLimit(
  limit: { maxBytes: number; concurrent: number },
  errors: { tooLarge: (c: Context) => Error; busy: (c: Context) => Error },
): MiddlewareHandler {
  const gate = concurrencyLimit(limit.concurrent, errors.busy);
  const size = streamingBodyLimit(limit.maxBytes, errors.tooLarge);
  return (c, next) =>
    gate(c, async () => {
      await size(c, next);
    });
}
