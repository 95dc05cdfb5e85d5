import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testApp, type TestApp } from '../../testing/app.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

const get = (url: string) => app.server.inject({ url });

test('5 working days from Fri 13 Feb 2026 10:00 skip the Tết break: due Fri 27 Feb, explained in Vietnamese', async () => {
  const res = await get('/api/v1/calendar/deadline?received=2026-02-13T10:00:00%2B07:00&amount=5&unit=working_days');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.received, '2026-02-13T10:00:00.000+07:00');
  assert.equal(body.amount, 5);
  assert.equal(body.unit, 'working_days');
  assert.equal(body.due_date, '2026-02-27');
  assert.equal(body.due_at, '2026-02-27T23:59:59.999+07:00');
  assert.equal(
    body.explanation.vi,
    'Nhận hồ sơ Thứ Sáu 13/02/2026; tính 5 ngày làm việc kể từ ngày hôm sau; 14/02–22/02/2026 là nghỉ Tết Nguyên đán Bính Ngọ và ngày nghỉ cuối tuần; hạn trả kết quả Thứ Sáu 27/02/2026.',
  );
  assert.match(body.explanation.en, /Tết Nguyên đán Bính Ngọ holiday/);
  assert.equal(body.skipped.length, 9);
  assert.deepEqual(body.skipped[2], { date: '2026-02-16', reason: 'holiday', name: 'Tết Nguyên đán Bính Ngọ' });
  assert.deepEqual(body.skipped[0], { date: '2026-02-14', reason: 'weekend' });
  assert.equal(body.provisional, false);
});

test('received accepts Z, an unencoded "+" (arriving as a space) and a plain date meaning 00:00 Vietnam time', async () => {
  const zulu = (await get('/api/v1/calendar/deadline?received=2026-02-13T03:00:00Z&amount=5&unit=working_days')).json();
  assert.equal(zulu.received, '2026-02-13T10:00:00.000+07:00');
  const plus = (await get('/api/v1/calendar/deadline?received=2026-02-13T10:00+07:00&amount=5&unit=working_days')).json();
  assert.equal(plus.due_date, '2026-02-27');
  const plain = (await get('/api/v1/calendar/deadline?received=2026-02-13&amount=2&unit=hours')).json();
  assert.equal(plain.received, '2026-02-13T00:00:00.000+07:00');
  assert.equal(plain.due_at, '2026-02-13T10:00:00.000+07:00'); // two office hours from 08:00
  // 17:30 UTC on the 12th is already 00:30 on the 13th in Hà Nội
  const late = (await get('/api/v1/calendar/deadline?received=2026-02-12T17:30:00Z&unit=within_day')).json();
  assert.equal(late.amount, 0);
  assert.equal(late.due_date, '2026-02-13');
});

test('deadlines in years without an announced schedule are marked provisional', async () => {
  const body = (await get('/api/v1/calendar/deadline?received=2027-03-01&amount=10&unit=working_days')).json();
  assert.equal(body.provisional, true);
  const days = (await get('/api/v1/calendar/days?year=2027')).json();
  assert.equal(days.status, 'provisional');
  assert.equal(days.stored, true);
  assert.ok(days.days.every((d: { provisional: boolean }) => d.provisional));
});

test('lunar dates: 17 Feb 2026 is 1/1 Bính Ngọ; Tết 2007 was 17 Feb in Vietnam', async () => {
  const res = await get('/api/v1/calendar/lunar?date=2026-02-17');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual(body.lunar, {
    day: 1,
    month: 1,
    year: 2026,
    leap: false,
    year_can_chi: 'Bính Ngọ',
    text: { vi: 'ngày 1 tháng Giêng năm Bính Ngọ', en: 'day 1 of lunar month 1, year Bính Ngọ' },
  });
  assert.deepEqual(body.tet, { year: 2026, date: '2026-02-17', can_chi: 'Bính Ngọ' });
  const y2007 = (await get('/api/v1/calendar/lunar?date=2007-02-17')).json();
  assert.equal(y2007.lunar.day, 1);
  assert.equal(y2007.lunar.month, 1);
  assert.equal(y2007.lunar.year_can_chi, 'Đinh Hợi');
  assert.equal(y2007.tet.date, '2007-02-17');
  // a day before Tết belongs to the previous lunar year
  const eve = (await get('/api/v1/calendar/lunar?date=2026-02-16')).json();
  assert.equal(eve.lunar.year, 2025);
  assert.equal(eve.lunar.year_can_chi, 'Ất Tỵ');
  assert.equal(eve.lunar.month, 12);
});

