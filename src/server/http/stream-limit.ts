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
