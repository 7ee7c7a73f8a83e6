/**
 * Helpers for the browser tests (e2e/**\/*.e2e.test.ts): a real server on a free port with a fresh PGlite
 * database and the demo region seeded, Debian's headless Chromium driven by playwright-core, sign-in,
 * an axe accessibility gate, screenshots, and the readers every test file shares (settle, tableRows, apiGet). One server and browser per test file: useAppInBrowser() starts
 * them before the file's tests and stops them after. `npm run e2e` builds the web UI (dist/web) before the tests run.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer } from '../src/server/main.js';
import { demoPassword, demoUsers } from '../src/server/db/seed/demo.js';
import type { Config } from '../src/server/config.js';
import type { Db } from '../src/server/db/client.js';
import { backgroundJobs } from '../src/server/db/schema/index.js';
import type { JobRunner } from '../src/server/jobs/runner.js';
import { eq } from 'drizzle-orm';
import type { Role } from '../src/shared/domain.js';

/** The demo region's log-ins (one shared password), as seeded by startApp(). */
export { demoPassword, demoUsers };
export function demoEmail(role: Role): string {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user.email;
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const screenshotDir = join(repoRoot, 'e2e', 'screenshots');

/** Where Debian's chromium lives; CHROMIUM_PATH overrides it on other machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234, no trailing slash */
  baseUrl: string;
  /** The server's own database, for a test that must check a figure against the rows behind it. */
  db: Db;
  /** The server's background jobs, for a test that must hold them back or run one now. */
  jobs: JobRunner;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /**
   * Youths for whom iJw messages are generated and imported at start (three years of care). Default 0: most pages
   * need none, and 1500 youths add about 15 seconds to the start.
   */
  demoYouths?: number;
  /** False: an empty installation without the demo region (setting a region up from nothing). Default true. */
  seedDemo?: boolean;
  /**
   * Settings beside the test's own (port, data directory), such as a mail server: `{ smtpUrl, mailFrom }`. Read when
   * the app starts, so a hook registered before useAppInBrowser() may fill it in (a port known only then).
   */
  config?: Partial<Config>;
}

/**
 * Starts the real server in this process on a free port, with a fresh PGlite database in a temporary
 * directory (DATABASE_URL is ignored on purpose) seeded with the demo region Lekstroom.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(repoRoot, 'dist', 'web', 'index.html'))) {
    throw new Error(
      'dist/web/index.html is missing: build the web UI first (`npm run e2e` does: vite build, then the tests).',
    );
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'zl-e2e-data-'));
  // startServer installs SIGINT/SIGTERM handlers that end the process; in a test worker we stop it ourselves.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const started = await startServer(
    { port, host: '127.0.0.1', dataDir, logLevel: 'warn', databaseUrl: undefined, ...options.config },
    { seedDemo: options.seedDemo ?? true, demoYouths: options.demoYouths ?? 0 },
  );
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  // The KPI facts are built by a background job the start requests; the pages are tested with figures, so wait for it.
  await waitForJob(started.database.db, 'kpi-refresh');
  const server = started.server as Server;
  if (!server.listening) {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  }
  let stopped = false;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db: started.database.db,
    jobs: started.jobs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await started.jobs.stop();
      await started.database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForJob(db: Db, name: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const [row] = await db.select().from(backgroundJobs).where(eq(backgroundJobs.name, name));
    if (row?.lastOutcome === 'succeeded' && !row.requestedAt && !row.runningSince) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`background job ${name} did not finish within a minute`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Debian's headless Chromium with a throw-away profile (the profile directory is removed on close).
 * `chromium.launch()` refuses --user-data-dir, hence a persistent context.
 */
export async function launchBrowser(): Promise<BrowserContext> {
  const profileDir = await mkdtemp(join(tmpdir(), 'zl-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  // Remove the profile once Chromium is gone; it may still be writing to it for a moment after close().
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext['close']>) => {
    await close(...args);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
  };
  return context;
}

/** Opens /inloggen and submits the form, without judging the outcome. */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/**
 * Signs in through the sign-in page and waits until the app has left /inloggen. Throws with the page's
 * error message if an alert appears instead.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await submitSignIn(page, baseUrl, email, password);
  const left = page.waitForURL((url) => !url.pathname.startsWith('/inloggen')).then(() => 'left' as const);
  const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
  const failed = alert.waitFor({ state: 'visible' }).then(() => 'alert' as const);
  const outcome = await Promise.race([left, failed]);
  // Both waits share the page's default timeout; keep the loser from reporting an unhandled rejection.
  left.catch(() => {});
  failed.catch(() => {});
  if (outcome === 'alert' && page.url().includes('/inloggen')) {
    throw new Error(`Sign-in as ${email} failed: ${(await alert.innerText()).trim()}`);
  }
}

/** Signs the test's browser in as the demo user of a role, through the sign-in page. */
export async function signInAs(ctx: AppInBrowser, role: Role): Promise<void> {
  await signIn(ctx.page, ctx.app.baseUrl, demoEmail(role), demoPassword);
}

export interface A11yOptions {
  /** CSS selectors to leave out of the check (use sparingly and say why at the call site). */
  exclude?: string[];
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails listing every violation whose
 * impact is serious or critical. Minor and moderate findings are printed as a warning only.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
      .join('\n') +
    (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '');
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const lesser = results.violations.filter((v) => !serious.includes(v));
  if (lesser.length)
    console.warn(
      `axe on ${page.url()}: ${lesser.length} minor/moderate finding(s):\n${lesser.map(describe).join('\n')}`,
    );
  if (serious.length) {
    throw new Error(
      `axe found ${serious.length} serious or critical accessibility violation(s) on ${page.url()}:\n${serious.map(describe).join('\n')}`,
    );
  }
}

/**
 * Waits for the page's h1 (exactly this text when a string is given) and until no "Laden…" is left in the main
 * landmark, so what a test reads next is the loaded page; returns the h1's text.
 */
export async function settle(page: Page, heading?: string | RegExp): Promise<string> {
  const h1 =
    heading === undefined
      ? page.getByRole('heading', { level: 1 })
      : page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' });
  await h1.waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Laden…'));
  return (await h1.innerText()).trim();
}

/**
 * What sticks out of its box: for every element matching `selector`, each descendant reaching past the box's right
 * edge, as "<the box's heading>: <the descendant's text>". Empty when every box holds its own content.
 */
export async function spillingContent(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((boxes) =>
    boxes.flatMap((box) => {
      const edge = box.getBoundingClientRect().right;
      return [...box.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
        .map((el) => `${box.querySelector('h2, h3')?.textContent ?? ''}: ${el.textContent ?? ''}`);
    }),
  );
}

/** The rows of a table as arrays of trimmed cell texts (header cells included). */
export async function tableRows(page: Page, name: string | RegExp): Promise<string[][]> {
  const rows = page.getByRole('table', { name, exact: typeof name === 'string' }).locator('tbody tr');
  const result: string[][] = [];
  for (const row of await rows.all()) result.push((await row.locator('th, td').allInnerTexts()).map((s) => s.trim()));
  return result;
}

/** Reads the API as a demo user (the contract manager unless named), with a Bearer token, to compare with the page. */
export async function apiGet<T>(baseUrl: string, path: string, role: Role = 'contractmanager'): Promise<T> {
  const session = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(role), password: demoPassword }),
  });
  const { token } = (await session.json()) as { token: string };
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

