import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';
import { createUser } from './auth.service.js';
import { hashingGate } from './passwords.js';
import { SignInThrottle } from './sign-in-throttle.js';

let ctx: TestContext;
const password = 'juist-wachtwoord-voor-de-test';
beforeAll(async () => {
  ctx = await createTestContext();
  for (const email of ['slot@regio.nl', 'echt@regio.nl'])
    await createUser(ctx.database.db, { email, name: 'T', role: 'beleid', password });
});
afterAll(async () => {
  await ctx.close();
});

/** An app whose throttle runs on the test's clock. */
function appAt(clock: { now: number }, options: ConstructorParameters<typeof SignInThrottle>[0] = {}) {
  const signInThrottle = new SignInThrottle({ ...options, now: () => clock.now });
  return createApp({ database: ctx.database, secrets: ctx.secrets, config: loadConfig({}), signInThrottle });
}

/** Signs in as a request from `address` would arrive through the node server. */
async function signIn(app: ReturnType<typeof createApp>, email: string, secret: string, address = '192.0.2.1') {
  const res = await app.request(
    '/api/v1/sessions',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: secret }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return {
    status: res.status,
    retryAfter: res.headers.get('Retry-After'),
    type: res.headers.get('Content-Type'),
    body: await res.json(),
  };
}

describe('sign-in that resists abuse', () => {
  it('locks an account after five wrong passwords, refuses even the right one until the wait is over, and doubles the wait', async () => {
    const clock = { now: 1_000_000 };
    const app = appAt(clock);
    for (let i = 0; i < 5; i += 1)
      expect((await signIn(app, 'slot@regio.nl', `fout-${i}`, `192.0.2.${i}`)).status).toBe(401);
    const hashes = vi.spyOn(hashingGate, 'run');
    const locked = await signIn(app, 'slot@regio.nl', password, '198.51.100.7');
    expect(locked.status).toBe(429);
    expect(locked.type).toContain('application/problem+json');
    expect(locked.retryAfter).toBe('30');
    expect(locked.body.detail).toBe('Te veel mislukte inlogpogingen. Probeer het over 30 seconden opnieuw.');
    expect(hashes).not.toHaveBeenCalled();
    hashes.mockRestore();
    clock.now += 29_000;
    expect((await signIn(app, 'slot@regio.nl', password)).retryAfter).toBe('1');
    clock.now += 1_000;
    expect((await signIn(app, 'slot@regio.nl', 'nog-steeds-fout')).status).toBe(401);
    const longer = await signIn(app, 'slot@regio.nl', password);
    expect([longer.status, longer.retryAfter, longer.body.detail]).toEqual([
      429,
      '60',
      'Te veel mislukte inlogpogingen. Probeer het over 1 minuut opnieuw.',
    ]);
    clock.now += 60_000;
    expect((await signIn(app, 'slot@regio.nl', password)).status).toBe(201);
    // The success cleared the account: a typo now is an ordinary 401 again.
    expect((await signIn(app, 'slot@regio.nl', 'een-typfout-erin')).status).toBe(401);
  });

  it('throttles an address that tries many accounts, and not the others', async () => {
    const clock = { now: 0 };
    const app = appAt(clock, { address: { free: 2, baseMs: 30_000, maxMs: 900_000, forgetMs: 900_000 } });
    expect((await signIn(app, 'a@regio.nl', 'raden-raden-1', '203.0.113.5')).status).toBe(401);
    expect((await signIn(app, 'b@regio.nl', 'raden-raden-2', '203.0.113.5')).status).toBe(401);
    const sprayed = await signIn(app, 'echt@regio.nl', password, '203.0.113.5');
    expect([sprayed.status, sprayed.retryAfter]).toEqual([429, '30']);
    expect((await signIn(app, 'echt@regio.nl', password, '203.0.113.6')).status).toBe(201);
    clock.now += 30_000;
    expect((await signIn(app, 'echt@regio.nl', password, '203.0.113.5')).status).toBe(201);
  });

  it('hashes at most five of twenty concurrent wrong passwords for one account, and refuses the rest at once', async () => {
    const app = appAt({ now: 0 });
    const hashes = vi.spyOn(hashingGate, 'run');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(app, 'doelwit@regio.nl', `gok-${i}-wachtwoord`, `192.0.2.${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(hashes.mock.calls.filter(([source]) => source !== 'dummy')).toHaveLength(5);
    hashes.mockRestore();
  });

  it("keeps a real user's sign-in near the front while one address floods the hashing with wrong passwords", async () => {
    const app = appAt({ now: 0 });
    const finished: string[] = [];
    const flood = Array.from({ length: 10 }, (_, i) =>
      signIn(app, `gok${i}@regio.nl`, 'een-gok-van-buiten', '203.0.113.66').then((r) =>
        finished.push(`flood ${r.status}`),
      ),
    );
    await vi.waitFor(() => expect(hashingGate.load.waiting).toBeGreaterThanOrEqual(7), { timeout: 30_000 });
    expect(hashingGate.load.running).toBeLessThanOrEqual(2);
    const real = signIn(app, 'echt@regio.nl', password, '198.51.100.20').then((r) => finished.push(`real ${r.status}`));
    await Promise.all([...flood, real]);
    // Fair turns per source: the real sign-in is hashed third or fourth of eleven, not after the whole flood.
    expect(finished.indexOf('real 201')).toBeGreaterThanOrEqual(0);
    expect(finished.indexOf('real 201')).toBeLessThanOrEqual(4);
    expect(hashingGate.load).toEqual({ running: 0, waiting: 0 });
  });
});
