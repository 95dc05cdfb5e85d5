import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { vietnamInstant } from './dates.ts';
import { WorkCalendar } from './deadline.ts';
import type { CalendarDayEntry } from './schedule.ts';

const cal = WorkCalendar.withDefaults();
const at = (date: string, hh: number, mm = 0): Date => vietnamInstant(date, hh * 60 + mm);

const scheduleCsv = readFileSync(
  new URL('../../../data/holidays/vn_civil_servant_holiday_schedule_2023_2026.csv', import.meta.url),
  'utf8',
);
const rows = scheduleCsv
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(','));

test('every non-working day of the official 2023–2026 schedule is a non-working day', () => {
  const off = rows.filter((r) => r[5] === 'yes');
  assert.equal(off.length, 82);
  for (const [date = ''] of off) assert.equal(cal.isWorkingDay(date), false, date);
});

test('make-up Saturdays are working days', () => {
  const makeUp = rows.filter((r) => r[5] === 'no').map((r) => r[0]);
  assert.deepEqual(makeUp, ['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']);
  for (const date of makeUp) assert.equal(cal.isWorkingDay(date ?? ''), true, date);
  assert.equal(cal.isWorkingDay('2025-04-19'), false, 'an ordinary Saturday');
  assert.equal(cal.isWorkingDay('2026-02-23'), true, 'Monday after Tết');
});

test('nextWorkingDay and addWorkingDays skip weekends and days off', () => {
  assert.equal(cal.nextWorkingDay('2026-02-13'), '2026-02-23');
  assert.equal(cal.nextWorkingDay('2026-01-09'), '2026-01-10'); // make-up Saturday
  assert.equal(cal.nextWorkingDay('2025-04-29'), '2025-05-05');
  assert.equal(cal.addWorkingDays('2026-02-23', -1), '2026-02-13');
  assert.equal(cal.addWorkingDays('2026-02-14', 0), '2026-02-14');
  assert.throws(() => cal.addWorkingDays('2026-02-14', 1.5), RangeError);
});

test('5 working days from Fri 13 Feb 2026 skip the Tết break: due Fri 27 Feb', () => {
  const d = cal.computeDeadline({ received: at('2026-02-13', 10), amount: 5, unit: 'working_days' });
  assert.equal(d.dueDate, '2026-02-27');
  assert.equal(d.dueAt.toISOString(), '2026-02-27T16:59:59.999Z'); // 23:59:59.999 in Hà Nội
  assert.equal(
    d.explanation.vi,
    'Nhận hồ sơ Thứ Sáu 13/02/2026; tính 5 ngày làm việc kể từ ngày hôm sau; 14/02–22/02/2026 là nghỉ Tết Nguyên đán Bính Ngọ và ngày nghỉ cuối tuần; hạn trả kết quả Thứ Sáu 27/02/2026.',
  );
  assert.equal(
    d.explanation.en,
    'Received Fri 13/02/2026; 5 working days counted from the next day; 14/02–22/02/2026 are Tết Nguyên đán Bính Ngọ holiday and weekend days; due Fri 27/02/2026.',
  );
  assert.deepEqual(d.skipped.map((s) => s.date)[0], '2026-02-14');
  assert.equal(d.skipped.length, 9);
  assert.equal(d.provisional, false);
});

test('the receipt date is the date in Vietnam, whatever the server time zone', () => {
  // 23:30 UTC on Thu 12 Feb is 06:30 on Fri 13 Feb in Hà Nội.
  const d = cal.computeDeadline({ received: new Date('2026-02-12T23:30:00Z'), amount: 5, unit: 'working_days' });
  assert.equal(d.dueDate, '2026-02-27');
});

test('working days received on a Saturday count from Sunday', () => {
  const d = cal.computeDeadline({ received: at('2026-03-07', 9), amount: 3, unit: 'working_days' });
  assert.equal(d.dueDate, '2026-03-11');
  assert.deepEqual(d.skipped, [{ date: '2026-03-08', reason: 'weekend' }]);
  assert.match(d.explanation.vi, /^Nhận hồ sơ Thứ Bảy 07\/03\/2026;/);
});

test('a make-up Saturday counts as a working day', () => {
  // Fri 9 Jan 2026 + 1 working day = Sat 10 Jan (làm bù for Fri 2 Jan).
  const d = cal.computeDeadline({ received: at('2026-01-09', 9), amount: 1, unit: 'working_days' });
  assert.equal(d.dueDate, '2026-01-10');
  assert.match(d.explanation.en, /1 working day counted from the next day/, 'one day, in the singular');
});

test('calendar days ending on a weekend roll to the end of the next working day', () => {
  const d = cal.computeDeadline({ received: at('2026-03-11', 14), amount: 10, unit: 'calendar_days' });
  assert.equal(d.dueDate, '2026-03-23'); // day 10 is Sat 21 Mar
  assert.deepEqual(d.skipped.map((s) => s.date), ['2026-03-21', '2026-03-22']);
  assert.match(d.explanation.vi, /ngày cuối cùng Thứ Bảy 21\/03\/2026 không phải ngày làm việc/);
  assert.match(d.explanation.en, /due Mon 23\/03\/2026\.$/);
  const plain = cal.computeDeadline({ received: at('2026-03-11', 14), amount: 9, unit: 'calendar_days' });
  assert.equal(plain.dueDate, '2026-03-20');
  assert.deepEqual(plain.skipped, []);
});

