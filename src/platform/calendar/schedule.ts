// Calendar day entries: the days on which the Mon–Fri working week does not apply.
// Weekends need no entry; an entry records a public holiday, a day off given in its place, a day off moved by a
// government swap, or a Saturday turned into a working day by such a swap. Entries are plain, serialisable rows
// (dates as 'YYYY-MM-DD') so they can be stored in a table and edited by an administrator.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidIsoDate, yearOf } from './dates.ts';
import { generateHolidays } from './holidays.ts';

export const CalendarDayKind = {
  /** A public holiday of Labour Code 2019 Art. 112, or a Tết day chosen by the government. */
  holiday: 'holiday',
  /** A day off given because a holiday fell on a weekly rest day (Labour Code 2019 Art. 111(3)). */
  compensatoryDayOff: 'compensatory_day_off',
  /** A working day turned into a day off by a government swap (hoán đổi), worked back on a Saturday. */
  swappedDayOff: 'swapped_day_off',
  /** A Saturday made a working day (ngày làm bù) to pay for a swapped day off. */
  workingSaturday: 'working_saturday',
} as const;
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];

const NON_WORKING_KINDS: ReadonlySet<CalendarDayKind> = new Set([
  CalendarDayKind.holiday,
  CalendarDayKind.compensatoryDayOff,
  CalendarDayKind.swappedDayOff,
]);

export function isNonWorkingKind(kind: CalendarDayKind): boolean {
  return NON_WORKING_KINDS.has(kind);
}

export const CalendarDayEntry = z.object({
  date: z.string().refine(isValidIsoDate, 'must be a date YYYY-MM-DD'),
  kind: z.enum([
    CalendarDayKind.holiday,
    CalendarDayKind.compensatoryDayOff,
    CalendarDayKind.swappedDayOff,
    CalendarDayKind.workingSaturday,
  ]),
  /** Vietnamese name of the occasion without the year, e.g. "Tết Nguyên đán Bính Ngọ", "Quốc khánh". */
  name: z.string().min(1),
  /** The decision or rule the day comes from, e.g. "CV 12729/VPCP-KGVX 25/12/2025". */
  source: z.string(),
  /** True for days generated from the Labour Code before the government has announced that year's schedule. */
  provisional: z.boolean(),
  note: z.string().default(''),
});
export type CalendarDayEntry = z.infer<typeof CalendarDayEntry>;

// day_kind values used in the shipped CSV. Rows of kind 'weekend' are Saturdays and Sundays inside a break:
// they are non-working anyway, so they carry no entry (and explanations can then say "weekend").
// 'holiday_or_compensatory' does not say which of the two a weekday was; both are days off, so we store 'holiday'.
const CSV_KINDS: Record<string, CalendarDayKind | null> = {
  weekend: null,
  holiday_on_weekend: CalendarDayKind.holiday,
  holiday_or_compensatory: CalendarDayKind.holiday,
  compensatory_day_off: CalendarDayKind.compensatoryDayOff,
  swapped_day_off: CalendarDayKind.swappedDayOff,
  makeup_working_day: CalendarDayKind.workingSaturday,
};

const SCHEDULE_COLUMNS = ['date', 'year', 'weekday_vi', 'occasion', 'day_kind', 'non_working', 'source', 'note'];

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** "Tết Nguyên đán Bính Ngọ 2026" → "Tết Nguyên đán Bính Ngọ"; "30/4 + 1/5 (2024)" → "30/4 + 1/5". */
function occasionName(occasion: string): string {
  return occasion.replace(/\s*\(?\d{4}\)?$/, '').trim();
}

/** Parses the schedule CSV (format of vn_civil_servant_holiday_schedule_2023_2026.csv) into entries. */
export function parseScheduleCsv(text: string): CalendarDayEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (header === undefined || csvFields(header).join(',') !== SCHEDULE_COLUMNS.join(',')) {
    throw new Error(`schedule CSV must start with the header ${SCHEDULE_COLUMNS.join(',')}`);
  }
  const entries: CalendarDayEntry[] = [];
  rows.forEach((line, i) => {
    const [date = '', , , occasion = '', dayKind = '', nonWorking = '', source = '', note = ''] = csvFields(line);
    if (!(dayKind in CSV_KINDS)) throw new Error(`schedule CSV line ${i + 2}: unknown day_kind "${dayKind}"`);
    const kind = CSV_KINDS[dayKind] ?? null;
    if (kind === null) return;
    if ((nonWorking === 'yes') !== isNonWorkingKind(kind)) {
      throw new Error(`schedule CSV line ${i + 2}: day_kind ${dayKind} contradicts non_working=${nonWorking}`);
    }
    entries.push(CalendarDayEntry.parse({ date, kind, name: occasionName(occasion), source, provisional: false, note }));
  });
  return entries;
}

const SCHEDULE_FILE = new URL(
  '../../../data/holidays/vn_civil_servant_holiday_schedule_2023_2026.csv',
  import.meta.url,
);
let official: readonly CalendarDayEntry[] | undefined;

/** The officially announced entries shipped in data/holidays (2023–2026). */
export function officialEntries(): readonly CalendarDayEntry[] {
  official ??= Object.freeze(parseScheduleCsv(readFileSync(SCHEDULE_FILE, 'utf8')));
  return official;
}

/** Years for which the shipped data holds the official schedule. */
export function officialYears(): number[] {
  return [...new Set(officialEntries().map((e) => yearOf(e.date)))].sort((a, b) => a - b);
}

/**
 * Entries to seed a calendar with: the official ones for years that have them, and provisional ones generated
 * from the Labour Code for the other years.
 */
export function defaultEntries(years: Iterable<number>): CalendarDayEntry[] {
  const known = new Set(officialYears());
  const out: CalendarDayEntry[] = [];
  for (const year of new Set(years)) {
    if (!known.has(year)) out.push(...generateHolidays(year));
    else out.push(...officialEntries().filter((e) => yearOf(e.date) === year).map((e) => ({ ...e })));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
