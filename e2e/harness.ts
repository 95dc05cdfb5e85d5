// Browser tests: the real app (with the demo accounts) listening on a loopback port, driven by Debian's
// Chromium through playwright-core, with axe-core checking every page against WCAG 2.1 A and AA.
// One app and one browser per test file; every page gets its own context, so cookies never leak between
// tests. Runs on PGlite by default and on PostgreSQL when TEST_DATABASE_URL is set (testApp decides).
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testApp, type TestApp } from '../src/testing/app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/cli/demo-logins.ts';
import { totpCode } from '../src/modules/accounts/totp.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** The WCAG levels every page must meet. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A phone-sized screen (a cheap Android phone in portrait). */
export const PHONE = { width: 360, height: 740 } as const;
/** A larger phone (iPhone 12–15 in portrait), the width issue 9 was measured at. */
export const PHONE_390 = { width: 390, height: 844 } as const;

export interface Harness {
  /** The app under test (its database is `app.database`, its platform `app.platform`). */
  readonly app: TestApp;
  readonly browser: Browser;
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** Absolute URL of a path on the app. */
  url(path: string): string;
  /** A page in a fresh browser context (own cookies); closed after the current test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Registers the file's `before`/`after` hooks: starts the app with demo data on 127.0.0.1 and Chromium.
 * Call once at the top level of a test file; the returned harness is usable inside tests.
 * Two-step verification is mandatory for leaders and administrators, as in a default start (`twoStepRoles`:
 * EGOV_2FA_ROLES); the demo's leaders and administrators sign in with the demo secret's code: see passSecondStep.
 */
export function startHarness(opts: { demo?: boolean; twoStepRoles?: string } = {}): Harness {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  let open: BrowserContext[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
    app = await testApp({ demo: opts.demo ?? true, env: { EGOV_2FA_ROLES: opts.twoStepRoles ?? 'leader,admin' } });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    const contexts = open;
    open = [];
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  });

  after(async () => {
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await app?.close();
  });

  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not ready: use the harness inside a test`);
    return v;
  };

  return {
    get app() {
      return need(app, 'the app');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    get baseUrl() {
      return need(baseUrl || undefined, 'the base URL');
    },
    url(path: string) {
      return new URL(path, need(baseUrl || undefined, 'the base URL')).toString();
    },
    async newPage(options: BrowserContextOptions = {}) {
      const context = await need(browser, 'the browser').newContext({ baseURL: baseUrl, ...options });
      context.setDefaultTimeout(15_000);
      open.push(context);
      return context.newPage();
    },
  };
}

const SECOND_STEP = '/dang-nhap/xac-thuc';
const STEP_MS = 30_000;
/** Per account, the last 30-second step whose code was typed: the server accepts a code once per account, so each
 *  use of the same account takes a later one; another account has its own (no wait for it). */
const lastStep = new Map<string, number>();

/**
 * When the page is the sign-in's second step (a demo leader or administrator), types the demo secret's current code
 * and waits for the page signed in; true if it did. Call right after the password step, with the account's username.
 */
export async function passSecondStep(page: Page, account: string): Promise<boolean> {
  if (new URL(page.url()).pathname !== SECOND_STEP) return false;
  // The server accepts the step before, the current one and the next (the current one is safe across a step
  // boundary); never one already used by this account.
  const step = Math.max(Math.floor(Date.now() / STEP_MS), (lastStep.get(account) ?? 0) + 1);
  while (step > Math.floor(Date.now() / STEP_MS) + 1) await new Promise((r) => setTimeout(r, 500));
  lastStep.set(account, step);
  await page.getByLabel('Mã xác thực', { exact: true }).fill(totpCode(DEMO_TOTP_SECRET, step * STEP_MS));
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === SECOND_STEP),
    page.locator('main').getByRole('button', { name: 'Xác nhận', exact: true }).click(),
  ]);
  assert.equal(res.status(), 303, 'the demo code is accepted');
  await page.waitForURL((u) => u.pathname !== SECOND_STEP);
  await page.waitForLoadState('load');
  return true;
}

/**
 * Runs axe on the page as it is now and fails, listing every violation (rule, impact, nodes), unless
 * there are none. `label` says which page or state was checked.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  const report = results.violations.map((v) => {
    const nodes = v.nodes.map((n) => `      - ${n.target.map(String).join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replaceAll('\n', '\n        ')}` : ''}`);
    return `  • ${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  });
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} accessibility violation(s) on ${label} (${page.url()}):\n${report.join('\n')}`,
  );
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function scrollsSideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number; overflows: boolean }> {
  return page.evaluate(() => {
    const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    return { scrollWidth, innerWidth: window.innerWidth, overflows: scrollWidth > window.innerWidth };
  });
}

