// Issue 12 "Comments", the readers' side: a comment with the proof of work waits for moderation, shows once approved
// (the kept article page is dropped: the page cache is on); a refused form keeps what was typed; script shows as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeChallenge, solveChallenge } from '../../platform/auth/pow.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { commentByTitle, commentsFixture, type Fixture, form, publishArticle, QUEUE } from './testing.ts';

let f: Fixture;
let article: string;
before(async () => {
  f = await commentsFixture();
  article = await publishArticle(f, 'Lịch tiếp công dân tháng Mười hai');
});
after(async () => {
  await f.app.close();
});

test('a reader comments with the proof of work: pending and not shown; approved by a moderator, it shows at once on the kept article page', async () => {
  const reader = f.app.client({ ip: '10.1.1.1' });
  const first = await reader.get(article);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Ý kiến bạn đọc \(0\)/);
  assert.match(first.body, /href="\/trang\/phuong-hoan-kiem\/tin\/bai-\d+\/binh-luan"[^>]*>Gửi ý kiến</);
  assert.doesNotMatch(first.body, /name="_csrf"/, 'the article page carries no form');
  assert.equal((await reader.get(article, { 'if-none-match': String(first.headers.etag) })).statusCode, 304, 'the article page is a kept page');

  const page = await reader.get(`${article}/binh-luan`);
  assert.match(page.body, /name="altcha_challenge"/);
  assert.match(page.body, /src="\/static\/altcha.js"/);
  const sent = await reader.submit(`${article}/binh-luan`, form({ name: 'Trần Văn Nam', phone: '0912 345 678', title: 'Đề nghị thêm buổi tối', body: 'Xin thêm một buổi tiếp dân\nvào tối thứ Năm.' }));
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `${article}/binh-luan/da-gui?ket-qua=cho-duyet`);
  assert.match((await reader.get(String(sent.headers.location))).body, /đang chờ kiểm duyệt/);
  const c = await commentByTitle(f, 'Đề nghị thêm buổi tối');
  assert.equal(c.status, 'pending');
  assert.equal(c.phone, '+84912345678');
  assert.doesNotMatch(c.ip_hash, /10\.1\.1\.1/, 'only a keyed hash of the address is stored');
  assert.doesNotMatch((await reader.get(article)).body, /Đề nghị thêm buổi tối/);

  const queue = await f.moderator.get(QUEUE);
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /Đề nghị thêm buổi tối/);
  assert.match(queue.body, /0912 345 678/, 'moderators see the phone number');
  const approved = await f.moderator.submit(QUEUE, {}, `${QUEUE}/${c.id}/duyet`);
  assert.equal(approved.statusCode, 303);
  assert.equal(approved.headers.location, `${QUEUE}?xong=approved`);

  const shown = await reader.get(article);
  assert.match(shown.body, /Ý kiến bạn đọc \(1\)/);
  assert.match(shown.body, /<h3>Đề nghị thêm buổi tối<\/h3>/);
  assert.match(shown.body, /Trần Văn Nam/);
  assert.match(shown.body, /Xin thêm một buổi tiếp dân\nvào tối thứ Năm\./);
  assert.doesNotMatch(shown.body, /0912|345 678|\+84912/, 'never the phone number');
  assert.doesNotMatch((await reader.get(`${article}/in`)).body, /Đề nghị thêm buổi tối/, 'not on the print view');
  const audit = await listAudit(f.app.database.db, { entity: 'comment', entityId: String(c.id) });
  assert.deepEqual(audit.map((a) => a.action), ['comment.approve']);
  // Approving twice is refused: someone else has just done it.
  assert.equal((await f.moderator.submit(QUEUE, {}, `${QUEUE}/${c.id}/duyet`)).statusCode, 409);
});

