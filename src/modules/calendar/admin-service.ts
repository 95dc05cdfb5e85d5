// Administrators keep the yearly schedules: add, edit and delete day entries, and confirm a provisional year as
// official once the government has announced it. Each change locks its year, writes the audit row and a new
// calendar version in one transaction, then drops this process's cached calendar.
import type { Kysely } from 'kysely';
import {
  CalendarDayKind,
  type CalendarDayEntry,
  defaultEntries,
  isWeekend,
  officialYears,
  parseIsoDate,
} from '../../platform/calendar/index.ts';
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { bumpCalendarVersion, invalidateCalendar } from './cache.ts';
import { CalendarErrors } from './errors.ts';
import { type Errors, MAX_YEAR, MIN_YEAR, parseDate } from './input.ts';
import { DAY_FIELDS, inputErrors as m } from './messages.ts';
import { type CalendarDay, type CalendarDb, type CalendarYear, calendarDb, calendarRepo } from './repo.ts';

export interface DayInput {
  date?: unknown;
  kind?: unknown;
  name?: unknown;
  source?: unknown;
  note?: unknown;
}

export interface AdminYearView {
  years: CalendarYear[];
  year: number;
  row: CalendarYear | undefined;
  days: CalendarDay[];
  /** For a year not stored yet: the entries it would get (generated, or shipped), shown read-only. */
  preview: CalendarDayEntry[];
}

const KINDS: readonly string[] = Object.values(CalendarDayKind);
const LIMITS = { name: 200, source: 300, note: 1000 } as const;

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Validates a day entry (without its provisional flag, which follows the year). */
export function validateDay(input: DayInput): Omit<CalendarDayEntry, 'provisional'> {
  const errors: Errors = [];
  const date = parseDate(errors, 'date', DAY_FIELDS.date, input.date, [MIN_YEAR, MAX_YEAR]);
  const kind = str(input.kind);
  if (kind === '') errors.push({ field: 'kind', message: m.missing(DAY_FIELDS.kind) });
  else if (!KINDS.includes(kind)) errors.push({ field: 'kind', message: m.kind(DAY_FIELDS.kind) });
  const name = str(input.name);
  if (name === '') errors.push({ field: 'name', message: m.missing(DAY_FIELDS.name) });
  for (const f of ['name', 'source', 'note'] as const) {
    if (str(input[f]).length > LIMITS[f]) errors.push({ field: f, message: m.tooLong(DAY_FIELDS[f], LIMITS[f]) });
  }
  if (date !== undefined && kind === CalendarDayKind.workingSaturday && !isWeekend(date)) {
    errors.push({ field: 'date', message: m.notWeekend(DAY_FIELDS.date) });
  }
  if (errors.length > 0 || date === undefined) throw CalendarErrors.INVALID_DAY({ fields: errors });
  return { date, kind: kind as CalendarDayKind, name, source: str(input.source), note: str(input.note) };
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw CalendarErrors.INVALID_YEAR();
}

const yearOf = (date: string): number => parseIsoDate(date).y;

/**
 * Locks the year, first storing it (with its generated or shipped entries) if it was not stored yet: an edit of a
 * year the table did not hold must not make the calendar forget that year's holidays.
 */
async function lockOrCreateYear(tx: Tx, user: SessionUser, year: number): Promise<CalendarYear> {
  const trx = tx.c;
  const found = await calendarRepo.lockYear(trx, year);
  if (found) return found;
  const status = officialYears().includes(year) ? 'official' : 'provisional';
  if (await calendarRepo.insertYear(trx, year, status, '')) {
    const entries = defaultEntries([year]);
    await calendarRepo.insertDays(trx, entries, null);
    await audit(tx, user, 'calendar.year.create', 'calendar_year', year, { after: { year, status, entries: entries.length } });
  }
  const row = await calendarRepo.lockYear(trx, year);
  if (!row) throw new Error(`calendar year ${year} vanished while locked`);
  return row;
}

/** One transaction seen through the platform's tables (audit, settings) and through the calendar's. */
interface Tx {
  p: Kysely<PlatformTables>;
  c: CalendarDb;
}

function audit(
  tx: Tx,
  user: SessionUser,
  action: string,
  entity: string,
  entityId: string | number,
  data: Record<string, unknown>,
  ip?: string | null,
): Promise<void> {
  return recordAudit(tx.p, { actor: user, action, entity, entityId, ip: ip ?? null, data });
}

async function inTransaction<T>(platform: Platform, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await platform.database.db.transaction().execute(async (trx) => {
    const out = await work({ p: trx, c: calendarDb(trx) });
    await bumpCalendarVersion(trx);
    return out;
  });
  invalidateCalendar(platform);
  return result;
}

function duplicate(): never {
  const fields: FieldError[] = [{ field: 'date', message: m.duplicate(DAY_FIELDS.date) }];
  throw CalendarErrors.DUPLICATE_DAY({ fields });
}

