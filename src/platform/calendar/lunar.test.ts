import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { addDays, dayNumber, fromDayNumber, parseIsoDate, weekday } from './dates.ts';
import { canChiYear, hungKingsDay, lunarToSolar, solarToLunar, tetDate } from './lunar.ts';

// The app's copy of shared/data/holidays/tet_dates_1990_2030.csv (two independent sources agree on every row).
const csv = readFileSync(new URL('../../../data/holidays/tet_dates_1990_2030.csv', import.meta.url), 'utf8');
const rows = csv
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [year, tet, weekdayName, chinese, differs, canChi, hung] = line.split(',');
    return { year: Number(year), tet, weekdayName, chinese, differs, canChi, hung };
  });
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

test('the Tết table has all 41 years 1990–2030', () => {
  assert.equal(rows.length, 41);
  assert.deepEqual([rows[0]?.year, rows.at(-1)?.year], [1990, 2030]);
});

for (const r of rows) {
  test(`${r.year}: Tết ${r.tet}, Giỗ Tổ ${r.hung}, ${r.canChi}`, () => {
    assert.equal(tetDate(r.year), r.tet);
    assert.equal(EN_WEEKDAYS[weekday(tetDate(r.year))], r.weekdayName);
    assert.equal(hungKingsDay(r.year), r.hung);
    assert.equal(canChiYear(r.year), r.canChi);
    assert.deepEqual(solarToLunar(parseIsoDate(r.tet ?? '')), { day: 1, month: 1, year: r.year, leap: false });
    // The eve of Tết is the last day of month 12 of the previous lunar year.
    const eve = solarToLunar(parseIsoDate(addDays(r.tet ?? '', -1)));
    assert.deepEqual([eve.month, eve.year, eve.leap], [12, r.year - 1, false]);
  });
}

test('Vietnam (UTC+7) and China (UTC+8) differ in 2007 and 2030 only', () => {
  assert.equal(tetDate(2007), '2007-02-17');
  assert.equal(tetDate(2030), '2030-02-02');
  const differing = rows.filter((r) => r.differs === 'yes').map((r) => r.year);
  assert.deepEqual(differing, [2007, 2030]);
  for (const r of rows) assert.equal(tetDate(r.year) === r.chinese, r.differs === 'no');
});

test('leap months: 4/2020, 2/2023, 6/2025', () => {
  assert.deepEqual(solarToLunar({ y: 2020, m: 5, d: 23 }), { day: 1, month: 4, year: 2020, leap: true });
  assert.deepEqual(solarToLunar({ y: 2023, m: 3, d: 22 }), { day: 1, month: 2, year: 2023, leap: true });
  assert.deepEqual(solarToLunar({ y: 2025, m: 7, d: 25 }), { day: 1, month: 6, year: 2025, leap: true });
  assert.deepEqual(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true }), { y: 2025, m: 7, d: 25 });
  assert.deepEqual(lunarToSolar({ day: 1, month: 6, year: 2025, leap: false }), { y: 2025, m: 6, d: 25 });
});

test('lunarToSolar refuses lunar dates that do not exist', () => {
  assert.throws(() => lunarToSolar({ day: 1, month: 5, year: 2025, leap: true }), RangeError);
  assert.throws(() => lunarToSolar({ day: 1, month: 3, year: 2024, leap: true }), RangeError);
  // Tháng Chạp of Ất Tỵ (ending 16/02/2026) has 29 days.
  assert.throws(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false }), RangeError);
  assert.throws(() => tetDate(1700), RangeError);
});

test('solar → lunar → solar is the identity for every day of 2019–2031', () => {
  for (let n = dayNumber('2019-01-01'); n <= dayNumber('2031-12-31'); n++) {
    const solar = parseIsoDate(fromDayNumber(n));
    assert.deepEqual(lunarToSolar(solarToLunar(solar)), solar);
  }
});
