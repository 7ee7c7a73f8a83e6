import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  collectPageErrors, demoEmail, expectNoSeriousA11yViolations, launchBrowser, screenshot, startApp, submitSignIn,
  type RunningApp,
} from './harness.js';

describe('sign-in', () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = browser.pages()[0] ?? (await browser.newPage());
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('reports a healthy server on PGlite', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('shows an error and stays on /inloggen after a wrong password', async () => {
    await submitSignIn(page, app.baseUrl, demoEmail('beheerder'), 'dit-is-niet-het-wachtwoord');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert.waitFor({ state: 'visible' });
    expect((await alert.innerText()).trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await screenshot(page, 'signin-wrong-password');
  });

  it('has no serious accessibility violations on the sign-in page', async () => {
    await page.goto(`${app.baseUrl}/inloggen`);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
    await screenshot(page, 'signin');
    await expectNoSeriousA11yViolations(page);
  });

  it('raised no script errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
