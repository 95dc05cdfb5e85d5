import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { DEMO_CHILDREN, type DemoChild } from './demo.ts';
import { seedAdmissionsDemo } from './seed.ts';

// The demo's grade-1 round is open from an hour before the seeding: the pages run on the real clock.
let app: TestApp;
before(async () => {
  app = await testApp();
  await seedAdmissionsDemo(app.platform);
});
after(async () => {
  await app.close();
});

const child = (i: number): DemoChild => DEMO_CHILDREN[i] as DemoChild;
const csrf = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const hidden = (body: string, name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';

async function start(c: TestClient): Promise<string> {
  const home = await c.get('/tuyen-sinh');
  assert.equal(home.statusCode, 200);
  return csrf(home.body);
}

test('the start page lists the open and upcoming rounds with exact times, and the form', async () => {
  const res = await app.client().get('/tuyen-sinh');
  assert.match(res.body, /<h1>Tuyển sinh đầu cấp trực tuyến<\/h1>/);
  assert.match(res.body, /Tuyển sinh lớp 1 năm học 2026–2027[\s\S]*Đang mở/);
  assert.match(res.body, /Tuyển sinh lớp 6 năm học 2026–2027[\s\S]*Sắp mở/);
  assert.doesNotMatch(res.body, /mẫu giáo 5 tuổi 2026–2027/);
  assert.match(res.body, /<time datetime="[^"]+">\d{2}:00:00 \d{2}\/\d{2}\/\d{4}<\/time>/);
  assert.match(res.body, /name="_csrf"/);
  const en = await app.client().get('/tuyen-sinh?lang=en');
  assert.match(en.body, /Online school admission/);
  assert.match(en.body, /Open now/);
});

test('a parent registers a child and sees the confirmation with the application number; a double submit does not duplicate', async () => {
  const c = app.client();
  const token = await start(c);
  const k = child(0);
  const choose = await c.postForm('/tuyen-sinh/chon-truong', { _csrf: token, code: k.code.toLowerCase(), personal_id: k.personalId });
  assert.equal(choose.statusCode, 200);
  assert.match(choose.body, /Nguyễn Minh An/);
  const a = choose.body.indexOf('Trường Tiểu học Hoàn Kiếm A');
  const other = choose.body.indexOf('Trường khác (trái tuyến)');
  assert.ok(a > 0 && other > a, 'catchment schools come first');
  const key = hidden(choose.body, '_key');
  assert.ok(key.length >= 16);
  const form = { _csrf: token, code: hidden(choose.body, 'code'), personal_id: k.personalId, _key: key, school: 'TH00070A', email: 'cha.me@example.vn' };
  const done = await c.postForm('/tuyen-sinh/dang-ky', form);
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /ĐÃ ĐĂNG KÝ THÀNH CÔNG/);
  const no = /(L1-26-\d{7})/.exec(done.body)?.[1];
  assert.ok(no, 'the page shows the application number');
  assert.match(done.body, /Trường Tiểu học Hoàn Kiếm A/);
  assert.match(done.body, /cha\.me@example\.vn/);
  const twice = await c.postForm('/tuyen-sinh/dang-ky', form);
  assert.match(twice.body, new RegExp(`${no}`));
  const n = await sql<{ n: number }>`select count(*)::int as n from admission_applications where application_no like 'L1-%' and status = 'active' and email = 'cha.me@example.vn'`.execute(app.database.db);
  assert.equal(n.rows[0]?.n, 1);
});

