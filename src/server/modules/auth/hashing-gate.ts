/**
 * Bounds how many password hashes run at once. scrypt with the OWASP parameters takes 128 MiB and about a second of
 * a libuv thread each; unbounded, twenty anonymous sign-ins made a real one wait 21 s and forty took 1.2 GB. Waiting
 * tasks are served round-robin per key (the source address at sign-in), so a flood from one source delays another
 * source by at most about one hash per other waiting source, not by the whole flood.
 */
export class FairGate {
  private running = 0;
  private waitingCount = 0;
  /** Waiting tasks per key; the map's order is the round-robin order (a served key goes to the back). */
  private readonly queues = new Map<string, Array<() => void>>();

  constructor(
    readonly slots: number,
    readonly maxWaiting: number,
  ) {}

  /** How many tasks run and wait now (for tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingCount };
  }

  /** Whether a new task would have to be refused rather than queued. */
  get full(): boolean {
    return this.running >= this.slots && this.waitingCount >= this.maxWaiting;
  }

  /** Runs `task` when a slot is free; throws GateFullError at once when the queue is full. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.running < this.slots) this.running += 1;
    else {
      if (this.waitingCount >= this.maxWaiting) throw new GateFullError();
      await new Promise<void>((resolve) => {
        const queue = this.queues.get(key) ?? [];
        queue.push(resolve);
        this.queues.set(key, queue);
        this.waitingCount += 1;
      });
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Hands the slot to the first waiting task of the next key in turn, or frees it. */
  private release(): void {
    const first = this.queues.entries().next();
    if (first.done) {
      this.running -= 1;
      return;
    }
    const [key, queue] = first.value;
    const next = queue.shift()!;
    this.queues.delete(key);
    if (queue.length) this.queues.set(key, queue);
    this.waitingCount -= 1;
    next();
  }
}

export class GateFullError extends Error {
  constructor() {
    super('too many password hashes waiting');
    this.name = 'GateFullError';
  }
}
