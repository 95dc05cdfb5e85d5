import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { importForTest, recordsFor, SAMPLE_CODES } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  await importForTest(app.database.db, recordsFor(SAMPLE_CODES), '2026-07-01');
});
after(async () => {
  await app.close();
});

test('the catalogue page searches in Vietnamese, without accents, with everyday words', async () => {
  const c = app.client();
  const page = await c.get('/thu-tuc');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="vi">/);
  assert.match(page.body, /<h1>Thủ tục hành chính<\/h1>/);
  assert.match(page.body, /<label for="q">Tên hoặc mã thủ tục<\/label>/);
  for (const id of ['field', 'agency', 'level', 'online']) assert.match(page.body, new RegExp(`<label for="${id}">`));
  assert.match(page.body, /Tìm thấy 12 thủ tục/);

  const res = await c.get('/thu-tuc?q=doi+bang+lai+xe');
  assert.match(res.body, /Đã tìm cả: bằng lái xe → giấy phép lái xe/);
  const first = /<tbody>\s*<tr>[\s\S]*?<code>([^<]+)<\/code>/.exec(res.body)?.[1];
  assert.equal(first, '3.000347');
  assert.match(res.body, /<a href="\/thu-tuc\/3.000347"><span>Đổi giấy phép lái xe<\/span><\/a>/);
  assert.match(res.body, /5 ngày làm việc/);
  assert.match(res.body, /<span class="badge">Nộp trực tuyến<\/span>/);
  assert.match(res.body, /value="doi bang lai xe"/, 'the query stays in the box');
});

test('filters narrow the list and stay selected; a too long query is refused beside the box', async () => {
  const c = app.client();
  const civil = await c.get('/thu-tuc?field=H%E1%BB%99+t%E1%BB%8Bch');
  assert.match(civil.body, /<option value="Hộ tịch" selected>Hộ tịch \(2\)<\/option>/);
  assert.match(civil.body, /Tìm thấy 2 thủ tục/);
  assert.doesNotMatch(civil.body, /3\.000347/);
  const offline = await c.get('/thu-tuc?online=no&level=ministry');
  assert.match(offline.body, /1\.000178/);
  assert.doesNotMatch(offline.body, /3\.000347/);
  assert.match(offline.body, /<option value="no" selected>/);
  assert.match(offline.body, /Xóa bộ lọc/);
  const past = await c.get('/thu-tuc?q=giay+phep&page=999');
  assert.match(past.body, /Trang 1\/1|Hiển thị 1–/, 'a page past the end shows the last page');
  const long = await c.get(`/thu-tuc?q=${'a'.repeat(201)}`);
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /class="error-summary"/);
  assert.match(long.body, /<a href="#q">Từ khóa tìm kiếm quá dài/);
  assert.match(long.body, /aria-invalid="true"/);
});

test('the catalogue page in English marks Vietnamese names', async () => {
  const res = await app.client().get('/thu-tuc?q=khai+sinh&lang=en');
  assert.match(res.body, /<html lang="en">/);
  assert.match(res.body, /<h1>Administrative procedures<\/h1>/);
  assert.match(res.body, /<span lang="vi">Thủ tục đăng ký khai sinh<\/span>/);
  assert.match(res.body, /Also searched for: khai sinh → đăng ký khai sinh/);
  assert.match(res.body, /Commune/);
});

