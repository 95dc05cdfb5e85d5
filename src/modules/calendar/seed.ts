// Reference data of the calendar: the official 2023–2026 schedules shipped in data/holidays, and provisional
// years generated from the Labour Code up to a few years ahead. Runs at every start: a year already stored is left
// alone, so administrators' edits survive; the one exception is a generated year nobody has edited for which the
// software now ships the official schedule, which replaces the guess.
import { defaultEntries, officialYears, parseIsoDate, vietnamDateOf } from '../../platform/calendar/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { bumpCalendarVersion, invalidateCalendar } from './cache.ts';
import { type CalendarYear, type YearStatus, calendarDb, calendarRepo } from './repo.ts';

/** Provisional years are generated up to this many years after the current one (and at least to 2030). */
export const YEARS_AHEAD = 4;
const AT_LEAST_UNTIL = 2030;

function needsSeeding(year: number, row: CalendarYear | undefined, official: ReadonlySet<number>): boolean {
  if (!row) return true;
  return official.has(year) && row.status === 'provisional' && !row.edited;
}

export async function seedCalendar(platform: Platform, now = new Date()): Promise<number[]> {
  const db = calendarDb(platform.database.db);
  const official = new Set(officialYears());
  const first = Math.min(...official);
  const last = Math.max(parseIsoDate(vietnamDateOf(now)).y + YEARS_AHEAD, AT_LEAST_UNTIL);
  const wanted = new Set(official);
  for (let y = first; y <= last; y++) wanted.add(y);

  const stored = new Map((await calendarRepo.listYears(db)).map((r) => [r.year, r]));
  const todo = [...wanted].filter((y) => needsSeeding(y, stored.get(y), official)).sort((a, b) => a - b);
  if (todo.length === 0) return [];

  const seeded = await platform.database.db.transaction().execute(async (pdb) => {
    const trx = calendarDb(pdb);
    const done: number[] = [];
    for (const year of todo) {
      const status: YearStatus = official.has(year) ? 'official' : 'provisional';
      // Another process may be seeding at the same time: re-check under the row lock.
      const row = await calendarRepo.lockYear(trx, year);
      if (row) {
        if (!needsSeeding(year, row, official)) continue;
        await calendarRepo.deleteDaysOfYear(trx, year);
        await calendarRepo.updateYear(trx, year, { status });
      } else if (!(await calendarRepo.insertYear(trx, year, status, ''))) continue;
      await calendarRepo.insertDays(trx, defaultEntries([year]), null);
      done.push(year);
    }
    if (done.length > 0) {
      await recordAudit(pdb, {
        actor: { id: null, label: 'system' },
        action: 'calendar.seed',
        entity: 'calendar_year',
        data: { years: done },
      });
      await bumpCalendarVersion(pdb);
    }
    return done;
  });
  invalidateCalendar(platform);
  return seeded;
}
