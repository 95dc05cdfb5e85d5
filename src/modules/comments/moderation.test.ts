// Issue 12 "Comments", the moderators' side: reject with a reason, edit (the original in the audit row), another
// ward's moderator refused, reports hiding a comment at the site's threshold, blocked senders, rate limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { listAudit } from '../../platform/audit/index.ts';
import { signInAs } from '../../testing/auth.ts';
import { findAgencyByCode } from '../units/index.ts';
import { commentByTitle, commentsFixture, type Fixture, form, publishArticle, QUEUE } from './testing.ts';

let f: Fixture;
let article: string;
before(async () => {
  f = await commentsFixture();
  article = await publishArticle(f, 'Kế hoạch chỉnh trang vỉa hè');
});
after(async () => {
  await f.app.close();
});

async function send(ip: string, over: Parameters<typeof form>[0]) {
  return f.app.client({ ip }).submit(`${article}/binh-luan`, form(over));
}

test('a moderator rejects with a reason (required) and edits a comment; each decision has its audit row', async () => {
  assert.equal((await send('10.2.1.1', { title: 'Ý kiến bị từ chối', body: 'Quảng cáo bán hàng.' })).statusCode, 303);
  const c = await commentByTitle(f, 'Ý kiến bị từ chối');
  const page = `${QUEUE}/${c.id}`;
  const noReason = await f.moderator.submit(page, { reason: '  ' }, `${page}/tu-choi`);
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /class="error-summary"/);
  assert.match(noReason.body, /Lý do là bắt buộc/);
  const rejected = await f.moderator.submit(page, { reason: 'Nội dung quảng cáo' }, `${page}/tu-choi`);
  assert.equal(rejected.statusCode, 303);
  assert.equal((await commentByTitle(f, 'Ý kiến bị từ chối')).status, 'rejected');
  assert.match((await f.moderator.get(page)).body, /Nội dung quảng cáo/);
  const [row] = await listAudit(f.app.database.db, { entity: 'comment', entityId: String(c.id), action: 'comment.reject' });
  assert.deepEqual((row?.data as { reason: string }).reason, 'Nội dung quảng cáo');

  assert.equal((await send('10.2.1.2', { title: 'Ý kiến cần sửa', body: 'Gọi tôi số 0912 000 111 nhé, đồ ngốc.' })).statusCode, 303);
  const e = await commentByTitle(f, 'Ý kiến cần sửa');
  const ePage = `${QUEUE}/${e.id}`;
  const emptied = await f.moderator.submit(ePage, { name: 'Nguyễn Thị Mai', title: '', body: 'Giữ nội dung này' }, `${ePage}/sua`);
  assert.equal(emptied.statusCode, 400);
  assert.match(emptied.body, /Tiêu đề là bắt buộc/);
  assert.match(emptied.body, />Giữ nội dung này<\/textarea>/);
  const edited = await f.moderator.submit(ePage, { name: 'Nguyễn Thị Mai', title: 'Ý kiến đã sửa', body: 'Đề nghị phường liên hệ lại.' }, `${ePage}/sua`);
  assert.equal(edited.statusCode, 303);
  assert.equal((await f.moderator.submit(QUEUE, {}, `${ePage}/duyet`)).statusCode, 303);
  const shown = (await f.app.client({ ip: '10.2.1.3' }).get(article)).body;
  assert.match(shown, /Ý kiến đã sửa/);
  assert.doesNotMatch(shown, /đồ ngốc|Ý kiến bị từ chối/);
  const [editRow] = await listAudit(f.app.database.db, { entity: 'comment', entityId: String(e.id), action: 'comment.edit' });
  assert.deepEqual((editRow?.data as { before: unknown }).before, { name: 'Nguyễn Thị Mai', title: 'Ý kiến cần sửa', body: 'Gọi tôi số 0912 000 111 nhé, đồ ngốc.' });
});

