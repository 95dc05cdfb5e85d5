import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWeekend } from './dates.ts';
import { generateHolidays } from './holidays.ts';
import { isNonWorkingKind, officialEntries } from './schedule.ts';

const daysOff = (year: number): string[] =>
  generateHolidays(year)
    .filter((e) => !isWeekend(e.date))
    .map((e) => e.date);

test('generated years are provisional and cite the Labour Code', () => {
  const entries = generateHolidays(2027);
  assert.ok(entries.length > 0);
  for (const e of entries) {
    assert.equal(e.provisional, true);
    assert.match(e.source, /Bộ luật Lao động 2019/);
  }
});

test('2027: Art. 112 holidays, five weekday Tết days and a compensatory day for Sat 1 May', () => {
  assert.deepEqual(daysOff(2027), [
    '2027-01-01',
    '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', // Tết Đinh Mùi is Sat 6 Feb
    '2027-04-16',
    '2027-04-30',
    '2027-05-03',
    '2027-09-02', '2027-09-03',
  ]);
  const may3 = generateHolidays(2027).find((e) => e.date === '2027-05-03');
  assert.equal(may3?.kind, 'compensatory_day_off');
  assert.equal(generateHolidays(2027).find((e) => e.date === '2027-02-04')?.name, 'Tết Nguyên đán Đinh Mùi');
});

test('2023: Giỗ Tổ on Sat 29/4 and 30/4 on Sunday give days off on 2/5 and 3/5', () => {
  const comp = generateHolidays(2023).filter((e) => e.kind === 'compensatory_day_off').map((e) => e.date);
  assert.deepEqual(comp, ['2023-01-02', '2023-05-02', '2023-05-03', '2023-09-04']);
});

test('the generator reproduces every weekday off of the official 2023–2026 schedules except swaps', () => {
  for (const year of [2023, 2024, 2025, 2026]) {
    const official = officialEntries()
      .filter((e) => e.date.startsWith(`${year}-`) && isNonWorkingKind(e.kind) && e.kind !== 'swapped_day_off')
      .filter((e) => !isWeekend(e.date))
      .map((e) => e.date);
    assert.deepEqual(daysOff(year), official, `year ${year}`);
  }
});
