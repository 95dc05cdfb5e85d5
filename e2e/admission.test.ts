// Issue 11 "Done when": in a real browser a parent registers a child during the demo's open window and sees the
// confirmation; every step passes axe and fits a 390 px phone without scrolling sideways (the pages have no script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, PHONE_390, scrollsSideways, startHarness } from './harness.ts';
import { submitWith } from './steps.ts';
import { DEMO_CHILDREN } from '../src/modules/admissions/index.ts';

const h = startHarness();

async function fits(page: Parameters<typeof checkA11y>[0], label: string): Promise<void> {
  await checkA11y(page, label);
  const s = await scrollsSideways(page);
  assert.ok(!s.overflows, `${label} scrolls sideways at 390 px: ${s.scrollWidth} > ${s.innerWidth}`);
}

test('a parent on a phone registers a child, sees the confirmation, then withdraws', async () => {
  const child = DEMO_CHILDREN[1];
  assert.ok(child);
  const page = await h.newPage({ viewport: PHONE_390 });
  await page.goto('/tuyen-sinh');
  await fits(page, 'the admission start page');
  await page.getByLabel('Mã tuyển sinh').fill(child.code);
  await page.getByLabel('Số định danh cá nhân của trẻ').fill('000000000000');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Tiếp tục' })), 400);
  await fits(page, 'the start page with an error');
  assert.equal(await page.getByLabel('Mã tuyển sinh').inputValue(), child.code, 'the code typed is kept');
  await page.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Tiếp tục' })), 200);
  await fits(page, 'the school choice');
  await page.getByLabel(/Trường Tiểu học Cầu Giấy A/).check();
  await page.getByLabel('Thư điện tử nhận xác nhận (không bắt buộc)').fill('phu.huynh@example.vn');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng ký' })), 200);
  await fits(page, 'the confirmation');
  assert.match(await page.locator('h1').innerText(), /ĐÃ ĐĂNG KÝ THÀNH CÔNG/);
  const no = /L1-26-\d{7}/.exec(await page.locator('main').innerText())?.[0];
  assert.ok(no, 'the confirmation shows the application number');

  await page.goto('/tuyen-sinh/ho-so');
  await page.getByLabel('Mã tuyển sinh').fill(child.code);
  await page.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
  await submitWith(page, page.getByRole('button', { name: 'Xem hồ sơ' }));
  await fits(page, 'the application page');
  assert.match(await page.locator('main').innerText(), new RegExp(no));
  await page.getByLabel('Tôi xác nhận muốn rút hồ sơ này').check();
  await submitWith(page, page.getByRole('button', { name: 'Rút hồ sơ' }));
  await fits(page, 'the application page after withdrawing');
  assert.match(await page.locator('main').innerText(), /Đã rút hồ sơ/);
});

test('the start and view pages pass axe on a desktop, in Vietnamese and English', async () => {
  for (const path of ['/tuyen-sinh', '/tuyen-sinh/ho-so', '/tuyen-sinh?lang=en']) {
    const page = await h.newPage();
    const res = await page.goto(path);
    assert.equal(res?.status(), 200);
    await checkA11y(page, path);
  }
});
