import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { JobRunner } from '../jobs/runner.js';
import { buildUser, createTestContext, type TestContext } from '../testing/harness.js';
import { createLogger } from './logger.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

// What must never reach the log: a password typed at sign-in or given to a new account, a password hash, a BSN, and
// any other value a failing statement carried.
const typedPassword = 'Mijn-geheime-poging-991';
const newPassword = 'Geheim-Wachtwoord-voor-log-77';
const hashSalt = 'U2FsdFZvb3JEZVRlc3Q0Mg==';
const storedHash = `scrypt$131072$8$1$${hashSalt}$SGFzaFZhbkVlbkdlaGVpbVdhY2h0d29vcmQ0Mg==`;
const bsn = '123456782';
const missingProvider = randomUUID();

describe('the log of a run with failing writes and wrong passwords', () => {
  it('holds no SQL parameter, password, hash or BSN, while it does report the failures', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const app = createApp({ database: ctx.database, secrets: ctx.secrets, config: loadConfig({}), logger });
    const { token } = await buildUser(ctx, 'beheerder');

    // Through the API: a new account whose insert fails (its provider does not exist) carries a fresh scrypt hash.
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: `bsn${bsn}@regio.nl`,
        name: 'Log Test',
        role: 'aanbieder',
        providerId: missingProvider,
        password: newPassword,
      }),
    });
    expect(created.status).toBeGreaterThanOrEqual(400);
    for (const email of ['beleid@regio.nl', `${bsn}@regio.nl`]) {
      const res = await app.request('/api/v1/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: typedPassword }),
      });
      expect(res.status).toBe(401);
    }

    // A background job whose write breaks a constraint with a BSN and a hash among its parameters.
    const failingWrite = sql`insert into users (email, name, role, password_hash, provider_id)
      values (${`${bsn}@regio.nl`}, ${'Jeugdige ' + bsn}, ${'aanbieder'}, ${storedHash}, ${missingProvider})`;
    const runner = new JobRunner(
      ctx.database,
      [
        {
          name: 'log-privacy-test',
          description: 'test',
          everyMinutes: 60,
          runAtStart: false,
          timeoutMinutes: 1,
          run: async (db) => void (await db.execute(failingWrite)),
        },
      ],
      { logger },
    );
    await runner.start();
    const outcome = await runner.runNow('log-privacy-test');
    await runner.stop();
    expect(outcome.outcome).toBe('failed');
    // The same failure as any caller logs it.
    const direct = await ctx.database.db.execute(failingWrite).catch((err: unknown) => err);
    logger.error({ err: direct }, 'write failed');

    const log = lines.join('');
    expect(log).toContain('job failed');
    expect(log).toContain('Failed query');
    expect(log).toContain('"code":"23503"');
    for (const secret of [typedPassword, newPassword, hashSalt, 'scrypt$131072', bsn, missingProvider, 'Jeugdige'])
      expect(log, secret).not.toContain(secret);
    // Nor does the job's error, which the beheerder reads on the jobs page.
    for (const secret of [hashSalt, bsn, missingProvider]) expect(outcome.error ?? '', secret).not.toContain(secret);
  });
});
