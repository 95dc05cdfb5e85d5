import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../../platform/auth/csrf.ts';
import { seedCalendar } from './seed.ts';
import { getWorkCalendar } from './service.ts';
import { bumpCalendarVersion } from './cache.ts';
import { calendarDb, calendarRepo } from './repo.ts';

let app: TestApp;
let adminClient: TestClient;
before(async () => {
  app = await testApp();
  adminClient = app.client();
  await signInAs(app.database.db, adminClient, { id: 9001, username: 'quantri', roles: ['admin'] });
});
after(async () => {
  await app.close();
});

const PAGE = '/quan-tri/lich-lam-viec?year=2027';
const dueOf = async (received: string, amount: number): Promise<{ due_date: string; provisional: boolean }> =>
  (await app.server.inject({ url: `/api/v1/calendar/deadline?received=${received}&amount=${amount}&unit=working_days` })).json();
const days2027 = () => calendarRepo.daysOfYear(calendarDb(app.database.db), 2027);

test('an administrator adds a day off in 2027: deadlines change at once and the change is audited', async () => {
  // Mon 8 Mar 2027 + 5 working days = Mon 15 Mar
  assert.equal((await dueOf('2027-03-08', 5)).due_date, '2027-03-15');
  const res = await adminClient.submit(PAGE, { date: '2027-03-10', kind: 'holiday', name: 'Ngày lễ thử nghiệm', source: 'QĐ 1/2027', note: '' }, '/quan-tri/lich-lam-viec/ngay');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/quan-tri/lich-lam-viec?year=2027&saved=added');
  assert.equal((await dueOf('2027-03-08', 5)).due_date, '2027-03-16');
  const working = (await app.server.inject({ url: '/api/v1/calendar/working-day?date=2027-03-10' })).json();
  assert.deepEqual([working.working_day, working.name, working.provisional], [false, 'Ngày lễ thử nghiệm', true]);

  const [row] = await listAudit(app.database.db, { entity: 'calendar_day' });
  assert.equal(row?.action, 'calendar.day.create');
  assert.equal(row?.actorLabel, 'quantri');
  const data = row?.data as { before: unknown; after: { date: string; name: string; updated_by: string } };
  assert.equal(data.before, null);
  assert.deepEqual([data.after.date, data.after.name, data.after.updated_by], ['2027-03-10', 'Ngày lễ thử nghiệm', 'quantri']);

  const page = await adminClient.get('/quan-tri/lich-lam-viec?year=2027&saved=added');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Đã thêm ngày/);
  assert.match(page.body, /Ngày lễ thử nghiệm/);
});

test('editing and deleting a day are audited with before and after', async () => {
  const added = (await days2027()).find((d) => d.name === 'Ngày lễ thử nghiệm');
  assert.ok(added);
  const edit = await adminClient.submit(`/quan-tri/lich-lam-viec/ngay/${added.id}`, {
    date: '2027-03-11',
    kind: 'holiday',
    name: 'Ngày lễ đã dời',
    source: 'QĐ 2/2027',
    note: 'dời một ngày',
  });
  assert.equal(edit.statusCode, 303);
  assert.equal((await dueOf('2027-03-08', 5)).due_date, '2027-03-16');
  const [upd] = await listAudit(app.database.db, { entity: 'calendar_day', entityId: String(added.id) });
  assert.equal(upd?.action, 'calendar.day.update');
  const u = upd?.data as { before: { date: string }; after: { date: string; name: string } };
  assert.deepEqual([u.before.date, u.after.date, u.after.name], ['2027-03-10', '2027-03-11', 'Ngày lễ đã dời']);

  const del = await adminClient.submit(`/quan-tri/lich-lam-viec/ngay/${added.id}`, {}, `/quan-tri/lich-lam-viec/ngay/${added.id}/xoa`);
  assert.equal(del.statusCode, 303);
  assert.equal((await dueOf('2027-03-08', 5)).due_date, '2027-03-15');
  const [gone] = await listAudit(app.database.db, { entity: 'calendar_day', entityId: String(added.id) });
  assert.equal(gone?.action, 'calendar.day.delete');
  assert.equal((gone?.data as { after: unknown }).after, null);
  assert.equal((await adminClient.get(`/quan-tri/lich-lam-viec/ngay/${added.id}`)).statusCode, 404);
});

test('bad input is shown beside the fields in Vietnamese and English, and nothing is saved', async () => {
  const before = (await days2027()).length;
  const vi = await adminClient.submit(PAGE, { date: '2027-02-30', kind: 'ngay_le', name: '  ' }, '/quan-tri/lich-lam-viec/ngay');
  assert.equal(vi.statusCode, 400);
  assert.match(vi.body, /class="error-summary"/);
  assert.match(vi.body, /id="date-error"[^>]*>Ngày: ngày 2027-02-30 không tồn tại\./);
  assert.match(vi.body, /id="kind-error"[^>]*>Loại ngày không thuộc các loại ngày đã định\./);
  assert.match(vi.body, /id="name-error"[^>]*>Tên dịp nghỉ là bắt buộc\./);
  assert.match(vi.body, /value="2027-02-30"/);
  await adminClient.get('/?lang=en');
  const en = await adminClient.submit(PAGE, { date: 'next week', kind: 'holiday', name: 'X' }, '/quan-tri/lich-lam-viec/ngay');
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /id="date-error"[^>]*>Date must be a date written YYYY-MM-DD/);
  const sat = await adminClient.submit(PAGE, { date: '2027-03-10', kind: 'working_saturday', name: 'X' }, '/quan-tri/lich-lam-viec/ngay');
  assert.match(sat.body, /a make-up working day must be a Saturday or a Sunday/);
  const dup = await adminClient.submit(PAGE, { date: '2027-01-01', kind: 'holiday', name: 'Again' }, '/quan-tri/lich-lam-viec/ngay');
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /already has an entry of this kind/);
  await adminClient.get('/?lang=vi');
  assert.equal((await days2027()).length, before);
});

