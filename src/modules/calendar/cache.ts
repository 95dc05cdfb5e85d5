// The working calendar is read on every deadline computation, so each process keeps it in memory.
// Every change writes a new `calendar_version` into the platform settings in the same transaction; a process
// drops its copy at once after its own changes and, for changes made by other processes behind the load
// balancer, compares the version at most every CHECK_INTERVAL_MS.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getSetting, setSetting, type PlatformTables } from '../../platform/db/index.ts';
import { type CalendarDayEntry, WorkCalendar, generateHolidays } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { type CalendarYear, type YearStatus, calendarDb, calendarRepo, toEntry } from './repo.ts';

export const CALENDAR_VERSION_KEY = 'calendar_version';
export const CHECK_INTERVAL_MS = 3000;

/** One consistent view of the stored calendar. */
export interface CalendarSnapshot {
  calendar: WorkCalendar;
  /** Stored years; a year missing here is generated (provisional) on demand. */
  years: ReadonlyMap<number, CalendarYear>;
  entries: readonly CalendarDayEntry[];
  version: string | null;
}

/** Marks the stored calendar as changed; call inside the transaction that changes it. */
export async function bumpCalendarVersion(db: Kysely<PlatformTables>): Promise<void> {
  await setSetting(db, CALENDAR_VERSION_KEY, `${Date.now()}-${randomUUID()}`);
}

async function readVersion(db: Kysely<PlatformTables>): Promise<string | null> {
  return (await getSetting<string>(db, CALENDAR_VERSION_KEY)) ?? null;
}

async function load(db: Kysely<PlatformTables>): Promise<CalendarSnapshot> {
  // Version first: a change landing between the reads makes the next check reload, never miss it.
  const version = await readVersion(db);
  const cdb = calendarDb(db);
  const [years, days] = await Promise.all([calendarRepo.listYears(cdb), calendarRepo.allDays(cdb)]);
  const byYear = new Map(years.map((y) => [y.year, y]));
  const entries = days.map(toEntry);
  // A stored year is complete as stored, even with no entry left: only unknown years are generated.
  const calendar = new WorkCalendar(entries, { generate: (year) => (byYear.has(year) ? [] : generateHolidays(year)) });
  return { calendar, years: byYear, entries, version };
}

class CalendarCache {
  #snapshot: CalendarSnapshot | undefined;
  #checkedAt = 0;
  #loading: Promise<CalendarSnapshot> | undefined;
  #generation = 0;

  constructor(private readonly db: Kysely<PlatformTables>) {}

  async get(maxAgeMs: number): Promise<CalendarSnapshot> {
    const snap = this.#snapshot;
    if (snap && Date.now() - this.#checkedAt < maxAgeMs) return snap;
    if (snap && (await readVersion(this.db)) === snap.version && snap === this.#snapshot) {
      this.#checkedAt = Date.now();
      return snap;
    }
    return this.#load();
  }

  #load(): Promise<CalendarSnapshot> {
    if (this.#loading) return this.#loading;
    const generation = this.#generation;
    const loading = load(this.db).then((snap) => {
      if (generation === this.#generation) {
        this.#snapshot = snap;
        this.#checkedAt = Date.now();
      }
      return snap;
    });
    this.#loading = loading;
    const clear = (): void => {
      if (this.#loading === loading) this.#loading = undefined;
    };
    loading.then(clear, clear);
    return loading;
  }

  invalidate(): void {
    this.#generation++;
    this.#snapshot = undefined;
    this.#loading = undefined;
  }
}

const caches = new WeakMap<Platform, CalendarCache>();

function cacheOf(platform: Platform): CalendarCache {
  let c = caches.get(platform);
  if (!c) {
    c = new CalendarCache(platform.database.db);
    caches.set(platform, c);
  }
  return c;
}

export interface SnapshotOptions {
  /** How stale the copy may be before the stored version is compared again (default CHECK_INTERVAL_MS). */
  maxAgeMs?: number;
}

export function calendarSnapshot(platform: Platform, opts: SnapshotOptions = {}): Promise<CalendarSnapshot> {
  return cacheOf(platform).get(opts.maxAgeMs ?? CHECK_INTERVAL_MS);
}

/** Drops this process's copy; the next read loads the table again. */
export function invalidateCalendar(platform: Platform): void {
  cacheOf(platform).invalidate();
}

/** Status of a year in a snapshot: stored years as stored, other years are generated and so provisional. */
export function yearStatus(snap: CalendarSnapshot, year: number): YearStatus {
  return snap.years.get(year)?.status ?? 'provisional';
}
