/** How one kind of key (an account, a source address) is throttled. */
export interface ThrottlePolicy {
  /** Failures allowed before the first wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  /** The longest wait. */
  maxMs: number;
  /** Failures are forgotten after this long without one. */
  forgetMs: number;
}

interface Entry {
  failures: number;
  inFlight: number;
  lockedUntil: number;
  lastFailure: number;
}

/** A refused attempt: how long to wait, in whole seconds (for Retry-After and the message). */
export interface Refusal {
  retryAfterSeconds: number;
}

/** A reserved attempt; settle it once: the password was right, wrong, or never checked (the server was too busy). */
export interface Attempt {
  settle(outcome: 'success' | 'failure' | 'abandoned'): void;
}

export const defaultAccountPolicy: ThrottlePolicy = {
  free: 5,
  baseMs: 30_000,
  maxMs: 15 * 60_000,
  forgetMs: 24 * 3600_000,
};
/** Looser than per account: colleagues behind one office address share it. */
export const defaultAddressPolicy: ThrottlePolicy = {
  free: 30,
  baseMs: 30_000,
  maxMs: 15 * 60_000,
  forgetMs: 15 * 60_000,
};

/** Counts of one kind, bounded in memory: the least recently touched key goes first. */
class Counter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly maxEntries: number,
  ) {}

  /** Milliseconds to wait before `key` may try, or 0. */
  waitFor(key: string, now: number): number {
    const entry = this.current(key, now);
    if (!entry) return 0;
    if (entry.lockedUntil > now) return entry.lockedUntil - now;
    // Attempts in flight count as failures until they settle, so a burst of concurrent tries cannot pass the free
    // count; past it, one attempt at a time.
    if (entry.failures + entry.inFlight >= this.policy.free && entry.inFlight > 0) return 1000;
    return 0;
  }

  begin(key: string, now: number): void {
    const entry = this.current(key, now) ?? { failures: 0, inFlight: 0, lockedUntil: 0, lastFailure: now };
    entry.inFlight += 1;
    this.touch(key, entry);
  }

  /** `reset` clears the count (a success); `release` only ends the attempt (it was not tried after all). */
  settle(key: string, now: number, outcome: 'failure' | 'reset' | 'release'): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (outcome === 'reset') {
      entry.failures = 0;
      entry.lockedUntil = 0;
      if (entry.inFlight === 0) this.entries.delete(key);
    }
    if (outcome !== 'failure') return;
    entry.failures += 1;
    entry.lastFailure = now;
    const over = entry.failures - this.policy.free;
    if (over >= 0) entry.lockedUntil = now + Math.min(this.policy.baseMs * 2 ** Math.min(over, 30), this.policy.maxMs);
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.inFlight === 0 && entry.lockedUntil <= now && now - entry.lastFailure > this.policy.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * Throttles password sign-in per account and per source address with growing waits: after `free` failures each
 * further failure doubles the wait (30 s, 1 min, 2 min … 15 min). While an account or address waits, every attempt —
 * the right password too — is refused before any hashing. A success clears the account's count, not the address's
 * (one good account must not reset a spraying address). One instance per app, with an injectable clock for tests.
 */
export class SignInThrottle {
  private readonly accounts: Counter;
  private readonly addresses: Counter;
  private readonly now: () => number;

  constructor(
    options: {
      now?: () => number;
      account?: ThrottlePolicy;
      address?: ThrottlePolicy;
      maxEntries?: number;
    } = {},
  ) {
    this.now = options.now ?? Date.now;
    const maxEntries = options.maxEntries ?? 50_000;
    this.accounts = new Counter(options.account ?? defaultAccountPolicy, maxEntries);
    this.addresses = new Counter(options.address ?? defaultAddressPolicy, maxEntries);
  }

  /** Reserves an attempt for this account from this address, or says how long to wait. */
  begin(account: string, address: string): Attempt | Refusal {
    const now = this.now();
    const wait = Math.max(this.accounts.waitFor(account, now), this.addresses.waitFor(address, now));
    if (wait > 0) return { retryAfterSeconds: Math.ceil(wait / 1000) };
    this.accounts.begin(account, now);
    this.addresses.begin(address, now);
    let settled = false;
    return {
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        const at = this.now();
        const failed = outcome === 'failure';
        this.accounts.settle(account, at, failed ? 'failure' : outcome === 'success' ? 'reset' : 'release');
        this.addresses.settle(address, at, failed ? 'failure' : 'release');
      },
    };
  }
}
