// The staff directory on a phone (issue 12): at 390 px the public pages and the editor's page fit the screen's width
// and pass axe; a refused entry keeps what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';
import { checkA11y, PHONE_390, scrollsSideways, startHarness } from './harness.ts';

const h = startHarness({ demo: true });
const HOAN_KIEM = '000.04.51.H26';
const CENTRE = '000.00.20.H26';

async function phone(): Promise<Page> {
  return h.newPage({ viewport: PHONE_390, isMobile: true, hasTouch: true });
}

async function fits(page: Page, path: string | null, label: string, status = 200): Promise<void> {
  if (path !== null) assert.equal((await page.goto(path))?.status(), status, `${label}: HTTP ${status}`);
  const w = await scrollsSideways(page);
  assert.ok(!w.overflows, `${label} scrolls sideways at 390 px: content is ${w.scrollWidth}px wide in a ${w.innerWidth}px window`);
  await checkA11y(page, `${label} at 390 px`);
}

test('at 390 px the public directory fits the screen and passes axe', async () => {
  const page = await phone();
  await fits(page, '/danh-ba', 'the directory index');
  await fits(page, `/danh-ba?q=${encodeURIComponent('chu tich')}`, 'a directory search');
  await fits(page, `/danh-ba/${HOAN_KIEM}`, "Hoàn Kiếm ward's directory");
  assert.equal(await page.locator('main table').count(), 0, 'no table on the public page');
  assert.ok((await page.locator('.directory-card').count()) >= 3);
});

test('at 390 px the editor keeps the agency’s directory; a refused entry keeps what was typed', async () => {
  const page = await phone();
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.bientap');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/dang-nhap'), page.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()]);
  await fits(page, `/quan-tri/danh-ba/${HOAN_KIEM}`, "the ward's directory, for its editor");
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Thử');
  await page.getByLabel('Thư điện tử công vụ', { exact: true }).fill('tvthu@gmail.com');
  await page.getByRole('button', { name: 'Thêm vào danh bạ' }).click();
  await fits(page, null, 'the refused entry');
  assert.equal(await page.getByLabel('Thư điện tử công vụ', { exact: true }).inputValue(), 'tvthu@gmail.com');
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /tên miền hanoi\.gov\.vn/);
  assert.equal((await page.goto(`/quan-tri/danh-ba/${CENTRE}`))?.status(), 403, "another agency's directory is refused");
});
