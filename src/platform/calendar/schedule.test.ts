import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalendarDayEntry, defaultEntries, officialEntries, officialYears, parseScheduleCsv } from './schedule.ts';

test('official schedule covers 2023–2026 and has no entries for plain weekends', () => {
  assert.deepEqual(officialYears(), [2023, 2024, 2025, 2026]);
  const dates = officialEntries().map((e) => e.date);
  assert.ok(!dates.includes('2026-02-14'), 'Sat 14/02/2026 is a weekend inside the Tết break');
  assert.ok(dates.includes('2026-02-16'));
  for (const e of officialEntries()) assert.equal(e.provisional, false);
});

test('CSV rows map to entry kinds and names without the year', () => {
  const byDate = new Map(officialEntries().map((e) => [e.date, e]));
  assert.deepEqual(byDate.get('2026-01-10'), {
    date: '2026-01-10',
    kind: 'working_saturday',
    name: 'Tết Dương lịch',
    source: 'CV 12729/VPCP-KGVX 25/12/2025',
    provisional: false,
    note: 'làm bù cho thứ Sáu 2/1/2026',
  });
  assert.equal(byDate.get('2026-01-02')?.kind, 'swapped_day_off');
  assert.equal(byDate.get('2023-05-02')?.kind, 'compensatory_day_off');
  assert.equal(byDate.get('2023-04-29')?.kind, 'holiday'); // holiday_on_weekend
  assert.equal(byDate.get('2026-02-17')?.name, 'Tết Nguyên đán Bính Ngọ');
  assert.equal(byDate.get('2024-04-30')?.name, '30/4 + 1/5');
  const saturdays = officialEntries().filter((e) => e.kind === 'working_saturday').map((e) => e.date);
  assert.deepEqual(saturdays, ['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']);
});

test('parseScheduleCsv rejects a wrong header, unknown kinds and contradictory rows', () => {
  const header = 'date,year,weekday_vi,occasion,day_kind,non_working,source,note';
  assert.throws(() => parseScheduleCsv('date,kind\n2026-01-01,holiday'), /header/);
  assert.throws(() => parseScheduleCsv(`${header}\n2026-01-01,2026,Thứ Năm,X,party,yes,s,`), /unknown day_kind/);
  assert.throws(() => parseScheduleCsv(`${header}\n2026-01-01,2026,Thứ Năm,X,compensatory_day_off,no,s,`), /contradicts/);
  assert.deepEqual(parseScheduleCsv(`${header}\n2026-01-01,2026,Thứ Năm,"Tết, Dương lịch 2026",holiday_or_compensatory,yes,"a ""b""",`), [
    { date: '2026-01-01', kind: 'holiday', name: 'Tết, Dương lịch', source: 'a "b"', provisional: false, note: '' },
  ]);
});

test('defaultEntries: official years as announced, other years generated and provisional', () => {
  const entries = defaultEntries([2027, 2025]);
  const y2025 = entries.filter((e) => e.date.startsWith('2025-'));
  const y2027 = entries.filter((e) => e.date.startsWith('2027-'));
  assert.equal(y2025.length, officialEntries().filter((e) => e.date.startsWith('2025-')).length);
  assert.ok(y2025.every((e) => !e.provisional));
  assert.ok(y2027.length > 0 && y2027.every((e) => e.provisional));
  assert.deepEqual(entries.map((e) => e.date), [...entries.map((e) => e.date)].sort());
  // Entries survive a JSON round trip (they are stored as table rows).
  assert.deepEqual(JSON.parse(JSON.stringify(entries)), entries);
});

test('CalendarDayEntry validates rows edited by an administrator', () => {
  const row = { date: '2026-02-30', kind: 'holiday', name: 'X', source: '', provisional: false };
  assert.equal(CalendarDayEntry.safeParse(row).success, false);
  assert.equal(CalendarDayEntry.safeParse({ ...row, kind: 'party', date: '2026-02-27' }).success, false);
  assert.equal(CalendarDayEntry.parse({ ...row, date: '2026-02-27' }).note, '');
});