test('errors come back in Vietnamese on the same form, with what was typed', async () => {
  const c = app.client();
  const token = await start(c);
  const wrongId = await c.postForm('/tuyen-sinh/chon-truong', { _csrf: token, code: child(1).code, personal_id: '999999999999' });
  assert.equal(wrongId.statusCode, 400);
  assert.match(wrongId.body, /Số định danh cá nhân không khớp với mã tuyển sinh/);
  assert.match(wrongId.body, new RegExp(`value="${child(1).code}"`));
  assert.match(wrongId.body, /value="999999999999"/);
  const tooOld = await c.postForm('/tuyen-sinh/chon-truong', { _csrf: token, code: child(3).code, personal_id: child(3).personalId });
  assert.match(tooOld.body, /không đúng độ tuổi tuyển sinh/);
  // No school chosen: the school list again with the message and the e-mail typed.
  const choose = await c.postForm('/tuyen-sinh/chon-truong', { _csrf: token, code: child(1).code, personal_id: child(1).personalId });
  const none = await c.postForm('/tuyen-sinh/dang-ky', { _csrf: token, code: child(1).code, personal_id: child(1).personalId, _key: hidden(choose.body, '_key'), email: 'x@example.vn' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Vui lòng chọn một trường/);
  assert.match(none.body, /value="x@example.vn"/);
  assert.equal(hidden(none.body, '_key'), hidden(choose.body, '_key'), 'the same key, so a later retry still cannot duplicate');
  const notOpen = await c.postForm('/tuyen-sinh/chon-truong?lang=en', { _csrf: token, code: child(5).code, personal_id: child(5).personalId });
  assert.match(notOpen.body, /has not opened yet. It opens at \d{2}:00:00 \d{2}\/\d{2}\/\d{4} \(Vietnam time\)/);
});

test('a form post without the CSRF token is refused', async () => {
  const c = app.client();
  await start(c);
  const res = await c.postForm('/tuyen-sinh/chon-truong', { code: child(1).code, personal_id: child(1).personalId });
  assert.equal(res.statusCode, 403);
});

test('a parent views the application, changes school and withdraws with the confirmation box', async () => {
  const c = app.client();
  const token = await start(c);
  const k = child(2);
  const choose = await c.postForm('/tuyen-sinh/chon-truong', { _csrf: token, code: k.code, personal_id: k.personalId });
  const done = await c.postForm('/tuyen-sinh/dang-ky', { _csrf: token, code: k.code, personal_id: k.personalId, _key: hidden(choose.body, '_key'), school: 'TH00376A' });
  const no = /(L1-26-\d{7})/.exec(done.body)?.[1] ?? '';
  const creds = { _csrf: token, code: k.code, personal_id: k.personalId };
  const view = await c.postForm('/tuyen-sinh/ho-so', creds);
  assert.match(view.body, new RegExp(no));
  assert.match(view.body, /Đã đăng ký/);
  const changePage = await c.postForm('/tuyen-sinh/ho-so/chon-truong-khac', creds);
  assert.match(changePage.body, /Đổi sang trường này/);
  const changed = await c.postForm('/tuyen-sinh/ho-so/doi-truong', { ...creds, school: 'other', other_school: 'THTT02' });
  assert.equal(changed.statusCode, 200);
  assert.match(changed.body, /Đã đổi trường/);
  assert.match(changed.body, /Trường Tiểu học tư thục Hồng Hà/);
  assert.match(changed.body, /Trái tuyến/);
  const unconfirmed = await c.postForm('/tuyen-sinh/ho-so/rut', creds);
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /Vui lòng đánh dấu ô xác nhận/);
  const gone = await c.postForm('/tuyen-sinh/ho-so/rut', { ...creds, confirm: 'yes' });
  assert.match(gone.body, /Đã rút hồ sơ/);
  assert.doesNotMatch(gone.body, /action="\/tuyen-sinh\/ho-so\/rut"/);
});

test('a flood of posts from one address is refused with 429, another address still gets through', async () => {
  const flood = app.client({ ip: '10.9.9.9' });
  const token = await start(flood);
  const statuses: number[] = [];
  for (let i = 0; i < 61; i++) statuses.push((await flood.postForm('/tuyen-sinh/ho-so', { _csrf: token, code: 'L1ZZZZZZZZ', personal_id: '000000000000' })).statusCode);
  assert.equal(statuses.filter((s) => s === 429).length, 1);
  assert.equal(statuses.at(-1), 429);
  const other = app.client({ ip: '10.9.9.10' });
  const ok = await other.postForm('/tuyen-sinh/ho-so', { _csrf: await start(other), code: 'L1ZZZZZZZZ', personal_id: '000000000000' });
  assert.equal(ok.statusCode, 404);
  assert.match(ok.body, /Mã tuyển sinh không đúng/);
});

test('after the window the application is read-only, with the result and the in-person appointment', async () => {
  const k = child(4); // kindergarten: the demo's closed round
  const c = app.client();
  const token = await start(c);
  const empty = await c.postForm('/tuyen-sinh/ho-so', { _csrf: token, code: k.code, personal_id: k.personalId });
  assert.match(empty.body, /Trẻ chưa có hồ sơ đăng ký trong đợt này/);
  assert.doesNotMatch(empty.body, /Đăng ký ngay/);
  await sql`insert into admission_applications (application_no, round_id, child_id, school_id, ward_code, status, in_catchment, priority_group, idempotency_key, result_note, appointment_at, appointment_place)
    select 'MN-26-0000001', e.round_id, e.child_id, e.school_id, '00070', 'admitted', true, 1, 'closed-view-key', 'Trúng tuyển vào lớp Mẫu giáo 5 tuổi A1', '2026-12-20T01:30:00Z', 'Phòng Hội đồng, tầng 1'
    from admission_enrolment_codes e where e.code = ${k.code}`.execute(app.database.db);
  const res = await c.postForm('/tuyen-sinh/ho-so', { _csrf: token, code: k.code, personal_id: k.personalId });
  assert.match(res.body, /MN-26-0000001/);
  assert.match(res.body, /Trúng tuyển vào lớp Mẫu giáo 5 tuổi A1/);
  assert.match(res.body, /08:30:00 20\/12\/2026<\/time><span>, Phòng Hội đồng, tầng 1<\/span>/);
  assert.match(res.body, /hồ sơ chỉ còn để xem/);
  assert.doesNotMatch(res.body, /tuyen-sinh\/ho-so\/rut|chon-truong-khac/);
  const late = await c.postForm('/tuyen-sinh/ho-so/rut', { _csrf: token, code: k.code, personal_id: k.personalId, confirm: 'yes' });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /Đợt tuyển sinh này đã kết thúc lúc/);
});