test('calendar days ending in the 30/4–1/5 break of 2025 roll past the swapped day off', () => {
  const d = cal.computeDeadline({ received: at('2025-04-20', 9), amount: 10, unit: 'calendar_days' });
  assert.equal(d.dueDate, '2025-05-05');
  assert.deepEqual(d.skipped.map((s) => s.reason), ['holiday', 'holiday', 'swapped_day_off', 'weekend', 'weekend']);
});

test('hours count office time only (08:00–12:00, 13:00–17:00 on working days)', () => {
  const sameDay = cal.computeDeadline({ received: at('2026-03-10', 10), amount: 4, unit: 'hours' });
  assert.equal(sameDay.dueAt.toISOString(), vietnamInstant('2026-03-10', 15 * 60).toISOString());
  const overWeekend = cal.computeDeadline({ received: at('2026-03-13', 16), amount: 8, unit: 'hours' });
  assert.equal(overWeekend.dueDate, '2026-03-16');
  assert.equal(overWeekend.dueAt.toISOString(), vietnamInstant('2026-03-16', 16 * 60).toISOString());
  assert.match(overWeekend.explanation.vi, /hạn trả kết quả lúc 16:00 Thứ Hai 16\/03\/2026\.$/);
  const evening = cal.computeDeadline({ received: at('2026-03-10', 19), amount: 4, unit: 'hours' });
  assert.equal(evening.dueAt.toISOString(), vietnamInstant('2026-03-11', 12 * 60).toISOString());
  const acrossTet = cal.computeDeadline({ received: at('2026-02-13', 16), amount: 2, unit: 'hours' });
  assert.equal(acrossTet.dueAt.toISOString(), vietnamInstant('2026-02-23', 9 * 60).toISOString());
});

test('within_day: same working day before 15:00, next working day after', () => {
  const early = cal.computeDeadline({ received: at('2026-03-10', 14, 59), amount: 0, unit: 'within_day' });
  assert.equal(early.dueDate, '2026-03-10');
  const late = cal.computeDeadline({ received: at('2026-03-13', 15, 30), amount: 0, unit: 'within_day' });
  assert.equal(late.dueDate, '2026-03-16');
  assert.match(late.explanation.vi, /sau 15:00 nên chuyển sang ngày làm việc tiếp theo/);
  assert.deepEqual(late.skipped.map((s) => s.date), ['2026-03-14', '2026-03-15']);
});

test('within_day around Tết 2026: after 15:00 on the last working day before the break, due the first one after it', () => {
  const before = cal.computeDeadline({ received: at('2026-02-13', 10), amount: 0, unit: 'within_day' });
  assert.equal(before.dueDate, '2026-02-13', 'received in the morning: the same day');
  const late = cal.computeDeadline({ received: at('2026-02-13', 15, 30), amount: 0, unit: 'within_day' });
  assert.equal(late.dueDate, '2026-02-23');
  assert.ok(late.skipped.some((s) => s.reason !== 'weekend'), 'the Tết days off are named as skipped');
  assert.match(late.explanation.vi, /sau 15:00/);
  const during = cal.computeDeadline({ received: at('2026-02-17', 9), amount: 0, unit: 'within_day' });
  assert.equal(during.dueDate, '2026-02-23', 'received online during the break: the first working day after it');
});

test('within_day received on a Saturday is due the next working day', () => {
  const d = cal.computeDeadline({ received: at('2026-03-14', 9), amount: 0, unit: 'within_day' });
  assert.equal(d.dueDate, '2026-03-16');
  assert.match(d.explanation.en, /not a working day/);
});

test('years without entries use provisional generated holidays, and deadlines say so', () => {
  assert.equal(cal.isProvisionalYear(2026), false);
  assert.equal(cal.isProvisionalYear(2027), true);
  const d = cal.computeDeadline({ received: at('2027-02-03', 9), amount: 5, unit: 'working_days' });
  assert.equal(d.dueDate, '2027-02-17'); // Tết Đinh Mùi: Thu 4 – Wed 10 Feb 2027
  assert.equal(d.provisional, true);
});

test('explicit entries replace generation for their year; conflicting rows give the day off', () => {
  const entry = (date: string, kind: CalendarDayEntry['kind']): CalendarDayEntry => ({
    date, kind, name: 'Nghỉ thử', source: 'test', provisional: false, note: '',
  });
  const custom = new WorkCalendar([entry('2027-03-03', 'holiday'), entry('2027-03-06', 'working_saturday'), entry('2027-03-06', 'swapped_day_off')]);
  assert.equal(custom.isWorkingDay('2027-03-03'), false);
  assert.equal(custom.isWorkingDay('2027-02-08'), true, 'no generated Tết once 2027 has entries');
  assert.equal(custom.isWorkingDay('2027-03-06'), false);
  const weekendsOnly = new WorkCalendar([], { generate: null });
  assert.equal(weekendsOnly.isWorkingDay('2030-01-01'), true);
});

test('invalid requests are refused', () => {
  assert.throws(() => cal.computeDeadline({ received: at('2026-03-10', 9), amount: 0, unit: 'working_days' }), RangeError);
  assert.throws(() => cal.computeDeadline({ received: at('2026-03-10', 9), amount: 2.5, unit: 'calendar_days' }), RangeError);
  assert.throws(() => cal.computeDeadline({ received: at('2026-03-10', 9), amount: -1, unit: 'hours' }), RangeError);
  assert.throws(() => cal.computeDeadline({ received: new Date(Number.NaN), amount: 1, unit: 'working_days' }), RangeError);
});
