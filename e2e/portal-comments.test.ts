// Issue 12 "Comments" in a real browser at 390 px: a reader opens an article of Phường Hoàn Kiếm, sees its readers'
// comments (demo data), writes one through the comments page (the browser solves the proof of work with
// /static/altcha.js; a refused form keeps what was typed); the ward's moderator (demo.bientap) approves it in the
// queue and it shows under the article. Every page passes axe and fits 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, PHONE_390, scrollsSideways, startHarness } from './harness.ts';
import { submitWith } from './steps.ts';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';

const h = startHarness();

async function fits(page: Parameters<typeof checkA11y>[0], label: string): Promise<void> {
  await checkA11y(page, label);
  const s = await scrollsSideways(page);
  assert.ok(!s.overflows, `${label} scrolls sideways at 390 px: ${s.scrollWidth} > ${s.innerWidth}`);
}

test('a reader comments on an article, the ward moderator approves it, and it shows under the article', async () => {
  const reader = await h.newPage({ viewport: PHONE_390 });
  await reader.goto('/trang/phuong-hoan-kiem');
  await reader.locator('#latest ~ ul a').first().click();
  const articleUrl = reader.url();
  assert.match(articleUrl, /\/trang\/phuong-hoan-kiem\/tin\/[a-z0-9-]+$/);
  assert.match(await reader.locator('section.comments').innerText(), /Cảm ơn phường/, 'the demo comments show');
  await fits(reader, 'an article with comments');

  await reader.getByRole('link', { name: 'Gửi ý kiến', exact: true }).click();
  assert.match(reader.url(), /\/binh-luan$/);
  await fits(reader, 'the comments page');
  // The browser has solved the proof of work.
  await reader.getByText('Đã xong, bạn có thể gửi.').waitFor();

  await reader.getByLabel('Họ tên').fill('Đặng Thu Trang');
  await reader.getByLabel('Nội dung').fill('Đề nghị phường bố trí thêm chỗ gửi xe <b>cho người đến làm thủ tục</b>.');
  assert.equal(await submitWith(reader, reader.getByRole('button', { name: 'Gửi ý kiến' })), 400);
  await fits(reader, 'the refused form');
  assert.match(await reader.locator('.error-summary').innerText(), /Tiêu đề là bắt buộc/);
  assert.equal(await reader.getByLabel('Họ tên').inputValue(), 'Đặng Thu Trang');

  await reader.getByLabel('Tiêu đề').fill('Chỗ gửi xe cho người dân');
  await reader.getByText('Đã xong, bạn có thể gửi.').waitFor();
  assert.equal(await submitWith(reader, reader.getByRole('button', { name: 'Gửi ý kiến' })), 303);
  assert.match(await reader.locator('[role=status]').innerText(), /đang chờ kiểm duyệt/);
  await fits(reader, 'the page after sending');

  const moderator = await h.newPage({ viewport: PHONE_390 });
  await moderator.goto('/dang-nhap');
  await moderator.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.bientap');
  await moderator.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await submitWith(moderator, moderator.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }));
  await moderator.goto('/quan-tri/trang/phuong-hoan-kiem');
  await moderator.getByRole('link', { name: 'Ý kiến bạn đọc: kiểm duyệt và cài đặt' }).click();
  await fits(moderator, 'the moderation queue');
  assert.match(await moderator.locator('main').innerText(), /Hỏi về thủ tục/, 'the demo comments wait in the queue');
  const card = moderator.locator('li.card', { hasText: 'Chỗ gửi xe cho người dân' });
  await card.getByRole('link', { name: /Xem và xử lý/ }).click();
  await fits(moderator, "a comment's moderation page");
  assert.equal(await submitWith(moderator, moderator.getByRole('button', { name: 'Duyệt và đăng' })), 303);
  assert.match(await moderator.locator('[role=status]').innerText(), /Đã duyệt và đăng/);
  await fits(moderator, 'the queue after approving');

  await reader.goto(articleUrl);
  const comments = await reader.locator('section.comments').innerText();
  assert.match(comments, /Chỗ gửi xe cho người dân/);
  assert.match(comments, /<b>cho người đến làm thủ tục<\/b>/, 'markup shows as typed text');
  await fits(reader, 'the article with the approved comment');
  await reader.getByRole('link', { name: /Xem tất cả \d+ ý kiến/ }).click();
  await fits(reader, 'the comments page with its report buttons');
});
