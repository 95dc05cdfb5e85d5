// Citizen feedback in a browser (issue 12): at 390 px a citizen sends feedback with a photo (the captcha solved by
// /static/altcha.js) and gets a code; the city's office assigns it, the ward's specialist answers; the citizen finds
// it with code and e-mail and rates it. Every page fits the screen's width and passes axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';
import { solidPng } from '../src/modules/feedback/testing.ts';
import { checkA11y, passSecondStep, PHONE_390, scrollsSideways, startHarness } from './harness.ts';

const h = startHarness({ demo: true });
const HOAN_KIEM = '000.04.51.H26';

async function phone(): Promise<Page> {
  return h.newPage({ viewport: PHONE_390, isMobile: true, hasTouch: true });
}

async function fits(page: Page, label: string): Promise<void> {
  const w = await scrollsSideways(page);
  assert.ok(!w.overflows, `${label} scrolls sideways at 390 px: content is ${w.scrollWidth}px wide in a ${w.innerWidth}px window`);
  await checkA11y(page, `${label} at 390 px`);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/dang-nhap'), page.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()]);
  await passSecondStep(page, username);
}

test('a citizen sends feedback with a photo at 390 px, an officer answers, the citizen rates it', async () => {
  const citizen = await phone();
  await citizen.goto('/phan-anh-kien-nghi/gui');
  await fits(citizen, 'the feedback form');
  // A refused form keeps what was typed and says why.
  await citizen.getByLabel('Tiêu đề', { exact: true }).fill('Vỉa hè bị lấn chiếm');
  await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await citizen.waitForSelector('.error-summary');
  await fits(citizen, 'the refused feedback form');
  assert.equal(await citizen.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Vỉa hè bị lấn chiếm');

  await citizen.getByLabel('Lĩnh vực phản ánh', { exact: true }).selectOption('place');
  await citizen.getByLabel('Nội dung phản ánh, kiến nghị', { exact: true }).fill('Quán ăn bày bàn ghế kín vỉa hè trước số 12.');
  await citizen.getByLabel('Phường, xã nơi xảy ra', { exact: true }).selectOption('00070');
  await citizen.getByLabel('Họ và tên người gửi', { exact: true }).fill('Lê Thu Trang');
  await citizen.getByLabel('Thư điện tử', { exact: true }).fill('trang.e2e@example.vn');
  await citizen.locator('#photos').setInputFiles({ name: 'via-he.png', mimeType: 'image/png', buffer: solidPng(32, 24, [0, 112, 60]) });
  await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const code = ((await citizen.locator('#tracking-code').textContent({ timeout: 20_000 })) ?? '').trim();
  assert.match(code, /^PA-\d{4}-\d{6}$/);
  await fits(citizen, 'the page with the tracking code');

  // The city's office (the demo administrator, at the service centre) assigns it to the ward.
  const office = await phone();
  await signIn(office, 'demo.admin');
  await office.goto('/quan-ly/phan-anh');
  await fits(office, "the receiving office's inbox");
  await office.getByRole('link', { name: code }).click();
  await fits(office, 'a case for the receiving office');
  await office.getByLabel('Cơ quan giải quyết', { exact: true }).selectOption(HOAN_KIEM);
  await office.getByRole('button', { name: 'Chuyển', exact: true }).click();
  await office.waitForURL((u) => u.pathname.endsWith(code));

  // The ward's specialist answers.
  const officer = await phone();
  await signIn(officer, 'demo.chuyenvien');
  await officer.goto('/quan-ly/phan-anh');
  await fits(officer, "the ward's feedback list");
  await officer.getByRole('link', { name: code }).click();
  assert.equal(await officer.locator('img[alt^="Ảnh 1"]').count(), 1, 'the photo is shown to the handling agency');
  await fits(officer, 'a case for the handling agency');
  await officer.getByLabel('Nội dung trả lời', { exact: true }).fill('Đội trật tự đã xử lý và yêu cầu trả lại vỉa hè.');
  await officer.getByRole('button', { name: 'Gửi trả lời' }).click();
  await officer.waitForSelector('text=Đội trật tự đã xử lý');

  // The citizen finds the answer with the code and e-mail, and rates it.
  await citizen.goto('/phan-anh-kien-nghi/tra-cuu');
  await fits(citizen, 'the lookup form');
  await citizen.getByLabel('Mã phản ánh', { exact: true }).fill(code);
  await citizen.getByLabel('Số điện thoại hoặc thư điện tử đã dùng khi gửi', { exact: true }).fill('trang.e2e@example.vn');
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  await citizen.waitForSelector('#answer');
  await fits(citizen, 'the answered case for its sender');
  await citizen.getByLabel('4 – Hài lòng', { exact: true }).check();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await citizen.waitForSelector('text=Cảm ơn bạn đã đánh giá.');
  await fits(citizen, 'the rated case');

  await citizen.goto('/phan-anh-kien-nghi');
  await fits(citizen, 'the published answers');
});
