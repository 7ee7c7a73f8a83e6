import { describe, expect, it } from 'vitest';
import {
  demoEmail,
  demoPassword,
  expectNoSeriousA11yViolations,
  screenshot,
  submitSignIn,
  useAppInBrowser,
} from './harness.js';

describe('sign-in', () => {
  const ctx = useAppInBrowser({ clearCookies: false });

  it('reports a healthy server on PGlite', async () => {
    const res = await fetch(`${ctx.app.baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('shows an error and stays on /inloggen after a wrong password', async () => {
    await submitSignIn(ctx.page, ctx.app.baseUrl, demoEmail('beheerder'), 'dit-is-niet-het-wachtwoord');
    const alert = ctx.page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert.waitFor({ state: 'visible' });
    expect((await alert.innerText()).trim()).not.toBe('');
    expect(new URL(ctx.page.url()).pathname).toBe('/inloggen');
    await screenshot(ctx.page, 'signin-wrong-password');
  });

  it('tells, after five wrong passwords for an account, to wait — and refuses the right password meanwhile', async () => {
    const email = demoEmail('verwijzer');
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${ctx.app.baseUrl}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: `verkeerd-wachtwoord-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    await submitSignIn(ctx.page, ctx.app.baseUrl, email, demoPassword);
    const alert = ctx.page.getByRole('alert').filter({ hasText: /Te veel mislukte inlogpogingen/ });
    await alert.waitFor({ state: 'visible' });
    expect((await alert.innerText()).trim()).toBe(
      'Te veel mislukte inlogpogingen. Probeer het over 30 seconden opnieuw.',
    );
    expect(new URL(ctx.page.url()).pathname).toBe('/inloggen');
    await screenshot(ctx.page, 'signin-throttled');
  });

  it('has no serious accessibility violations on the sign-in page', async () => {
    await ctx.page.goto(`${ctx.app.baseUrl}/inloggen`);
    await ctx.page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
    await screenshot(ctx.page, 'signin');
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('raised no script errors in the browser', () => {
    expect(ctx.pageErrors).toEqual([]);
  });
});
