import { describe, expect, it } from 'vitest';
import { SignInThrottle, type Attempt, type Refusal } from './sign-in-throttle.js';

function attempt(throttle: SignInThrottle, account: string, address: string): Attempt {
  const result = throttle.begin(account, address);
  if ('retryAfterSeconds' in result) throw new Error(`refused for ${result.retryAfterSeconds} s`);
  return result;
}
function refusal(throttle: SignInThrottle, account: string, address: string): number | null {
  const result = throttle.begin(account, address);
  if ('retryAfterSeconds' in result) return (result as Refusal).retryAfterSeconds;
  (result as Attempt).settle('abandoned');
  return null;
}

describe('sign-in throttling', () => {
  it('lets an account fail five times, then waits 30 s, 1, 2, 4 … up to 15 minutes after each further failure', () => {
    let now = 0;
    const throttle = new SignInThrottle({ now: () => now });
    for (let i = 0; i < 5; i += 1) attempt(throttle, 'a@x.nl', `10.0.0.${i}`).settle('failure');
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const wait = refusal(throttle, 'a@x.nl', '10.0.1.1')!;
      waits.push(wait);
      now += wait * 1000 - 1;
      expect(refusal(throttle, 'a@x.nl', '10.0.1.1')).toBe(1);
      now += 1;
      attempt(throttle, 'a@x.nl', '10.0.1.1').settle('failure');
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('clears an account after a success, but not the address that failed', () => {
    let now = 0;
    const throttle = new SignInThrottle({
      now: () => now,
      address: { free: 3, baseMs: 10_000, maxMs: 60_000, forgetMs: 60_000 },
    });
    for (let i = 0; i < 2; i += 1) attempt(throttle, 'a@x.nl', '10.0.0.1').settle('failure');
    attempt(throttle, 'a@x.nl', '10.0.0.1').settle('success');
    attempt(throttle, 'b@x.nl', '10.0.0.1').settle('failure');
    expect(refusal(throttle, 'c@x.nl', '10.0.0.1')).toBe(10);
    expect(refusal(throttle, 'c@x.nl', '10.0.0.2')).toBeNull();
    now += 10_000;
    expect(refusal(throttle, 'a@x.nl', '10.0.0.1')).toBeNull();
  });

  it('counts attempts in flight, so a burst of concurrent tries cannot pass the free count', () => {
    const throttle = new SignInThrottle({ now: () => 0 });
    const inFlight = Array.from({ length: 5 }, (_, i) => attempt(throttle, 'a@x.nl', `10.0.0.${i}`));
    expect(refusal(throttle, 'a@x.nl', '10.0.0.9')).toBe(1);
    for (const a of inFlight) a.settle('failure');
    expect(refusal(throttle, 'a@x.nl', '10.0.0.9')).toBe(30);
  });

  it('forgets failures after a quiet period, and holds a bounded number of keys', () => {
    let now = 0;
    const throttle = new SignInThrottle({ now: () => now, maxEntries: 3 });
    for (let i = 0; i < 4; i += 1) attempt(throttle, 'a@x.nl', '10.0.0.1').settle('failure');
    now += 24 * 3600_000 + 1;
    for (let i = 0; i < 4; i += 1) attempt(throttle, 'a@x.nl', '10.0.0.1').settle('failure');
    attempt(throttle, 'a@x.nl', '10.0.0.1').settle('failure');
    expect(refusal(throttle, 'a@x.nl', '10.0.0.2')).toBe(30);
    for (const other of ['b', 'c', 'd']) attempt(throttle, `${other}@x.nl`, '10.0.0.3').settle('failure');
    // The oldest key gave way: the table does not grow with every address or account an attacker makes up.
    expect(refusal(throttle, 'a@x.nl', '10.0.0.2')).toBeNull();
  });
});