/** Saves a full-page PNG to e2e/screenshots/<name>.png (a git-ignored folder) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const ignore = join(screenshotDir, '.gitignore');
  if (!existsSync(ignore)) await writeFile(ignore, '*\n');
  const file = join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Collects uncaught page errors and console errors (CSP violations among them) for a test to assert on.
 * Chromium's own "Failed to load resource: … status of 4xx" lines are left out: the app answers a wrong
 * password with 401 and handles it.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

export interface AppInBrowser {
  app: RunningApp;
  browser: BrowserContext;
  /** The browser's first page; the tests drive this one. */
  page: Page;
  /** What collectPageErrors(page) gathered. */
  pageErrors: string[];
}

export interface AppInBrowserOptions extends StartAppOptions {
  /** Clear the browser's cookies (sign out) before every test. Default true. */
  clearCookies?: boolean;
}

/**
 * Registers hooks on the surrounding describe block: beforeAll starts the app and Chromium and fills in the
 * returned object, afterAll closes both, and beforeEach clears the cookies unless `clearCookies: false`.
 * Hooks registered after this call run after its beforeAll/beforeEach and before its afterAll.
 * Read the fields in hooks and tests only: they are unset while the describe block is collected.
 */
export function useAppInBrowser({ clearCookies = true, ...appOptions }: AppInBrowserOptions = {}): AppInBrowser {
  const ctx = {} as AppInBrowser;
  beforeAll(async () => {
    const started = Date.now();
    ctx.app = await startApp(appOptions);
    if (appOptions.demoYouths)
      console.log(`startApp with ${appOptions.demoYouths} youths: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    ctx.browser = await launchBrowser();
    ctx.page = ctx.browser.pages()[0] ?? (await ctx.browser.newPage());
    ctx.pageErrors = collectPageErrors(ctx.page);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
  });
  if (clearCookies) {
    beforeEach(async () => {
      await ctx.browser.clearCookies();
    });
  }
  return ctx;
}

/**
 * Follows a link of the main menu by its text, first opening the section (a disclosure button) that holds it
 * when the link is not already shown. `menu` is the navigation's name: 'Main menu' in English.
 * The menu is drawn once the signed-in user is known, and a page that redirects right after sign-in closes an open
 * section; so this waits for the menu and opens the link's own section (the button controlling its panel), again
 * if a redirect closed it.
 */
export async function followMenuLink(page: Page, label: string, menu = 'Hoofdmenu'): Promise<void> {
  const nav = page.getByRole('navigation', { name: menu });
  const link = nav.getByRole('link', { name: label, exact: true });
  const shownOrNot = nav.getByRole('link', { name: label, exact: true, includeHidden: true });
  await shownOrNot.waitFor({ state: 'attached' });
  for (let attempt = 0; attempt < 5 && !(await link.isVisible()); attempt++) {
    const panel = await shownOrNot.evaluate((el) => el.closest('ul[id]')?.id ?? '');
    const button = nav.locator(`button[aria-controls="${panel}"]`);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await link.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
  }
  await link.click();
}

/**
 * The main menu as a user sees it: each top-level item by its text, a section as "Section: entry, entry" (opened
 * and closed again to read it).
 */
export async function menuOutline(page: Page, menu = 'Hoofdmenu'): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: menu });
  await nav.waitFor();
  const items = nav.locator(':scope > div > ul > li');
  const outline: string[] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const button = item.getByRole('button');
    if ((await button.count()) === 0) {
      outline.push((await item.innerText()).trim());
      continue;
    }
    await button.click();
    const entries = (await item.getByRole('link').allInnerTexts()).map((s) => s.trim());
    await button.click();
    outline.push(`${(await button.innerText()).trim()}: ${entries.join(', ')}`);
  }
  return outline;
}