test('a missing or replayed proof of work is refused in Vietnamese and English, and what was typed is kept', async () => {
  const reader = f.app.client({ ip: '10.1.2.1' });
  const missing = await reader.submit(`${article}/binh-luan`, { ...form({ name: 'Lê Thị Hồng', title: 'Giữ nguyên tiêu đề' }), altcha_challenge: '', altcha_number: '' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /class="error-summary"/);
  assert.match(missing.body, /Thiếu bước kiểm tra chống gửi tự động/);
  assert.match(missing.body, /value="Lê Thị Hồng"/);
  assert.match(missing.body, /value="Giữ nguyên tiêu đề"/);
  const en = f.app.client({ ip: '10.1.2.2' });
  const missingEn = await en.submit(`${article}/binh-luan?lang=en`, { ...form(), altcha_challenge: '', altcha_number: '' }, `${article}/binh-luan?lang=en`);
  assert.match(missingEn.body, /The anti-spam check is missing/);

  const page = await reader.get(`${article}/binh-luan`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const challenge = /name="altcha_challenge" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const proof = { altcha_challenge: challenge, altcha_number: String(solveChallenge(decodeChallenge(challenge))) };
  assert.equal((await reader.postForm(`${article}/binh-luan`, { _csrf: csrf, ...form({ title: 'Lần đầu' }), ...proof })).statusCode, 303);
  const replay = await reader.postForm(`${article}/binh-luan`, { _csrf: csrf, ...form({ title: 'Gửi lại lần hai', body: 'Nội dung\nđã nhập' }), ...proof });
  assert.equal(replay.statusCode, 400);
  assert.match(replay.body, /không hợp lệ, đã hết hạn hoặc đã được dùng/);
  assert.match(replay.body, /value="Gửi lại lần hai"/);
  assert.match(replay.body, />Nội dung\nđã nhập<\/textarea>/);
  const fresh = /name="altcha_challenge" value="([^"]+)"/.exec(replay.body)?.[1];
  assert.ok(fresh && fresh !== challenge, 'a fresh challenge to send again with');
});

test('script and markup in every field are stored as typed and shown as text; control characters go; too long is refused', async () => {
  const reader = f.app.client({ ip: '10.1.3.1' });
  const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const badPhone = await reader.submit(`${article}/binh-luan`, form({ name: `A${xss}`, phone: `<b>${xss}</b>`, title: `T${xss}`, body: `B${xss}` }));
  assert.equal(badPhone.statusCode, 400);
  assert.match(badPhone.body, /Số điện thoại không đúng/);
  assert.doesNotMatch(badPhone.body, /<script>alert|<img src=x/);
  assert.match(badPhone.body, /value="&lt;b&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'what was typed comes back, escaped');

  const ok = await reader.submit(`${article}/binh-luan`, form({ name: `A${xss}`, title: `T${xss}`, body: `B${xss}\u0007\u001b[31m đỏ` }));
  assert.equal(ok.statusCode, 303);
  const c = await commentByTitle(f, `T${xss}`);
  assert.equal(c.body, `B${xss}[31m đỏ`, 'control characters are stripped, the text kept as typed');
  assert.equal((await f.moderator.submit(QUEUE, {}, `${QUEUE}/${c.id}/duyet`)).statusCode, 303);
  for (const url of [article, `${article}/binh-luan`]) {
    const body = (await reader.get(url)).body;
    assert.doesNotMatch(body, /<script>alert|<img src=x/, url);
    assert.match(body, /<h3>T&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)><\/h3>/, url);
    assert.match(body, /<span>A&lt;script>alert\(1\)&lt;\/script>/, url);
    assert.match(body, /B&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)>\[31m đỏ/, url);
  }
  assert.doesNotMatch((await f.moderator.get(`${QUEUE}/${c.id}`)).body, /<script>alert/);

  const nul = await reader.submit(`${article}/binh-luan`, form({ body: 'a\u0000b' }));
  assert.equal(nul.statusCode, 400);
  const long = await reader.submit(`${article}/binh-luan`, form({ title: 'Quá dài', body: 'x'.repeat(4001) }));
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /Nội dung dài quá 4000 ký tự/);
  assert.match(long.body, /value="Quá dài"/);
  const empty = await reader.submit(`${article}/binh-luan`, form({ name: '  ', title: '', body: '\n' }));
  assert.match(empty.body, /Họ tên là bắt buộc/);
  assert.match(empty.body, /Tiêu đề là bắt buộc/);
  assert.match(empty.body, /Nội dung là bắt buộc/);
});

test('comments on an article readers cannot see are refused', async () => {
  const reader = f.app.client({ ip: '10.1.4.1' });
  assert.equal((await reader.get('/trang/phuong-hoan-kiem/tin/khong-co/binh-luan')).statusCode, 404);
  assert.equal((await reader.get('/trang/khong-co/tin/bai/binh-luan')).statusCode, 404);
});