test('every non-working day of the shipped 2023–2026 schedule is non-working through the API', async () => {
  const rows = readFileSync(new URL('../../../data/holidays/vn_civil_servant_holiday_schedule_2023_2026.csv', import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  const off = rows.filter((r) => r[5] === 'yes').map((r) => r[0] ?? '');
  assert.equal(off.length, 82);
  for (const date of off) {
    const body = (await get(`/api/v1/calendar/working-day?date=${date}`)).json();
    assert.equal(body.working_day, false, date);
    assert.ok(body.message.vi.startsWith('Không phải ngày làm việc'), date);
  }
  for (const date of rows.filter((r) => r[5] === 'no').map((r) => r[0] ?? '')) {
    const body = (await get(`/api/v1/calendar/working-day?date=${date}`)).json();
    assert.equal(body.working_day, true, date);
    assert.equal(body.reason, 'working_saturday', date);
  }
  const tet = (await get('/api/v1/calendar/working-day?date=2026-02-16')).json();
  assert.equal(tet.reason, 'holiday');
  assert.equal(tet.name, 'Tết Nguyên đán Bính Ngọ');
  assert.equal(tet.provisional, false);
  const monday = (await get('/api/v1/calendar/working-day?date=2026-02-23')).json();
  assert.deepEqual([monday.working_day, monday.reason], [true, null]);
});

test('a year’s days list the official entries with their kinds', async () => {
  const res = await get('/api/v1/calendar/days?year=2026');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.status, 'official');
  assert.equal(body.tet, '2026-02-17');
  assert.equal(body.can_chi, 'Bính Ngọ');
  const jan10 = body.days.find((d: { date: string }) => d.date === '2026-01-10');
  assert.deepEqual(jan10, {
    date: '2026-01-10',
    kind: 'working_saturday',
    non_working: false,
    name: 'Tết Dương lịch',
    source: 'CV 12729/VPCP-KGVX 25/12/2025',
    note: 'làm bù cho thứ Sáu 2/1/2026',
    provisional: false,
  });
  // a year that is not stored is generated on the fly
  const far = (await get('/api/v1/calendar/days?year=2040')).json();
  assert.deepEqual([far.status, far.stored], ['provisional', false]);
  assert.ok(far.days.some((d: { name: string }) => d.name === 'Quốc khánh'));
});

test('bad input gets 400 with Vietnamese and English messages naming the parameter', async () => {
  const cases: [string, string][] = [
    ['/api/v1/calendar/deadline?received=2026-02-13T10:00:00Z&amount=5&unit=weeks', 'unit'],
    ['/api/v1/calendar/deadline?received=2026-02-13T10:00:00Z&amount=-5&unit=working_days', 'amount'],
    ['/api/v1/calendar/deadline?received=2026-02-13T10:00:00Z&amount=99999999&unit=working_days', 'amount'],
    ['/api/v1/calendar/deadline?received=2026-02-13T10:00:00Z&amount=1.5&unit=calendar_days', 'amount'],
    ['/api/v1/calendar/deadline?received=2026-02-13T10:00:00Z&unit=working_days', 'amount'],
    ['/api/v1/calendar/deadline?received=2026-02-30&amount=5&unit=working_days', 'received'],
    ['/api/v1/calendar/deadline?received=2026-02-13T10:00:00&amount=5&unit=working_days', 'received'],
    ['/api/v1/calendar/deadline?received=hôm-nay&amount=5&unit=working_days', 'received'],
    ['/api/v1/calendar/deadline?amount=5&unit=working_days', 'received'],
    ['/api/v1/calendar/lunar?date=2026-02-30', 'date'],
    ['/api/v1/calendar/lunar?date=17/02/2026', 'date'],
    ['/api/v1/calendar/lunar', 'date'],
    ['/api/v1/calendar/days?year=abc', 'year'],
    ['/api/v1/calendar/days?year=99999', 'year'],
    ['/api/v1/calendar/days', 'year'],
    ['/api/v1/calendar/working-day?date=2026-13-01', 'date'],
  ];
  for (const [url, field] of cases) {
    const res = await get(url);
    assert.equal(res.statusCode, 400, url);
    const { error } = res.json();
    assert.equal(error.code, 'INVALID_PARAMETERS', url);
    assert.ok(error.message.vi && error.message.en, url);
    const f = error.fields.find((x: { field: string }) => x.field === field);
    assert.ok(f, `${url}: no error for ${field}`);
    assert.ok(f.message.vi.includes(`"${field}"`) && f.message.en.includes(`"${field}"`), url);
  }
  const missing = (await get('/api/v1/calendar/deadline')).json();
  assert.deepEqual(missing.error.fields.map((f: { field: string }) => f.field).sort(), ['amount', 'received', 'unit']);
  const impossible = (await get('/api/v1/calendar/lunar?date=2026-02-30')).json();
  assert.match(impossible.error.fields[0].message.vi, /2026-02-30 không tồn tại/);
});

test('the calendar API is in the OpenAPI document under the calendar tag', async () => {
  const doc = app.server.swagger() as { paths: Record<string, { get?: { tags?: string[] } }> };
  for (const path of ['/api/v1/calendar/deadline', '/api/v1/calendar/lunar', '/api/v1/calendar/days', '/api/v1/calendar/working-day']) {
    assert.deepEqual(doc.paths[path]?.get?.tags, ['calendar'], path);
  }
});
