// The only code that touches the calendar tables.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables, Timestamp } from '../../platform/db/index.ts';
import type { CalendarDayEntry, CalendarDayKind } from '../../platform/calendar/index.ts';

export type YearStatus = 'official' | 'provisional';

export type CalendarYearsTable = {
  year: number;
  status: YearStatus;
  source: Generated<string>;
  edited: Generated<boolean>;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  updated_at: Generated<Date>;
};

export type CalendarDaysTable = {
  id: Generated<number>;
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: Generated<string>;
  provisional: Generated<boolean>;
  note: Generated<string>;
  updated_by: string | null;
  updated_at: Generated<Date>;
};

export type CalendarTables = {
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
};

export type CalendarDb = Kysely<PlatformTables & CalendarTables>;
export type CalendarYear = Selectable<CalendarYearsTable>;
export type CalendarDay = Selectable<CalendarDaysTable>;

export function calendarDb(db: Kysely<PlatformTables>): CalendarDb {
  return db.withTables<CalendarTables>();
}

const yearStart = (year: number): string => `${year}-01-01`;
const yearEnd = (year: number): string => `${year}-12-31`;

export function toEntry(d: CalendarDay): CalendarDayEntry {
  return { date: d.date, kind: d.kind, name: d.name, source: d.source, provisional: d.provisional, note: d.note };
}

export const calendarRepo = {
  listYears(db: CalendarDb): Promise<CalendarYear[]> {
    return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  },

  findYear(db: CalendarDb, year: number): Promise<CalendarYear | undefined> {
    return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  },

  /** Locks the year's row so that two administrators editing one year apply their changes one after the other. */
  lockYear(db: CalendarDb, year: number): Promise<CalendarYear | undefined> {
    return db.selectFrom('calendar_years').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
  },

  /** Inserts the year unless another process did; true when this call inserted it. */
  async insertYear(db: CalendarDb, year: number, status: YearStatus, source: string): Promise<boolean> {
    const row = await db
      .insertInto('calendar_years')
      .values({ year, status, source })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    return row !== undefined;
  },

  async updateYear(
    db: CalendarDb,
    year: number,
    set: Partial<Pick<CalendarYear, 'status' | 'source' | 'edited' | 'confirmed_by' | 'confirmed_at'>>,
  ): Promise<void> {
    await db
      .updateTable('calendar_years')
      .set({ ...set, updated_at: new Date() })
      .where('year', '=', year)
      .execute();
  },

  allDays(db: CalendarDb): Promise<CalendarDay[]> {
    return db.selectFrom('calendar_days').selectAll().orderBy('date').orderBy('kind').execute();
  },

  daysOfYear(db: CalendarDb, year: number): Promise<CalendarDay[]> {
    return db
      .selectFrom('calendar_days')
      .selectAll()
      .where('date', '>=', yearStart(year))
      .where('date', '<=', yearEnd(year))
      .orderBy('date')
      .orderBy('kind')
      .execute();
  },

  findDay(db: CalendarDb, id: number): Promise<CalendarDay | undefined> {
    return db.selectFrom('calendar_days').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findDayByDateKind(db: CalendarDb, date: string, kind: CalendarDayKind): Promise<CalendarDay | undefined> {
    return db.selectFrom('calendar_days').selectAll().where('date', '=', date).where('kind', '=', kind).executeTakeFirst();
  },

  async insertDays(db: CalendarDb, entries: readonly CalendarDayEntry[], updatedBy: string | null): Promise<void> {
    if (entries.length === 0) return;
    await db
      .insertInto('calendar_days')
      .values(entries.map((e) => ({ ...e, updated_by: updatedBy })))
      .execute();
  },

  insertDay(db: CalendarDb, entry: CalendarDayEntry, updatedBy: string): Promise<CalendarDay> {
    return db
      .insertInto('calendar_days')
      .values({ ...entry, updated_by: updatedBy })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  updateDay(db: CalendarDb, id: number, entry: CalendarDayEntry, updatedBy: string): Promise<CalendarDay> {
    return db
      .updateTable('calendar_days')
      .set({ ...entry, updated_by: updatedBy, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async deleteDay(db: CalendarDb, id: number): Promise<void> {
    await db.deleteFrom('calendar_days').where('id', '=', id).execute();
  },

  async deleteDaysOfYear(db: CalendarDb, year: number): Promise<void> {
    await db.deleteFrom('calendar_days').where('date', '>=', yearStart(year)).where('date', '<=', yearEnd(year)).execute();
  },

  async setYearProvisional(db: CalendarDb, year: number, provisional: boolean): Promise<void> {
    await db
      .updateTable('calendar_days')
      .set({ provisional })
      .where('date', '>=', yearStart(year))
      .where('date', '<=', yearEnd(year))
      .execute();
  },
};
