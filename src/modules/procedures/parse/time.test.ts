import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProcessingTime } from './time.ts';

// [source text, amount, unit, problem] — strings as they appear in the national data (and the usual free forms).
const CASES: [string, number | null, string | null, string | undefined][] = [
  ['5 Ngày làm việc', 5, 'working_days', undefined],
  ['05 ngày làm việc', 5, 'working_days', undefined],
  ['60 Ngày làm việc', 60, 'working_days', undefined],
  ['15 Ngày', 15, 'calendar_days', undefined],
  ['30 Ngày', 30, 'calendar_days', undefined],
  ['Trong ngày', null, 'within_day', undefined],
  ['Trả kết quả trong ngày làm việc', null, 'within_day', undefined],
  ['Không quá 3 ngày làm việc', 3, 'working_days', undefined],
  ['Không quá 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', 3, 'working_days', undefined],
  ['04 giờ làm việc', 4, 'hours', undefined],
  ['1 Giờ', 1, 'hours', undefined],
  ['24 Giờ', 24, 'hours', undefined],
  // Several values (one per channel or case): the shortest; working days weigh 7/5 of a calendar day.
  ['3 Ngày / 7 Ngày', 3, 'calendar_days', undefined],
  ['2 Ngày làm việc / 3 Ngày làm việc', 2, 'working_days', undefined],
  ['10 Ngày làm việc / 3 Ngày làm việc', 3, 'working_days', undefined],
  ['40 Ngày / 6 Ngày làm việc', 6, 'working_days', undefined],
  ['10 Ngày làm việc / 30 Ngày', 10, 'working_days', undefined],
  ['1 Giờ / 2 Ngày làm việc / 7 Ngày làm việc', 1, 'hours', undefined],
  ['29 Ngày làm việc / Không có thông tin', 29, 'working_days', undefined],
  ['02 Ngày làm việc / 2 Ngày làm việc', 2, 'working_days', undefined],
  // Fractions of a working day become working hours (8 a day): the deadline engine counts whole days.
  ['1.5 Ngày làm việc', 12, 'hours', undefined],
  // Typed where a value with a unit exists beside a bare number.
  ['1 / 15 Ngày làm việc', 15, 'working_days', undefined],
  // Not typed: a bare number has no unit; months are no unit of the deadline engine.
  ['1', 1, null, 'no unit'],
  ['48', 48, null, 'no unit'],
  ['1 / Không có thông tin', 1, null, 'no unit'],
  ['6 Tháng', 6, null, 'months'],
  ['Theo thỏa thuận', null, null, 'unrecognised'],
];

test('processing times from the national data', () => {
  for (const [text, amount, unit, problem] of CASES) {
    const r = parseProcessingTime(text);
    assert.deepEqual([r.value.amount, r.value.unit, r.problem], [amount, unit, problem], text);
    assert.equal(r.value.text, text, 'the source text is kept');
    assert.equal(r.empty, false);
  }
});

test('"Không có thông tin" and empty text give no value and no problem', () => {
  for (const text of ['Không có thông tin', '', '  ', null, undefined]) {
    const r = parseProcessingTime(text);
    assert.equal(r.empty, true);
    assert.equal(r.problem, undefined);
    assert.deepEqual([r.value.amount, r.value.unit], [null, null]);
  }
});