/** Clicks a submit button and waits for the browser to show the answer (after any redirect); returns the POST status. */
export async function submitWith(page: Page, button: Locator): Promise<number> {
  await page.evaluate(() => document.documentElement.setAttribute('data-before-submit', ''));
  // The form's own POST, a navigation: a page's background fetches (the live checks of a form as it is typed, sent
  // again when the button takes the focus) are POSTs too, and one of them once answered first.
  const isFormPost = (r: { request(): { method(): string; isNavigationRequest(): boolean } }) => r.request().method() === 'POST' && r.request().isNavigationRequest();
  const [res] = await Promise.all([page.waitForResponse(isFormPost), button.click()]);
  // Between two documents the browser may briefly have no root element: wait until the new one is there and loaded.
  await page.waitForFunction(() => {
    const root = document.documentElement as HTMLElement | null;
    return root !== null && !root.hasAttribute('data-before-submit') && document.readyState === 'complete';
  });
  return res.status();
}

/** A page in a fresh context of this size; up to 390 px wide it is a phone (mobile, touch). */
export function sizedPage(h: Harness, viewport: { width: number; height: number }): Promise<Page> {
  const phone = viewport.width <= PHONE_390.width;
  return h.newPage({ viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
}

/** axe on the page as it is; up to 390 px wide the page must also fit the screen's width (no sideways scroll). */
export async function checkPage(page: Page, label: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  if (width <= PHONE_390.width) {
    const w = await scrollsSideways(page);
    assert.ok(!w.overflows, `${label} scrolls sideways at ${width} px: content is ${w.scrollWidth}px wide in a ${w.innerWidth}px window`);
  }
  await checkA11y(page, `${label} at ${width} px`);
}

/** Opens the path, checks HTTP 200, axe and, on a phone, that nothing scrolls sideways. */
export async function visitChecked(page: Page, path: string, label: string): Promise<void> {
  const res = await page.goto(path);
  assert.equal(res?.status(), 200, `${label}: HTTP 200`);
  await checkPage(page, label);
}

export interface SignInOptions {
  /** axe (and width) on the sign-in page, and on the second step's page when there is one (also when secondStep). */
  a11y?: boolean;
  /** Whether the account must be asked for the second step (true) or must not be (false); unchecked if absent. */
  secondStep?: boolean;
}

/**
 * A fresh browser context of the given size, signed in through the sign-in page with the demo password, through the
 * second step when the account has one (passSecondStep).
 */
export async function signedIn(h: Harness, username: string, viewport: { width: number; height: number }, opts: SignInOptions = {}): Promise<Page> {
  const page = await sizedPage(h, viewport);
  await page.goto('/dang-nhap');
  if (opts.a11y) await checkPage(page, 'the sign-in page');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  assert.equal(await submitWith(page, page.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true })), 303, `${username} signs in`);
  const asked = new URL(page.url()).pathname === SECOND_STEP;
  if (opts.secondStep !== undefined) assert.equal(asked, opts.secondStep, `${username} is ${opts.secondStep ? '' : 'not '}asked for the second step`);
  if (asked && (opts.a11y || opts.secondStep)) await checkPage(page, 'the second step of the sign-in');
  await passSecondStep(page, username);
  return page;
}
