import type { Context } from 'hono';
import type { Config } from '../../config.js';
import { clientAddress } from '../../http/client-address.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';

/**
 * A burst from one source address is refused: at most `answerRequestsPerMinute` answer requests per address in a
 * minute-long window (IPv6 per /64), in memory, per app (one per Config, so tests each get their own). The address is
 * only a key here: it is never stored with an answer, nor anywhere else. Keys are bounded like the sign-in
 * throttle's; the oldest window is dropped first.
 */
class AnswerThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; the seconds to wait when over the limit, else 0. */
  take(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.windows.delete(this.windows.keys().next().value!);
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.start + 60_000 - now) / 1000) : 0;
  }
}

const throttles = new WeakMap<Config, AnswerThrottle>();

/** Refuses the request with 429 and Retry-After when its address sent too many answer requests this minute. */
export function throttleAnswers(c: Context<AppEnv>): void {
  const config = c.get('config');
  let throttle = throttles.get(config);
  if (!throttle) throttles.set(config, (throttle = new AnswerThrottle(config.answerRequestsPerMinute)));
  const wait = throttle.take(clientAddress(c));
  if (wait > 0) {
    const error = new AppError(
      ErrorCode.TooManyRequests,
      'Er komen nu te veel antwoorden tegelijk binnen van dit adres. Wacht een minuut en probeer het opnieuw; uw antwoorden blijven bewaard op dit apparaat.',
    );
    error.retryAfterSeconds = wait;
    throw error;
  }
}
