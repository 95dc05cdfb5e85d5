// The main journeys on a phone (issue 9, WCAG 1.4.10 Reflow): at 390 px every page fits the screen's width (nothing
// scrolls sideways), the catalogue's search results are a list of cards rather than a table squeezed to letters,
// and every page passes axe. Each role signs in through the sign-in page with its demo account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';
import { checkA11y, passSecondStep, PHONE_390, scrollsSideways, startHarness } from './harness.ts';

const h = startHarness({ demo: true });
const HOAN_KIEM = '000.04.51.H26';

async function phone(): Promise<Page> {
  return h.newPage({ viewport: PHONE_390, isMobile: true, hasTouch: true });
}

async function signedIn(username: string): Promise<Page> {
  const page = await phone();
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/dang-nhap'), page.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()]);
  // Leaders and administrators give the demo's one-time code (two-step verification).
  await passSecondStep(page, username);
  return page;
}

/** Opens the path (or checks the page the browser is on) and asserts it fits 390 px and passes axe. */
async function fits(page: Page, path: string | null, label: string): Promise<void> {
  if (path !== null) {
    const res = await page.goto(path);
    assert.equal(res?.status(), 200, `${label}: HTTP 200`);
  }
  const w = await scrollsSideways(page);
  assert.ok(!w.overflows, `${label} scrolls sideways at ${PHONE_390.width} px: content is ${w.scrollWidth}px wide in a ${w.innerWidth}px window`);
  await checkA11y(page, `${label} at ${PHONE_390.width} px`);
}

test('at 390 px the public pages fit the screen and pass axe', async () => {
  const page = await phone();
  await fits(page, '/', 'the home page');
  await fits(page, '/thu-tuc/1.001193', 'a procedure page');
  await fits(page, '/dang-nhap', 'the sign-in page');
  await fits(page, '/co-quan', 'the agencies');
  await fits(page, '/cong-khai', 'the transparency index');
  await fits(page, `/cong-khai/co-quan/${HOAN_KIEM}`, "Hoàn Kiếm ward's transparency page");
  await fits(page, '/cong-khai/co-quan/000.00.20.H26', "the service centre's transparency page");
});

test('the browser finds the portal\'s icon, at the address it links and at /favicon.ico', async () => {
  const page = await phone();
  await page.goto('/');
  const href = await page.locator('head link[rel="icon"]').getAttribute('href');
  assert.ok(href, 'the layout links an icon');
  for (const path of [href, '/favicon.ico']) {
    const res = await page.request.get(path);
    assert.equal(res.status(), 200, `${path} is found`);
    assert.match(res.headers()['content-type'] ?? '', /^image\/svg\+xml/, `${path} is an SVG image`);
  }
});

test('at 390 px the catalogue search shows its results as cards, not a page 14,000 px tall', async () => {
  const page = await phone();
  await fits(page, '/thu-tuc?q=khai+sinh', 'the catalogue search for "khai sinh"');
  const rows = page.locator('main table tbody tr');
  const n = await rows.count();
  assert.equal(n, 20, 'a full first page of results');
  // Each result shows its column's name beside the value, the way a card does.
  const label = await rows.first().locator('td').nth(1).evaluate((td) => getComputedStyle(td, '::before').content);
  assert.notEqual(label, 'none', 'each value is labelled with its column name');
  // Squeezed into seven columns the results made a page 14,000 px tall; as cards each takes a few short lines (about 200 px).
  const perResult = (await page.locator('main table').evaluate((el) => el.getBoundingClientRect().height)) / n;
  assert.ok(perResult < 320, `each result takes ${Math.round(perResult)}px of height`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 8000, `the search page is ${height}px tall for ${n} results`);
  // On a desktop the same results are still a table with its column headers.
  const desktop = await h.newPage({ viewport: { width: 1280, height: 800 } });
  await desktop.goto('/thu-tuc?q=khai+sinh');
  assert.equal(await desktop.locator('main table thead').evaluate((el) => getComputedStyle(el).display), 'table-header-group');
});

test("at 390 px a citizen's dossiers and a dossier page fit the screen", async () => {
  // The demo's dossiers were made at the counter for invented people: give two of them to the demo citizen.
  await sql`update dossiers set applicant_account_id = (select id from accounts where username = 'demo.congdan')
    where id in (select d.id from dossiers d join agencies a on a.id = d.agency_id
      where a.code = ${HOAN_KIEM} and d.status in ('returned', 'processing') order by d.status desc, d.id limit 2)`.execute(h.app.database.db);
  const page = await signedIn('demo.congdan');
  await fits(page, '/ho-so-cua-toi', 'my dossiers');
  const link = page.locator('main a[href^="/ho-so-cua-toi/"]').first();
  const href = await link.getAttribute('href');
  assert.ok(href, 'my dossiers lists a dossier');
  await fits(page, href, 'a dossier page (citizen)');
});

test("at 390 px the officer's inbox, a case page and the dashboard fit the screen", async () => {
  const page = await signedIn('demo.motcua');
  await fits(page, '/mot-cua', 'the one-stop inbox');
  const href = await page.locator('main a[href^="/mot-cua/ho-so/"]').first().getAttribute('href');
  assert.ok(href, 'the inbox lists a dossier');
  await fits(page, href, 'a case page');
  await fits(page, '/mot-cua/tiep-nhan?q=khai+sinh', 'the counter intake search');
  await fits(page, '/quan-ly/chat-luong', 'the service-quality dashboard (ward)');
  const admin = await signedIn('demo.admin');
  await fits(admin, '/quan-ly/chat-luong', 'the service-quality dashboard (city)');
});

test("at 1280 px the administrator's menu stays on one line, and sign-out is under the name", async () => {
  const page = await signedIn('demo.admin');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/quan-ly/chat-luong');
  const tops = await page.locator('nav.main-nav > ul > li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
  assert.ok(tops.length >= 9, 'the whole menu is there');
  assert.equal(new Set(tops).size, 1, `the menu wraps: item tops ${tops.join(', ')}`);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  assert.equal(await nav.getByRole('button', { name: 'Đăng xuất', exact: true }).count(), 0, 'sign-out is folded away');
  await nav.locator('details.account-menu > summary').click();
  assert.equal(await nav.getByRole('button', { name: 'Đăng xuất', exact: true }).count(), 1, 'the name opens sign-out');
  await checkA11y(page, 'the dashboard with the account menu open');
  const gap = await page.evaluate(() => (document.querySelector('main h1')?.getBoundingClientRect().top ?? 0) - (document.querySelector('nav.main-nav')?.getBoundingClientRect().bottom ?? 0));
  assert.ok(gap >= 16, `the heading is ${gap}px below the menu`);
});
