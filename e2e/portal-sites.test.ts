// Issue 12 "Done when" (first part): in a real browser the demo ward's editor (demo.bientap) signs in, opens
// "Biên tập tin bài", writes an article, sends it for review, approves and publishes it, and a reader finds it on the
// ward's site; the demo article awaiting review is approved too. Every page passes axe and fits 390 px.
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

test("the ward's editor publishes an article and a reader reads it on the ward's site", async () => {
  const editor = await h.newPage({ viewport: PHONE_390 });
  await editor.goto('/dang-nhap');
  await editor.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.bientap');
  await editor.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await submitWith(editor, editor.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }));
  await editor.goto('/quan-tri/trang');
  assert.match(editor.url(), /\/quan-tri\/trang\/phuong-hoan-kiem$/);
  await fits(editor, "the editors' list");
  assert.match(await editor.locator('main').innerText(), /Chờ duyệt/);

  // A refused form keeps what was typed.
  await editor.getByLabel('Tóm tắt').fill('Người dân được hướng dẫn cài đặt ứng dụng.');
  assert.equal(await submitWith(editor, editor.getByRole('button', { name: 'Lưu bản nháp' })), 400);
  await fits(editor, 'the refused form');
  assert.equal(await editor.getByLabel('Tóm tắt').inputValue(), 'Người dân được hướng dẫn cài đặt ứng dụng.');

  await editor.getByLabel('Tiêu đề').fill('Ngày hội chuyển đổi số tại phường');
  await editor.getByLabel('Nội dung').fill('<p>Ngày hội hướng dẫn người dân <strong>sử dụng dịch vụ công trực tuyến</strong>.</p>');
  assert.equal(await submitWith(editor, editor.getByRole('button', { name: 'Lưu bản nháp' })), 303);
  await fits(editor, 'the edit page of a draft');
  assert.equal(await submitWith(editor, editor.getByRole('button', { name: 'Gửi duyệt' })), 303);
  assert.equal(await submitWith(editor, editor.getByRole('button', { name: 'Duyệt và xuất bản' })), 303);
  assert.match(await editor.locator('[role=status]').innerText(), /Đã xuất bản/);
  await editor.getByRole('link', { name: 'Lịch sử sửa đổi' }).click();
  await fits(editor, 'the revision history');

  const reader = await h.newPage({ viewport: PHONE_390 });
  await reader.goto('/trang/phuong-hoan-kiem');
  await fits(reader, "the ward's site");
  // The agency's own facts: its leaders from the staff directory, its procedures, its service figures.
  const aside = await reader.locator('aside').innerText();
  assert.match(aside, /Lãnh đạo\s+Phạm Quốc Dũng\s+Chủ tịch UBND phường/);
  assert.match(aside, /\d+ thủ tục trong danh mục, \d+ thủ tục nộp được trực tuyến/);
  assert.match(aside, /Kết quả giải quyết hồ sơ 12 tháng qua\s+Hồ sơ tiếp nhận\s+[\d.]+\s+Giải quyết đúng hạn\s+[\d,]+%/);
  await reader.getByRole('link', { name: 'Ngày hội chuyển đổi số tại phường' }).first().click();
  assert.match(reader.url(), /\/trang\/phuong-hoan-kiem\/tin\/ngay-hoi-chuyen-doi-so-tai-phuong$/);
  await fits(reader, 'the article');
  assert.match(await reader.locator('main').innerText(), /sử dụng dịch vụ công trực tuyến/);
  await reader.goto('/trang/phuong-hoan-kiem/tin?trang=2');
  await fits(reader, 'earlier articles');
  await reader.goto('/trang');
  await fits(reader, 'the list of sites');
});