test("a moderator of another ward, a reader and an editor without the role get no moderation page nor decision", async () => {
  assert.equal((await send('10.2.2.1', { title: 'Ý kiến của phường khác' })).statusCode, 303);
  const c = await commentByTitle(f, 'Ý kiến của phường khác');
  assert.equal((await f.otherModerator.get(QUEUE)).statusCode, 403);
  assert.equal((await f.otherModerator.get(`${QUEUE}/${c.id}`)).statusCode, 403);
  assert.equal((await f.otherModerator.submit('/quan-tri/trang/phuong-ba-dinh/binh-luan', {}, `${QUEUE}/${c.id}/duyet`)).statusCode, 403);
  assert.equal((await f.otherModerator.submit('/quan-tri/trang/phuong-ba-dinh/binh-luan', { pre_moderation: '', threshold: '5' }, `${QUEUE}/cai-dat`)).statusCode, 403);
  assert.equal((await f.app.client({ ip: '10.2.2.2' }).get(QUEUE)).statusCode, 401);
  const editorOnly = f.app.client({ ip: '10.2.2.3' });
  await signInAs(f.app.database.db, editorOnly, { id: 9203, username: 'bientap.only', roles: ['editor'], agencyId: (await findAgencyByCode(f.app.database.db, '000.04.51.H26'))?.id ?? null });
  assert.equal((await editorOnly.get(QUEUE)).statusCode, 403);
  assert.equal((await commentByTitle(f, 'Ý kiến của phường khác')).status, 'pending');
  assert.equal((await f.otherModerator.get('/quan-tri/trang/phuong-ba-dinh/binh-luan')).statusCode, 200, 'their own ward is theirs');
});

test('reports hide a published comment at the site threshold, once per address; without pre-moderation a comment shows at once', async () => {
  const settings = await f.moderator.submit(QUEUE, { pre_moderation: '', threshold: '0' }, `${QUEUE}/cai-dat`);
  assert.equal(settings.statusCode, 400);
  assert.match(settings.body, /Số báo cáo phải là số nguyên từ 1 đến 100/);
  assert.equal((await f.moderator.submit(QUEUE, { threshold: '2' }, `${QUEUE}/cai-dat`)).statusCode, 303);
  assert.equal((await listAudit(f.app.database.db, { action: 'site.comment_settings' })).length, 1);

  const reader = f.app.client({ ip: '10.2.3.1' });
  await reader.get(article);
  const sent = await reader.submit(`${article}/binh-luan`, form({ title: 'Ý kiến bị báo cáo' }));
  assert.equal(sent.headers.location, `${article}/binh-luan/da-gui?ket-qua=da-dang`);
  assert.match((await reader.get(String(sent.headers.location))).body, /đã được đăng/);
  assert.match((await reader.get(article)).body, /Ý kiến bị báo cáo/, 'shown at once: the kept page was dropped');
  const c = await commentByTitle(f, 'Ý kiến bị báo cáo');
  assert.equal(c.status, 'published');

  const report = (ip: string) => f.app.client({ ip }).submit(`${article}/binh-luan`, {}, `${article}/binh-luan/${c.id}/bao-cao`);
  const first = await report('10.2.3.2');
  assert.equal(first.headers.location, `${article}/binh-luan?bao-cao=da-nhan`);
  assert.equal((await report('10.2.3.2')).headers.location, `${article}/binh-luan?bao-cao=da-bao-cao`, 'one report per address');
  assert.equal((await commentByTitle(f, 'Ý kiến bị báo cáo')).status, 'published');
  await report('10.2.3.3');
  assert.equal((await commentByTitle(f, 'Ý kiến bị báo cáo')).status, 'hidden');
  assert.doesNotMatch((await reader.get(article)).body, /Ý kiến bị báo cáo/);
  assert.equal((await report('10.2.3.4')).statusCode, 404, 'a hidden comment cannot be reported');
  assert.match((await f.moderator.get(QUEUE)).body, /Ý kiến bị báo cáo[\s\S]*Tạm ẩn do bị báo cáo/);
  assert.equal((await listAudit(f.app.database.db, { entity: 'comment', entityId: String(c.id), action: 'comment.auto_hide' })).length, 1);
  // Approved again, its reports start from none.
  assert.equal((await f.moderator.submit(QUEUE, {}, `${QUEUE}/${c.id}/duyet`)).statusCode, 303);
  assert.equal((await commentByTitle(f, 'Ý kiến bị báo cáo')).reports, 0);
  assert.match((await reader.get(article)).body, /Ý kiến bị báo cáo/);

  assert.equal((await f.moderator.submit(QUEUE, { pre_moderation: 'on', threshold: '3' }, `${QUEUE}/cai-dat`)).statusCode, 303);
});

