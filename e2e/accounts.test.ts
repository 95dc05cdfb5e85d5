// Registration, sign-in and sign-out in a real browser, as a citizen would do them, with axe on every page
// and every state visited. Field names and labels are those of src/modules/accounts/views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../src/cli/demo-logins.ts';
import { sql } from 'kysely';
import { checkA11y, PHONE, scrollsSideways, startHarness } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness({ demo: true });

/** The header's account link (the signed-in person's name) or null when signed out. */
async function headerState(page: Page): Promise<{ signInLink: boolean; signOutButton: boolean }> {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await openAccountMenu(page);
  return {
    signInLink: (await nav.getByRole('link', { name: 'Đăng nhập', exact: true }).count()) === 1,
    signOutButton: (await nav.getByRole('button', { name: 'Đăng xuất', exact: true }).count()) === 1,
  };
}

/** Signed in, the account's links (sign-out among them) are under the person's name: opens that menu. */
async function openAccountMenu(page: Page): Promise<void> {
  const closed = page.locator('nav details.account-menu:not([open]) > summary');
  if ((await closed.count()) > 0) await closed.click();
}

/** The value in the account page's details table for a row heading. */
async function accountRow(page: Page, heading: string): Promise<string> {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: heading, exact: true }) });
  return (await row.getByRole('cell').innerText()).trim();
}

test('a citizen registers with a valid personal ID, types the code sent by SMS, and lands signed in on the account page', async () => {
  const page = await h.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đăng ký', exact: true }).click();
  await page.waitForURL(h.url('/dang-ky'));
  assert.equal((await page.locator('h1').innerText()).trim(), 'Đăng ký tài khoản công dân');
  await checkA11y(page, 'the registration form');

  // The name is typed decomposed (NFD, as some keyboards and old documents produce it): it must come back NFC.
  const name = 'Trần Thị Mai Hương';
  await page.getByLabel('Họ và tên', { exact: true }).fill(name.normalize('NFD'));
  // 001 Hà Nội, 2 = female born in the 2000s, 03 = 2003.
  await page.getByLabel('Số định danh cá nhân', { exact: true }).fill('001203004567');
  await page.getByLabel('Số điện thoại', { exact: true }).fill('0987 654 321');
  await page.getByLabel('Thư điện tử', { exact: true }).fill('mai.huong@example.vn');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('HoanKiem2025');
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('HoanKiem2025');
  await page.getByLabel(/Tôi đã đọc Chính sách bảo vệ dữ liệu cá nhân/).check();
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng ký', exact: true })), 303);

  // Step 2: the code sent to the phone, read where the SMS gateway would take it from (the outbox).
  assert.equal(page.url(), h.url('/dang-ky/xac-minh'));
  assert.equal((await page.locator('h1').innerText()).trim(), 'Nhập mã xác minh');
  assert.match(await page.locator('main').innerText(), /đã gửi mã 6 chữ số đến 0987 654 321/);
  assert.deepEqual(await headerState(page), { signInLink: true, signOutButton: false });
  await checkA11y(page, 'the code page');
  const sms = await sql<{ body: string }>`select body from outbox_sms where to_phone = '+84987654321' order by id desc limit 1`.execute(h.app.database.db);
  const code = /\b(\d{6})\b/.exec(sms.rows[0]?.body ?? '')?.[1];
  assert.ok(code, 'an SMS carries the code');
  await page.getByLabel('Mã xác minh', { exact: true }).fill(code === '000000' ? '111111' : '000000');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Xác minh và tạo tài khoản', exact: true })), 400);
  assert.match(await page.getByRole('alert').innerText(), /Mã xác minh không đúng/);
  await checkA11y(page, 'the code page with a wrong code');
  await page.getByLabel('Mã xác minh', { exact: true }).fill(code);
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Xác minh và tạo tài khoản', exact: true })), 303);

  assert.equal(page.url(), h.url('/tai-khoan?done=registered'));
  assert.equal((await page.locator('h1').innerText()).trim(), 'Tài khoản của tôi');
  assert.match(await page.getByRole('status').innerText(), /Đăng ký thành công\. Số điện thoại 0987 654 321 đã được xác minh/);
  assert.equal(await accountRow(page, 'Họ và tên'), name.normalize('NFC'));
  assert.equal(await accountRow(page, 'Số định danh cá nhân'), '001203004567');
  assert.equal(await accountRow(page, 'Tên đăng nhập'), '001203004567');
  assert.equal(await accountRow(page, 'Số điện thoại'), '0987 654 321');
  assert.equal(await accountRow(page, 'Thư điện tử'), 'mai.huong@example.vn');
  assert.equal(await accountRow(page, 'Loại tài khoản'), 'Công dân');
  assert.deepEqual(await headerState(page), { signInLink: false, signOutButton: true });
  // Her name heads the account menu in the header.
  assert.equal((await page.locator('nav details.account-menu > summary').innerText()).trim(), name.normalize('NFC'));
  await checkA11y(page, 'the account page after registration');

  // What the platform holds about her, and the notice she agreed to.
  await page.getByRole('link', { name: 'Dữ liệu Cổng đang lưu về tôi', exact: true }).click();
  await page.waitForURL(h.url('/tai-khoan/du-lieu-cua-toi'));
  assert.match(await page.locator('main').innerText(), /Chính sách bảo vệ dữ liệu cá nhân/);
  await checkA11y(page, 'the my-data page');
  await page.goto('/chinh-sach-bao-mat');
  await checkA11y(page, 'the privacy notice');

  // Signed in for real: the registration page now sends the citizen to the account page.
  await page.goto('/dang-ky');
  await page.waitForURL(h.url('/tai-khoan'));
});