test('the procedure page shows everything about it, in Vietnamese and English', async () => {
  const c = app.client();
  const vi = await c.get('/thu-tuc/3.000347');
  assert.equal(vi.statusCode, 200);
  for (const re of [
    /<title>Đổi giấy phép lái xe – /,
    /<code>3\.000347<\/code>/,
    /Sát hạch, cấp giấy phép lái xe/,
    /Cấp bộ \(trung ương\)/,
    /Cục cảnh sát giao thông; Công an tỉnh; Công an cấp Xã/,
    /Người nước ngoài; Công dân Việt Nam/,
    /Trực tiếp, Trực tuyến/,
    /Một phần/,
    /5 ngày làm việc/,
    // Per channel, the fee of today: 135.000 đồng online too (the 115.000 đồng online rate ended on 31/12/2025).
    /<th scope="row" data-label="[^"]+">Trực tuyến<\/th><td data-label="[^"]+"><strong>135\.000 đ<\/strong><\/td>/,
    /<th scope="row" data-label="[^"]+">Trực tiếp<\/th><td data-label="[^"]+"><strong>135\.000 đ<\/strong><\/td>/,
    /<td data-label="[^"]+">115\.000 đ\/lần cấp<\/td><td data-label="[^"]+">Trực tuyến<\/td><td data-label="[^"]+">từ 01\/12\/2023 đến hết 31\/12\/2025<\/td><td data-label="[^"]+">Đã hết hạn<\/td>/,
    /<th scope="col" class="num">Bản chính<\/th>/,
    /Giấy khám sức khỏe của người lái xe/,
    /KQ\.G01\.000185/,
    /<strong>12\/2025\/TT-BCA<\/strong>/,
    /Phiên bản 1, có hiệu lực từ ngày 01\/07\/2026\./,
    /href="https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/019d2bf7-bda8-740c-9f49-ddaae438530d"/,
  ]) {
    assert.match(vi.body, re);
  }
  assert.doesNotMatch(vi.body, /<td[^>]*><span>Miễn phí\(/, 'the channel table shows the fee, not the text as published');
  assert.match(vi.body, /<summary>Văn bản gốc<\/summary><div class="pre-line">Miễn phí\(- Lệ phí cấp giấy phép lái xe/, 'the text as published is kept');
  const headings = [...vi.body.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
  assert.equal(headings[0], 1);
  assert.ok(headings.every((h, i) => i === 0 || h <= (headings[i - 1] ?? 1) + 1), 'headings in order');

  const en = await c.get('/thu-tuc/3.000347?lang=en');
  for (const re of [
    /<html lang="en">/,
    /<title>Renewal of a driving licence – /,
    /<h1><span>Renewal of a driving licence<\/span><\/h1>\s*<p class="name-vi"><span>Vietnamese name: <\/span><span lang="vi">Đổi giấy phép lái xe<\/span><\/p>/,
    /5 working days/,
    /<th scope="row" data-label="[^"]+">Online<\/th><td data-label="[^"]+"><strong>135,000 VND<\/strong>/,
    /Expired/,
    /In person, Online/,
    /Partly online/,
    /Version 1, in force from 01\/07\/2026\./,
  ]) {
    assert.match(en.body, re);
  }
  assert.doesNotMatch(vi.body, /Renewal of a driving licence/, 'the Vietnamese page shows the Vietnamese name only');
  const untranslated = await c.get('/thu-tuc/1.003460?lang=en');
  assert.match(untranslated.body, /<h1><span lang="vi">Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam tại Công an cấp tỉnh<\/span><\/h1>/);
  assert.doesNotMatch(untranslated.body, /class="name-vi"/);
});

test('English pages list English names and find procedures by them', async () => {
  const res = await app.client().get('/thu-tuc?q=driving+license&lang=en');
  const codes = [...res.body.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
  assert.deepEqual(codes.slice(0, 3).sort(), ['3.000346', '3.000347', '3.000348']);
  assert.match(res.body, /<a href="\/thu-tuc\/3.000347"><span>Renewal of a driving licence<\/span><\/a>\s*<p class="name-vi"><span>Vietnamese name: <\/span><span lang="vi">Đổi giấy phép lái xe<\/span><\/p>/);
  const vi = await app.client().get('/thu-tuc?q=birth+registration');
  assert.match(vi.body, /<a href="\/thu-tuc\/1.001193"><span>Thủ tục đăng ký khai sinh<\/span><\/a>/, 'English finds it on the Vietnamese page too');
});

test('a fee by the page, in dollars, and a time from the reviewed table: settled at the counter, with the basis', async () => {
  const res = await app.client().get('/thu-tuc/2.000815');
  assert.match(res.body, /<strong>Tính và thu tại cơ quan tiếp nhận<\/strong><ul><li><span>2\.000 đ\/trang<\/span><\/li><li><span>Theo văn bản<\/span><\/li><\/ul>/);
  assert.match(res.body, /cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ/);
  assert.match(res.body, /Trong ngày làm việc; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo/);
  assert.match(res.body, /Theo văn bản gốc: Không có thông tin/);
  assert.match(res.body, /Căn cứ xác định thời hạn: <\/span><span>[^<]*Nghị định 23\/2015\/NĐ-CP Điều 7 khoản 1/);
});

test('an unknown procedure is a 404 page in Vietnamese and English', async () => {
  const vi = await app.client().get('/thu-tuc/9.999999');
  assert.equal(vi.statusCode, 404);
  assert.match(vi.body, /Không tìm thấy thủ tục hành chính có mã này/);
  const en = await app.client().get('/thu-tuc/khong-co?lang=en');
  assert.equal(en.statusCode, 404);
  assert.match(en.body, /No administrative procedure has this code/);
});

test('the stylesheet prints the procedure page without navigation', async () => {
  const css = await app.client().get('/static/style.css');
  assert.match(css.body, /procedures \(src\/modules\/procedures\)/);
  assert.match(css.body, /@media print[\s\S]*\.procedure-search/);
});

test('administrators add and remove synonyms; each change is audited and changes the search at once', async () => {
  const adminClient = app.client();
  await signInAs(app.database.db, adminClient, { id: 9101, username: 'quantri', roles: ['admin'] });
  const page = await adminClient.get('/quan-tri/tu-dong-nghia');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /bằng lái xe/);

  const before = await app.client().get('/thu-tuc?q=giay+lai');
  assert.doesNotMatch(before.body, /Đã tìm cả/);
  const add = await adminClient.submit('/quan-tri/tu-dong-nghia', { term: 'Giấy lái', expansion: 'giấy phép lái xe' });
  assert.equal(add.statusCode, 303);
  assert.equal(add.headers.location, '/quan-tri/tu-dong-nghia?saved=added');
  const after = await app.client().get('/thu-tuc?q=giay+lai');
  assert.match(after.body, /Đã tìm cả: Giấy lái → giấy phép lái xe/);
  assert.match(after.body, /3\.000347/);
  const [created] = await listAudit(app.database.db, { entity: 'procedure_synonym' });
  assert.equal(created?.action, 'procedures.synonym.create');
  assert.equal(created?.actorLabel, 'quantri');

  const listed = await adminClient.get('/quan-tri/tu-dong-nghia?saved=added');
  assert.match(listed.body, /Đã thêm từ đồng nghĩa/);
  const id = /action="\/quan-tri\/tu-dong-nghia\/(\d+)\/xoa"[\s\S]{0,400}?Xóa từ đồng nghĩa &#34;Giấy lái&#34;/.exec(listed.body)?.[1];
  assert.ok(id, 'a remove button for the new synonym');
  const removed = await adminClient.submit('/quan-tri/tu-dong-nghia', {}, `/quan-tri/tu-dong-nghia/${id}/xoa`);
  assert.equal(removed.statusCode, 303);
  const [deleted] = await listAudit(app.database.db, { entity: 'procedure_synonym', entityId: id });
  assert.equal(deleted?.action, 'procedures.synonym.delete');
  assert.doesNotMatch((await app.client().get('/thu-tuc?q=giay+lai')).body, /Đã tìm cả/);
  const again = await adminClient.submit('/quan-tri/tu-dong-nghia', {}, `/quan-tri/tu-dong-nghia/${id}/xoa`);
  assert.equal(again.statusCode, 404);
});

test('bad synonyms are refused beside their fields and nothing is saved', async () => {
  const c = app.client();
  await signInAs(app.database.db, c, { id: 9102, username: 'quantri2', roles: ['admin'] });
  const audits = (await listAudit(app.database.db, { entity: 'procedure_synonym' })).length;
  const empty = await c.submit('/quan-tri/tu-dong-nghia', { term: ' ', expansion: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#term">Nhập từ người dân gõ\.<\/a>/);
  assert.match(empty.body, /<p class="error-message" id="expansion-error">Nhập cụm từ cần tìm thêm\.<\/p>/);
  const duplicate = await c.submit('/quan-tri/tu-dong-nghia', { term: 'BANG LAI', expansion: 'giấy phép lái xe' });
  assert.equal(duplicate.statusCode, 400);
  assert.match(duplicate.body, /Từ này đã có trong danh sách/);
  assert.match(duplicate.body, /value="BANG LAI"/);
  const same = await c.submit('/quan-tri/tu-dong-nghia?lang=en', { term: 'sổ đỏ', expansion: 'SO DO' });
  assert.match(same.body, /The words to search for must differ from the word typed/);
  assert.equal((await listAudit(app.database.db, { entity: 'procedure_synonym' })).length, audits);
});

test('only administrators may see or change synonyms', async () => {
  assert.equal((await app.client().get('/quan-tri/tu-dong-nghia')).statusCode, 401);
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 9103, kind: 'citizen' });
  assert.equal((await citizen.get('/quan-tri/tu-dong-nghia')).statusCode, 403);
  const officer = app.client();
  await signInAs(app.database.db, officer, { id: 9104, roles: ['one_stop_officer'] });
  assert.equal((await officer.get('/quan-tri/tu-dong-nghia')).statusCode, 403);
  const post = await officer.submit('/thu-tuc', { term: 'x', expansion: 'y' }, '/quan-tri/tu-dong-nghia');
  assert.equal(post.statusCode, 403);
});

test('a procedure published online but with no time limit offers no online submission, and says why', async () => {
  const c = app.client();
  const page = await c.get('/thu-tuc/1.000232'); // online channel, time "Không có thông tin"
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /href="\/dich-vu-cong\/1\.000232\/nop"/);
  assert.match(page.body, /chưa công bố thời hạn giải quyết để hẹn ngày trả kết quả, nên chưa nhận hồ sơ trực tuyến/);
  const en = await c.get('/thu-tuc/1.000232?lang=en');
  assert.match(en.body, /publishes no processing time to set a return date from, so it does not take online applications/);
  const licence = await c.get('/thu-tuc/3.000347');
  assert.match(licence.body, /href="\/dich-vu-cong\/3\.000347\/nop"/);
});
