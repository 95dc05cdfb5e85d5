// Provisional public holidays of a year, generated from Labour Code 2019 Art. 111–112 for years whose official
// schedule has not been announced (or recorded) yet. The government fixes the Tết days and any swaps each year,
// so these entries are marked provisional and an administrator replaces them with the announced schedule.
//
// With the rules below the generator reproduces every statutory day off of the official 2023–2026 schedules;
// only the discretionary swaps (e.g. 29/4/2024 ↔ 4/5/2024) are missing, as they cannot be predicted.
import { type IsoDate, addDays, isWeekend, isoDate } from './dates.ts';
import { canChiYear, hungKingsDay, tetDate } from './lunar.ts';
import type { CalendarDayEntry, CalendarDayKind } from './schedule.ts';

export const GENERATED_SOURCE = 'Bộ luật Lao động 2019 Điều 111–112 (dự kiến, sinh tự động)';

interface Holiday {
  date: IsoDate;
  name: string;
}

function nextWeekday(date: IsoDate): IsoDate {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/**
 * The five Tết days off (Art. 112(1)(b) leaves the choice to the Prime Minister). Every announced break of
 * 2023–2026 gave civil servants five consecutive weekdays off, starting on the first weekday on or after the
 * day two days before Tết (28 or 29 Tháng Chạp), with the weekends inside and around them joining the break:
 * 2023 Fri 20/1–Thu 26/1, 2024 Thu 8/2–Wed 14/2, 2025 Mon 27/1–Fri 31/1, 2026 Mon 16/2–Fri 20/2.
 */
function tetDays(year: number): Holiday[] {
  const name = `Tết Nguyên đán ${canChiYear(year)}`;
  const days: Holiday[] = [];
  let d = nextWeekday(addDays(tetDate(year), -2));
  while (days.length < 5) {
    days.push({ date: d, name });
    d = nextWeekday(addDays(d, 1));
  }
  return days;
}

/**
 * National Day is 2/9 plus 1/9 or 3/9 (Art. 112(1)(đ)). We pick the adjacent day that is a weekday, preferring
 * one that joins a weekend, else 1/9: this matches 2023 (1/9), 2024 (3/9), 2025 (1/9) and 2026 (1/9).
 */
function nationalDayExtra(year: number): IsoDate {
  const before = isoDate({ y: year, m: 9, d: 1 });
  const after = isoDate({ y: year, m: 9, d: 3 });
  if (isWeekend(before)) return after;
  if (isWeekend(after)) return before;
  const joinsWeekend = (d: IsoDate): boolean => isWeekend(addDays(d, -1)) || isWeekend(addDays(d, 1));
  return !joinsWeekend(before) && joinsWeekend(after) ? after : before;
}

function statutoryHolidays(year: number): Holiday[] {
  const day = (m: number, d: number): IsoDate => isoDate({ y: year, m, d });
  return [
    { date: day(1, 1), name: 'Tết Dương lịch' },
    ...tetDays(year),
    { date: hungKingsDay(year), name: 'Giỗ Tổ Hùng Vương' },
    { date: day(4, 30), name: 'Ngày Chiến thắng 30/4' },
    { date: day(5, 1), name: 'Ngày Quốc tế Lao động 1/5' },
    { date: day(9, 2), name: 'Quốc khánh' },
    { date: nationalDayExtra(year), name: 'Quốc khánh' },
  ];
}

function entry(date: IsoDate, kind: CalendarDayKind, name: string, note = ''): CalendarDayEntry {
  return { date, kind, name, source: GENERATED_SOURCE, provisional: true, note };
}

/** Provisional holiday entries of `year` (Gregorian), sorted by date. */
export function generateHolidays(year: number): CalendarDayEntry[] {
  // Giỗ Tổ (10/3 lunar) can fall on 29/4 or even 30/4; two holidays on one date make one day off, as the
  // Labour Code gives no extra day for that case.
  const byDate = new Map<IsoDate, string>();
  for (const h of statutoryHolidays(year)) {
    const names = byDate.get(h.date);
    byDate.set(h.date, names === undefined || names.includes(h.name) ? h.name : `${names} và ${h.name}`);
  }
  const holidays = [...byDate].sort(([a], [b]) => (a < b ? -1 : 1));
  const entries = holidays.map(([date, name]) => entry(date, 'holiday', name));

  // Art. 111(3): a holiday on a weekly rest day is made up on the next working day, i.e. the next weekday that
  // is neither a holiday nor already given as a compensatory day (2023: 29/4 Sat and 30/4 Sun → 2/5 and 3/5).
  const taken = new Set(byDate.keys());
  for (const [date, name] of holidays) {
    if (!isWeekend(date)) continue;
    let d = nextWeekday(addDays(date, 1));
    while (taken.has(d)) d = nextWeekday(addDays(d, 1));
    taken.add(d);
    const [, m, dd] = date.split('-');
    entries.push(entry(d, 'compensatory_day_off', name, `nghỉ bù cho ngày ${dd}/${m} trùng ngày nghỉ hằng tuần`));
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