test('a registration with mistakes shows the error summary and an error beside each field, and keeps what was typed', async () => {
  const page = await h.newPage();
  await page.goto('/dang-ky');
  await page.getByLabel('Họ và tên', { exact: true }).fill('   ');
  await page.getByLabel('Số định danh cá nhân', { exact: true }).fill('0012030045');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('abc');
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('abd');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng ký', exact: true })), 400);

  const summary = page.getByRole('alert');
  assert.equal(await summary.count(), 1);
  assert.equal((await summary.getByRole('heading', { level: 2 }).innerText()).trim(), 'Có lỗi cần sửa');
  const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const field of ['full_name', 'personal_id', 'phone', 'password', 'password_confirm', 'consent']) {
    assert.ok(links.includes(`#${field}`), `the summary links to #${field} (links: ${links.join(', ')})`);
    const input = page.locator(`#${field}`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true', `#${field} is marked invalid`);
    const error = page.locator(`#${field}-error`);
    assert.ok((await error.innerText()).trim().length > 0, `#${field} has its error beside it`);
    assert.match(String(await input.getAttribute('aria-describedby')), new RegExp(`\\b${field}-error\\b`), `#${field} is described by its error`);
  }
  assert.match(await page.locator('#phone-error').innerText(), /số điện thoại hoặc địa chỉ thư điện tử/);
  assert.match(await page.locator('#password-error').innerText(), /ít nhất 8 ký tự/);
  assert.match(await page.locator('#password_confirm-error').innerText(), /không khớp/);
  // What was typed stays, except the passwords.
  assert.equal(await page.locator('#personal_id').inputValue(), '0012030045');
  assert.equal(await page.locator('#password').inputValue(), '');
  await checkA11y(page, 'the registration form with errors');

  // A summary link takes the keyboard to its field.
  await summary.getByRole('link').filter({ hasText: /định danh/ }).first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'personal_id');

  // Without the consent box ticked, the form says so beside it.
  assert.equal(await page.locator('#consent').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#consent-error').innerText(), /Đánh dấu đồng ý/);

  // A personal ID that is already registered (the demo citizen's) gets the same next step as a new one: a stranger
  // learns nothing, and no code is sent (the owner is told by message instead).
  await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Văn An');
  await page.getByLabel('Số định danh cá nhân', { exact: true }).fill('001090012345');
  await page.getByLabel('Thư điện tử', { exact: true }).fill('an.khac@example.vn');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('HoanKiem2025');
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('HoanKiem2025');
  await page.locator('#consent').check();
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng ký', exact: true })), 303);
  assert.equal(page.url(), h.url('/dang-ky/xac-minh'));
  assert.match(await page.locator('main').innerText(), /đã gửi mã 6 chữ số đến an\.khac@example\.vn/);
  assert.deepEqual(await headerState(page), { signInLink: true, signOutButton: false });
});