export async function adminYearView(platform: Platform, actor: Actor, year: number): Promise<AdminYearView> {
  requireStaff(actor, 'admin');
  checkYear(year);
  const db = calendarDb(platform.database.db);
  const years = await calendarRepo.listYears(db);
  const row = years.find((y) => y.year === year);
  const days = await calendarRepo.daysOfYear(db, year);
  return { years, year, row, days, preview: row ? [] : defaultEntries([year]) };
}

export async function findDayForEdit(platform: Platform, actor: Actor, id: number): Promise<CalendarDay> {
  requireStaff(actor, 'admin');
  const day = await calendarRepo.findDay(calendarDb(platform.database.db), id);
  if (!day) throw CalendarErrors.DAY_NOT_FOUND();
  return day;
}

export async function addDay(platform: Platform, actor: Actor, input: DayInput, ip?: string): Promise<CalendarDay> {
  const user = requireStaff(actor, 'admin');
  const entry = validateDay(input);
  return inTransaction(platform, async (tx) => {
    const trx = tx.c;
    const year = await lockOrCreateYear(tx, user, yearOf(entry.date));
    if (await calendarRepo.findDayByDateKind(trx, entry.date, entry.kind)) duplicate();
    const day = await calendarRepo.insertDay(trx, { ...entry, provisional: year.status === 'provisional' }, user.username);
    await calendarRepo.updateYear(trx, year.year, { edited: true });
    await audit(tx, user, 'calendar.day.create', 'calendar_day', day.id, { before: null, after: day }, ip);
    return day;
  });
}

export async function updateDay(platform: Platform, actor: Actor, id: number, input: DayInput, ip?: string): Promise<CalendarDay> {
  const user = requireStaff(actor, 'admin');
  const entry = validateDay(input);
  return inTransaction(platform, async (tx) => {
    const trx = tx.c;
    const current = await calendarRepo.findDay(trx, id);
    if (!current) throw CalendarErrors.DAY_NOT_FOUND();
    // Lock in year order so two administrators moving days between the same years cannot deadlock.
    const years = [...new Set([yearOf(current.date), yearOf(entry.date)])].sort((a, b) => a - b);
    const locked = new Map<number, CalendarYear>();
    for (const y of years) locked.set(y, await lockOrCreateYear(tx, user, y));
    const before = await calendarRepo.findDay(trx, id);
    if (!before) throw CalendarErrors.DAY_NOT_FOUND();
    const clash = await calendarRepo.findDayByDateKind(trx, entry.date, entry.kind);
    if (clash && clash.id !== id) duplicate();
    const target = locked.get(yearOf(entry.date));
    const after = await calendarRepo.updateDay(trx, id, { ...entry, provisional: target?.status !== 'official' }, user.username);
    for (const y of years) await calendarRepo.updateYear(trx, y, { edited: true });
    await audit(tx, user, 'calendar.day.update', 'calendar_day', id, { before, after }, ip);
    return after;
  });
}

export async function deleteDay(platform: Platform, actor: Actor, id: number, ip?: string): Promise<CalendarDay> {
  const user = requireStaff(actor, 'admin');
  return inTransaction(platform, async (tx) => {
    const trx = tx.c;
    const current = await calendarRepo.findDay(trx, id);
    if (!current) throw CalendarErrors.DAY_NOT_FOUND();
    await lockOrCreateYear(tx, user, yearOf(current.date));
    const before = await calendarRepo.findDay(trx, id);
    if (!before) throw CalendarErrors.DAY_NOT_FOUND();
    await calendarRepo.deleteDay(trx, id);
    await calendarRepo.updateYear(trx, yearOf(before.date), { edited: true });
    await audit(tx, user, 'calendar.day.delete', 'calendar_day', id, { before, after: null }, ip);
    return before;
  });
}

/** Records that the government has announced `year`'s schedule: the year and all its entries become official. */
export async function confirmYear(
  platform: Platform,
  actor: Actor,
  year: number,
  input: { decision?: unknown },
  ip?: string,
): Promise<CalendarYear> {
  const user = requireStaff(actor, 'admin');
  checkYear(year);
  const source = str(input.decision);
  const errors: Errors = [];
  if (source === '') errors.push({ field: 'decision', message: m.missing(DAY_FIELDS.decision) });
  else if (source.length > LIMITS.source) errors.push({ field: 'decision', message: m.tooLong(DAY_FIELDS.decision, LIMITS.source) });
  if (errors.length > 0) throw CalendarErrors.INVALID_DAY({ fields: errors });
  return inTransaction(platform, async (tx) => {
    const trx = tx.c;
    const before = await lockOrCreateYear(tx, user, year);
    await calendarRepo.updateYear(trx, year, {
      status: 'official',
      source,
      edited: true,
      confirmed_by: user.username,
      confirmed_at: new Date(),
    });
    await calendarRepo.setYearProvisional(trx, year, false);
    const after = await calendarRepo.findYear(trx, year);
    await audit(tx, user, 'calendar.year.confirm', 'calendar_year', year, { before, after }, ip);
    if (!after) throw new Error(`calendar year ${year} vanished while locked`);
    return after;
  });
}
