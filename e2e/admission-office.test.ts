// Issue 11 "Done when": the office dashboard shows live counts. In a real browser the demo's education office
// (demo.sogd) reads the city-wide count, a parent registers a demo child, and the office's page, reloaded, shows one
// more application; the office's pages and the public results page pass axe and fit a 390 px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkA11y, PHONE_390, scrollsSideways, startHarness } from './harness.ts';
import { submitWith } from './steps.ts';
import { DEMO_CHILDREN } from '../src/modules/admissions/index.ts';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';

const h = startHarness();

async function fits(page: Page, label: string): Promise<void> {
  await checkA11y(page, label);
  const s = await scrollsSideways(page);
  assert.ok(!s.overflows, `${label} scrolls sideways at 390 px: ${s.scrollWidth} > ${s.innerWidth}`);
}

/** The city-wide "applications / places" figure. */
async function cityCount(page: Page): Promise<number> {
  const text = await page.locator('#thanh-pho dd').first().innerText();
  return Number(/^([\d.]+)/.exec(text)?.[1]?.replaceAll('.', '') ?? 'NaN');
}

test('a parent registers a child and the education office sees the count go up', async () => {
  const office = await h.newPage({ viewport: PHONE_390 });
  await office.goto('/dang-nhap?next=/quan-ly/tuyen-sinh/so');
  await office.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.sogd');
  await office.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  assert.equal(await submitWith(office, office.getByRole('button', { name: 'Đăng nhập', exact: true })), 303);
  await office.waitForURL((u) => u.pathname === '/quan-ly/tuyen-sinh/so');
  await fits(office, 'the office dashboard');
  const before = await cityCount(office);
  assert.ok(Number.isInteger(before));

  const child = DEMO_CHILDREN[2];
  assert.ok(child);
  const parent = await h.newPage({ viewport: PHONE_390 });
  await parent.goto('/tuyen-sinh');
  await parent.getByLabel('Mã tuyển sinh').fill(child.code);
  await parent.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
  assert.equal(await submitWith(parent, parent.getByRole('button', { name: 'Tiếp tục' })), 200);
  await parent.getByRole('radio').first().check();
  assert.equal(await submitWith(parent, parent.getByRole('button', { name: 'Đăng ký' })), 200);
  assert.match(await parent.locator('h1').innerText(), /ĐÃ ĐĂNG KÝ THÀNH CÔNG/);

  // The counts are at most a few seconds old: reload until the new application shows (the page has no script).
  let after = before;
  for (let i = 0; i < 20 && after === before; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    await office.reload();
    after = await cityCount(office);
  }
  assert.equal(after, before + 1);

  await office.goto('/quan-ly/tuyen-sinh/so/tuyen?school=TH00070A');
  await fits(office, 'the catchment page');
  await office.goto('/tuyen-sinh/ket-qua/1');
  await fits(office, 'the public results page');
});

test('the dashboard passes axe on a desktop in English, and a citizen is refused', async () => {
  const page = await h.newPage();
  await page.goto('/dang-nhap?next=/quan-ly/tuyen-sinh/so%3Flang%3Den');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.sogd');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await submitWith(page, page.getByRole('button', { name: 'Đăng nhập', exact: true }));
  await page.waitForURL((u) => u.pathname === '/quan-ly/tuyen-sinh/so');
  await checkA11y(page, 'the dashboard in English');

  const citizen = await h.newPage();
  await citizen.goto('/dang-nhap?next=/quan-ly/tuyen-sinh/so');
  await citizen.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.congdan');
  await citizen.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  const [res] = await Promise.all([citizen.waitForResponse((r) => new URL(r.url()).pathname === '/quan-ly/tuyen-sinh/so'), citizen.getByRole('button', { name: 'Đăng nhập', exact: true }).click()]);
  assert.equal(res.status(), 403);
});