test('the sign-in page lists the demo logins', async () => {
  const page = await h.newPage();
  await page.goto('/dang-nhap');
  assert.equal((await page.locator('h1').innerText()).trim(), 'Đăng nhập');
  const demo = page.getByRole('region', { name: 'Tài khoản trình diễn' });
  assert.match(await demo.innerText(), new RegExp(DEMO_PASSWORD.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const listed = (await demo.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(listed, [...DEMO_USERNAMES]);
  await checkA11y(page, 'the sign-in page with the demo logins');
});

test('a wrong password is refused with the error summary, and the form passes axe', async () => {
  const page = await h.newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('khong.co.ai');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('SaiMatKhau1');
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng nhập', exact: true })), 401);
  assert.match(await page.getByRole('alert').innerText(), /Tên đăng nhập hoặc mật khẩu không đúng/);
  assert.match(await page.title(), /^Lỗi: Đăng nhập – /, 'the title says the form was refused');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary', 'the focus is on the summary');
  assert.equal(await page.locator('#identifier').inputValue(), 'khong.co.ai');
  assert.equal(await page.locator('#password').inputValue(), '');
  assert.deepEqual(await headerState(page), { signInLink: true, signOutButton: false });
  await checkA11y(page, 'the sign-in form with an error');
});

test('demo.congdan signs in, comes back to the page asked for, and signs out', async () => {
  const page = await h.newPage();
  // The account page asks for a sign-in first and comes back afterwards.
  await page.goto('/tai-khoan');
  await page.waitForURL(/\/dang-nhap\?next=%2Ftai-khoan$/);
  await checkA11y(page, 'the sign-in page (redirected from the account page)');

  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.congdan');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng nhập', exact: true })), 303);
  assert.equal(page.url(), h.url('/tai-khoan'));
  assert.equal(await accountRow(page, 'Tên đăng nhập'), 'demo.congdan');
  assert.equal(await accountRow(page, 'Họ và tên'), 'Nguyễn Văn An');
  assert.deepEqual(await headerState(page), { signInLink: false, signOutButton: true });
  await checkA11y(page, 'the account page of demo.congdan');

  // The same page in English.
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL(/\/tai-khoan\?lang=en$/);
  assert.equal((await page.locator('h1').innerText()).trim(), 'My account');
  await checkA11y(page, 'the account page (en)');
  await page.getByRole('link', { name: 'Tiếng Việt', exact: true }).click();
  await page.waitForURL(/lang=vi$/);

  // Sign out with the header's button (a POST form): back home, signed out, the account page closed.
  await openAccountMenu(page);
  const signOut = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Đăng xuất', exact: true });
  assert.equal(await submitWith(page, signOut), 303);
  assert.equal(page.url(), h.url('/'));
  assert.deepEqual(await headerState(page), { signInLink: true, signOutButton: false });
  const cookies = await page.context().cookies();
  assert.ok(!cookies.some((c) => c.name === 'egov_sid'), 'the session cookie is gone');
  await page.goto('/tai-khoan');
  await page.waitForURL(/\/dang-nhap\?next=%2Ftai-khoan$/);
});

test('the account forms fit a phone screen (360×740) without sideways scrolling', async () => {
  const page = await h.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  for (const [path, label] of [
    ['/dang-ky', 'the registration form'],
    ['/dang-nhap', 'the sign-in page'],
  ] as const) {
    await page.goto(path);
    const w = await scrollsSideways(page);
    assert.ok(!w.overflows, `${label} on a phone: content is ${w.scrollWidth}px wide in a ${w.innerWidth}px window`);
    await checkA11y(page, `${label} on a phone`);
  }
});

test('a demo leader types the code the demo shows on the second step; a leader without it is sent to set it up', async () => {
  const page = await h.newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.lanhdao');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Đăng nhập', exact: true })), 303);
  assert.equal(new URL(page.url()).pathname, '/dang-nhap/xac-thuc');
  assert.match(await page.locator('#demo-totp').innerText(), /EGOVDEMOTOTPSECRETHANOI234567ABC/);
  await checkA11y(page, 'the second step with the demo hint');
  const code = (await page.locator('#demo-totp-code').innerText()).trim();
  assert.match(code, /^\d{6}$/);
  await page.getByLabel('Mã xác thực', { exact: true }).fill(code);
  assert.equal(await submitWith(page, page.locator('main').getByRole('button', { name: 'Xác nhận', exact: true })), 303);
  assert.equal(new URL(page.url()).pathname, '/mot-cua');

  // A leader whose two-step verification was reset may only set it up again (or sign out).
  await sql`update accounts set totp_enabled = false, totp_secret = null, totp_last_step = null where username = 'demo.stp.lanhdao'`.execute(h.app.database.db);
  const other = await h.newPage();
  await other.goto('/dang-nhap');
  await other.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.stp.lanhdao');
  await other.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  assert.equal(await submitWith(other, other.getByRole('button', { name: 'Đăng nhập', exact: true })), 303);
  assert.equal(new URL(other.url()).pathname, '/tai-khoan/xac-thuc-hai-buoc');
  assert.match(await other.locator('main').innerText(), /Vai trò của bạn bắt buộc xác thực hai bước/);
  await checkA11y(other, 'the mandatory two-step setup');
  await other.goto('/mot-cua');
  assert.equal(new URL(other.url()).pathname, '/tai-khoan/xac-thuc-hai-buoc');
});
