// The portal's home page, language switch and error page in a real browser, each checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, PHONE, scrollsSideways, startHarness } from './harness.ts';

const h = startHarness();

test('the home page is Vietnamese, has one h1 and passes axe', async () => {
  const page = await h.newPage();
  const res = await page.goto('/');
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1);
  assert.equal((await h1.innerText()).trim(), 'Dịch vụ công trực tuyến Thành phố Hà Nội');
  assert.match(await page.title(), /Trang chủ – Cổng Dịch vụ công Hà Nội/);
  await checkA11y(page, 'the home page (vi)');
});

test('the skip link is the first thing Tab reaches, shows itself, and moves focus to the main content', async () => {
  const page = await h.newPage();
  await page.goto('/');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement as HTMLAnchorElement | null;
    const box = a?.getBoundingClientRect();
    return {
      cls: a?.className,
      href: a?.getAttribute('href'),
      text: a?.textContent?.trim(),
      visible: !!box && box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth,
    };
  });
  assert.equal(first.cls, 'skip-link');
  assert.equal(first.href, '#main');
  assert.equal(first.text, 'Bỏ qua, đến nội dung chính');
  assert.ok(first.visible, 'the focused skip link is on screen');
  await checkA11y(page, 'the home page with the skip link focused');

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.match(page.url(), /#main$/);
  // The next Tab goes on from the main content, not back to the header.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => !!document.activeElement?.closest('main'));
  assert.ok(next, 'after the skip link, Tab continues inside <main>');
});

test('the language link switches to English, the choice sticks, and the link switches back', async () => {
  const page = await h.newPage();
  await page.goto('/');
  const toEnglish = page.getByRole('link', { name: 'English', exact: true });
  assert.equal(await toEnglish.getAttribute('lang'), 'en');
  await toEnglish.click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal((await page.locator('h1').innerText()).trim(), 'Online public services of Hà Nội');
  assert.match(await page.title(), /Home – Hà Nội Public Service Portal/);
  await checkA11y(page, 'the home page (en)');

  // A later visit without ?lang keeps English (cookie).
  await page.goto('/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  const toVietnamese = page.getByRole('link', { name: 'Tiếng Việt', exact: true });
  assert.equal(await toVietnamese.getAttribute('lang'), 'vi');
  await toVietnamese.click();
  await page.waitForURL(/lang=vi/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
});

test('an unknown address shows a 404 page in Vietnamese and English that passes axe', async () => {
  const page = await h.newPage();
  const res = await page.goto('/khong-co-trang-nay');
  assert.equal(res?.status(), 404);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.match(await page.locator('h1').innerText(), /Không tìm thấy/);
  assert.match(await page.locator('main').innerText(), /NOT_FOUND/);
  await checkA11y(page, 'the 404 page (vi)');

  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL(/khong-co-trang-nay\?lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('h1').innerText(), /not found/i);
  await checkA11y(page, 'the 404 page (en)');

  await page.getByRole('link', { name: 'Back to the home page' }).click();
  await page.waitForURL(h.url('/'));
  assert.equal(await page.locator('h1').count(), 1);
});

test('on a phone (360×740) the pages do not scroll sideways and still pass axe', async () => {
  const page = await h.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  for (const [path, label] of [
    ['/', 'the home page (vi)'],
    ['/?lang=en', 'the home page (en)'],
    ['/khong-co-trang-nay', 'the 404 page (en)'],
  ] as const) {
    await page.goto(path);
    const w = await scrollsSideways(page);
    assert.ok(!w.overflows, `${label} on a phone: content is ${w.scrollWidth}px wide in a ${w.innerWidth}px window`);
    await checkA11y(page, `${label} on a phone`);
  }
});