test('only administrators may change the calendar', async () => {
  const officer = app.client();
  await signInAs(app.database.db, officer, { id: 9002, roles: ['one_stop_officer', 'leader'] });
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 9003, kind: 'citizen' });
  for (const c of [officer, citizen]) {
    assert.equal((await c.get(PAGE)).statusCode, 403);
    const res = await c.submit('/', { date: '2027-03-10', kind: 'holiday', name: 'Không được' }, '/quan-tri/lich-lam-viec/ngay');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /không có quyền/);
    assert.equal((await c.submit('/', { decision: 'x' }, '/quan-tri/lich-lam-viec/nam/2027/xac-nhan')).statusCode, 403);
  }
  const anonymous = app.client();
  assert.equal((await anonymous.get(PAGE)).statusCode, 401);
  await anonymous.get('/dang-nhap'); // a page with a form issues the CSRF cookie
  const seed = anonymous.cookies.get(CSRF_COOKIE) ?? '';
  const token = await csrfTokenFor(app.platform, seed);
  const post = await anonymous.postForm('/quan-tri/lich-lam-viec/ngay', { _csrf: token, date: '2027-03-10', kind: 'holiday', name: 'X' });
  assert.equal(post.statusCode, 401);
  assert.equal((await days2027()).some((d) => d.date === '2027-03-10'), false);
});

test('confirming a provisional year makes it and its days official', async () => {
  assert.equal((await dueOf('2027-03-08', 5)).provisional, true);
  const empty = await adminClient.submit(PAGE, { decision: '' }, '/quan-tri/lich-lam-viec/nam/2027/xac-nhan');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /id="decision-error"[^>]*>Văn bản công bố lịch nghỉ là bắt buộc\./);
  const ok = await adminClient.submit(PAGE, { decision: 'Thông báo 99/TB-BNV 2026' }, '/quan-tri/lich-lam-viec/nam/2027/xac-nhan');
  assert.equal(ok.statusCode, 303);
  assert.equal((await dueOf('2027-03-08', 5)).provisional, false);
  const days = (await app.server.inject({ url: '/api/v1/calendar/days?year=2027' })).json();
  assert.deepEqual([days.status, days.source], ['official', 'Thông báo 99/TB-BNV 2026']);
  assert.ok(days.days.every((d: { provisional: boolean }) => !d.provisional));
  const [audit] = await listAudit(app.database.db, { entity: 'calendar_year', entityId: '2027' });
  assert.equal(audit?.action, 'calendar.year.confirm');
  const a = audit?.data as { before: { status: string }; after: { status: string } };
  assert.deepEqual([a.before.status, a.after.status], ['provisional', 'official']);
});

test('seeding again keeps administrators’ edits, and fills in a generated year that nobody touched', async () => {
  await adminClient.submit(PAGE, { date: '2027-11-20', kind: 'holiday', name: 'Ngày Nhà giáo (thử)' }, '/quan-tri/lich-lam-viec/ngay');
  assert.deepEqual(await seedCalendar(app.platform), []);
  assert.deepEqual(await seedCalendar(app.platform), []);
  assert.ok((await days2027()).some((d) => d.name === 'Ngày Nhà giáo (thử)'));
  assert.equal((await app.server.inject({ url: '/api/v1/calendar/days?year=2027' })).json().status, 'official');

  // 2026 as if an older release had generated it: the shipped official schedule replaces the untouched guess
  const db = calendarDb(app.database.db);
  await calendarRepo.deleteDaysOfYear(db, 2026);
  await calendarRepo.updateYear(db, 2026, { status: 'provisional' });
  assert.deepEqual(await seedCalendar(app.platform), [2026]);
  const y2026 = (await app.server.inject({ url: '/api/v1/calendar/days?year=2026' })).json();
  assert.equal(y2026.status, 'official');
  assert.ok(y2026.days.some((d: { date: string }) => d.date === '2026-02-16'));
});

test('another process sees a change once the stored calendar version moves', async () => {
  const other = { ...app.platform }; // a second process: its own cached calendar over the same database
  assert.equal((await getWorkCalendar(other)).isWorkingDay('2027-06-01'), true);
  const db = calendarDb(app.database.db);
  await calendarRepo.insertDays(db, [{ date: '2027-06-01', kind: 'holiday', name: 'Ngày Quốc tế Thiếu nhi (thử)', source: '', provisional: false, note: '' }], 'tester');
  // without a new version the copy is kept (no reload on every read) ...
  assert.equal((await getWorkCalendar(other, { maxAgeMs: 0 })).isWorkingDay('2027-06-01'), true);
  await bumpCalendarVersion(app.database.db);
  // ... and with one, the next check (every few seconds; here at once) reloads it
  assert.equal((await getWorkCalendar(other, { maxAgeMs: 0 })).isWorkingDay('2027-06-01'), false);
});