test('a blocked sender (by phone number or by address) is refused politely; a lifted block lets them in again', async () => {
  assert.equal((await send('10.2.4.1', { phone: '0987 654 321', title: 'Ý kiến spam' })).statusCode, 303);
  const c = await commentByTitle(f, 'Ý kiến spam');
  const page = `${QUEUE}/${c.id}`;
  const none = await f.moderator.submit(page, { reason: 'Spam' }, `${page}/chan`);
  assert.equal(none.statusCode, 400, 'block by what?');
  assert.equal((await f.moderator.submit(page, { by_phone: 'on', reason: 'Gửi quảng cáo nhiều lần' }, `${page}/chan`)).statusCode, 303);
  const byPhone = await send('10.2.4.2', { phone: '+84987654321', title: 'Lại spam' });
  assert.equal(byPhone.statusCode, 403);
  assert.match(byPhone.body, /Rất tiếc, trang này không nhận thêm ý kiến từ bạn/);
  assert.match(byPhone.body, /value="Lại spam"/);
  assert.equal((await send('10.2.4.1', { title: 'Cùng địa chỉ, không số điện thoại' })).statusCode, 303, 'the address is not blocked');

  assert.equal((await f.moderator.submit(page, { by_address: 'on', reason: 'Cùng địa chỉ' }, `${page}/chan`)).statusCode, 303);
  assert.equal((await send('10.2.4.1', { title: 'Bị chặn theo địa chỉ' })).statusCode, 403);
  const queue = (await f.moderator.get(QUEUE)).body;
  assert.match(queue, /Gửi quảng cáo nhiều lần/);
  const blocks = await sql<{ id: number }>`select id from comment_blocks where lifted_at is null order by id`.execute(f.app.database.db);
  for (const b of blocks.rows) assert.equal((await f.moderator.submit(QUEUE, {}, `${QUEUE}/chan/${b.id}/bo-chan`)).statusCode, 303);
  assert.equal((await send('10.2.4.1', { phone: '0987654321', title: 'Sau khi bỏ chặn' })).statusCode, 303);
  const actions = (await listAudit(f.app.database.db, { entity: 'comment_block' })).map((r) => r.action).sort();
  assert.deepEqual(actions, ['comment.block', 'comment.block', 'comment.unblock', 'comment.unblock']);
});

test('rate limits: 5 comments per 10 minutes per address, 3 per phone number; the 429 says when to try again', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await send('10.2.5.1', { title: `Nhiều lần ${i}` })).statusCode, 303);
  const over = await send('10.2.5.1', { title: 'Lần thứ sáu' });
  assert.equal(over.statusCode, 429);
  assert.match(over.body, /Vui lòng thử lại sau (9|10) phút \(từ \d\d:\d\d/);
  assert.match(over.body, /value="Lần thứ sáu"/);
  assert.ok(Number(over.headers['retry-after']) > 500);
  const en = f.app.client({ ip: '10.2.5.1' });
  const overEn = await en.submit(`${article}/binh-luan?lang=en`, form({ title: 'Sixth' }), `${article}/binh-luan?lang=en`);
  assert.equal(overEn.statusCode, 429);
  assert.match(overEn.body, /Please try again in (9|10) minutes/);

  for (let i = 0; i < 3; i++) assert.equal((await send(`10.2.6.${i + 1}`, { phone: '0903 111 222', title: `Cùng số ${i}` })).statusCode, 303);
  assert.equal((await send('10.2.6.9', { phone: '0903111222', title: 'Số thứ tư' })).statusCode, 429);
  assert.equal((await send('10.2.6.9', { title: 'Không số điện thoại' })).statusCode, 303);
});
