import { describe, expect, it } from 'vitest';
import { FairGate, GateFullError } from './hashing-gate.js';

/** A task that runs until the test ends it, noting when it started. */
function controlled(started: string[], name: string) {
  let end!: () => void;
  const done = new Promise<void>((resolve) => (end = resolve));
  return { task: () => (started.push(name), done), end: () => end() };
}

describe('the password-hashing gate', () => {
  it('never runs more tasks than it has slots, and serves a second source before the rest of a flood', async () => {
    const gate = new FairGate(2, 100);
    const started: string[] = [];
    const flood = Array.from({ length: 40 }, (_, i) => controlled(started, `a${i}`));
    const floodRuns = flood.map((t) => gate.run('10.0.0.1', t.task));
    const real = controlled(started, 'real user');
    const realRun = gate.run('10.0.0.2', real.task);
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 2, waiting: 39 });
    expect(started).toEqual(['a0', 'a1']);
    // Round-robin per source: at most one more task of the flood goes before the real user's.
    flood[0]!.end();
    await floodRuns[0];
    flood[1]!.end();
    await floodRuns[1];
    await Promise.resolve();
    expect(started.slice(0, 4)).toEqual(['a0', 'a1', 'a2', 'real user']);
    expect(gate.load.running).toBe(2);
    real.end();
    await realRun;
    for (const t of flood) t.end();
    await Promise.all(floodRuns);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once, without queueing, when the queue is full', async () => {
    const gate = new FairGate(1, 2);
    const started: string[] = [];
    const tasks = Array.from({ length: 3 }, (_, i) => controlled(started, `t${i}`));
    const runs = tasks.map((t) => gate.run('x', t.task));
    await expect(gate.run('y', async () => 'never')).rejects.toBeInstanceOf(GateFullError);
    for (const t of tasks) t.end();
    await Promise.all(runs);
    expect(started).toEqual(['t0', 't1', 't2']);
  });
});
