import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

test('the calendar page lists an official year’s days off and make-up Saturdays, in Vietnamese and English', async () => {
  const c = app.client();
  const vi = await c.get('/lich-lam-viec?year=2026');
  assert.equal(vi.statusCode, 200);
  assert.match(vi.body, /<html lang="vi">/);
  assert.match(vi.body, /<h1>Lịch làm việc và hạn giải quyết<\/h1>/);
  assert.match(vi.body, /Ngày nghỉ và ngày làm bù năm 2026/);
  assert.match(vi.body, /Lịch chính thức\./);
  assert.match(vi.body, /<time datetime="2026-01-10">Thứ Bảy, 10\/01\/2026<\/time>/);
  assert.match(vi.body, /Ngày làm bù/);
  assert.match(vi.body, /Tết Nguyên đán Bính Ngọ: Thứ Ba, 17\/02\/2026/);
  assert.doesNotMatch(vi.body, /\(dự kiến\)/);
  const en = await c.get('/lich-lam-viec?year=2026&lang=en');
  assert.match(en.body, /<html lang="en">/);
  assert.match(en.body, /Days off and make-up working days in 2026/);
  assert.match(en.body, /Saturday 10\/01\/2026/);
  assert.match(en.body, /Make-up working day/);
});

test('a generated year is marked provisional', async () => {
  const res = await app.client().get('/lich-lam-viec?year=2029');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Lịch dự kiến: Chính phủ chưa công bố/);
  assert.match(res.body, /\(dự kiến\)/);
  assert.match(res.body, /Quốc khánh/);
  const en = await app.client().get('/lich-lam-viec?year=2029&lang=en');
  assert.match(en.body, /\(provisional\)/);
});

test('the deadline calculator shows the due date and its explanation', async () => {
  const c = app.client();
  const res = await c.get('/lich-lam-viec?received_date=2026-02-13&received_time=10:00&amount=5&unit=working_days');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Hạn trả kết quả: hết ngày Thứ Sáu, 27\/02\/2026\./);
  assert.match(res.body, /14\/02–22\/02\/2026 là nghỉ Tết Nguyên đán Bính Ngọ và ngày nghỉ cuối tuần/);
  assert.match(res.body, /value="2026-02-13"/);
  const hours = await c.get('/lich-lam-viec?received_date=2026-02-13&received_time=16:00&amount=4&unit=hours&lang=en');
  assert.match(hours.body, /Due at 11:00 on Monday 23\/02\/2026\./);
  const provisional = await c.get('/lich-lam-viec?received_date=2028-12-20&amount=10&unit=working_days&lang=vi');
  assert.match(provisional.body, /dựa một phần trên lịch nghỉ dự kiến/);
});

test('calculator errors are shown beside the fields', async () => {
  const res = await app.client().get('/lich-lam-viec?received_date=2026-02-30&received_time=25:00&amount=-1&unit=working_days');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /href="#received_date"/);
  assert.match(res.body, /id="received_date-error"[^>]*>Ngày nhận hồ sơ: ngày 2026-02-30 không tồn tại\./);
  assert.match(res.body, /id="received_time-error"[^>]*>Giờ nhận hồ sơ phải là giờ/);
  assert.match(res.body, /id="amount-error"[^>]*>Thời hạn phải là số nguyên từ 1 đến 1000\./);
  assert.match(res.body, /aria-invalid="true"/);
  const en = await app.client().get('/lich-lam-viec?received_date=2026-02-13&amount=5&unit=fortnights&lang=en');
  assert.match(en.body, /id="unit-error"[^>]*>Unit must be one of: working_days, calendar_days, hours, within_day\./);
});

test('the lunar converter gives the lunar date and the year’s Tết', async () => {
  const res = await app.client().get('/lich-lam-viec?lunar_date=2007-02-17');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Thứ Bảy, 17\/02\/2007 là ngày 1 tháng Giêng năm Đinh Hợi \(âm lịch\)\./);
  assert.match(res.body, /Tết Nguyên đán năm 2007 \(Đinh Hợi\): Thứ Bảy, 17\/02\/2007\./);
  const en = await app.client().get('/lich-lam-viec?lunar_date=2026-02-17&lang=en');
  assert.match(en.body, /Tuesday 17\/02\/2026 is day 1 of lunar month 1, year Bính Ngọ in the lunar calendar\./);
  const bad = await app.client().get('/lich-lam-viec?lunar_date=1700-01-01');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="lunar_date-error"[^>]*>Ngày dương lịch phải nằm trong các năm 1800–2199\./);
  // each GET form carries the others' values along
  const both = await app.client().get('/lich-lam-viec?year=2025&lunar_date=2026-02-17');
  assert.match(both.body, /<input type="hidden" name="lunar_date" value="2026-02-17"/);
  assert.match(both.body, /<input type="hidden" name="year" value="2025"/);
});

test('the administrator’s page renders in Vietnamese and English with its forms', async () => {
  const c = app.client();
  await signInAs(app.database.db, c, { id: 7001, username: 'admin1', roles: ['admin'] });
  const vi = await c.get('/quan-tri/lich-lam-viec?year=2028');
  assert.equal(vi.statusCode, 200);
  assert.match(vi.body, /<h1>Quản trị lịch làm việc<\/h1>/);
  assert.match(vi.body, /Năm 2028 – Dự kiến/);
  assert.match(vi.body, /Xác nhận lịch chính thức năm 2028/);
  assert.match(vi.body, /name="_csrf"/);
  assert.match(vi.body, /<label for="kind">Loại ngày<\/label>/);
  const en = await c.get('/quan-tri/lich-lam-viec?year=2026&lang=en');
  assert.match(en.body, /2026 – Official/);
  assert.doesNotMatch(en.body, /Confirm the official schedule/);
  assert.match(en.body, /aria-label="Delete Thursday 01\/01\/2026 \(Tết Dương lịch\)"/);
  assert.equal((await c.get('/quan-tri/lich-lam-viec?year=abcd')).statusCode, 400);
  // the public page links to the administration for administrators only
  assert.match((await c.get('/lich-lam-viec')).body, /href="\/quan-tri\/lich-lam-viec"/);
  assert.doesNotMatch((await app.client().get('/lich-lam-viec')).body, /href="\/quan-tri\/lich-lam-viec"/);
});
