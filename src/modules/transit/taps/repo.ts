// The only code touching the taps tables (migrations/0048_transit_taps.sql).
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';

interface TapsTable {
  tap_id: string;
  validator_id: string;
  operator_code: string;
  medium_kind: string;
  medium_key: string;
  tapped_at: Date;
  received_at: Generated<Date>;
  direction: 'on' | 'off';
  route_id: string | null;
  stop_id: string;
  decision: 'admit' | 'deny';
  signature_ok: boolean;
  flags: string[];
}
interface DayRunsTable {
  service_day: string;
  status: 'done';
  taps: number;
  accounts: number;
  unmatched_taps: number;
  total: number;
  started_at: Generated<Date>;
  finished_at: Generated<Date>;
}
interface TripsTable {
  id: Generated<number>;
  service_day: string;
  account_id: number;
  operator_code: string;
  network_id: string;
  route_id: string | null;
  rule_id: string;
  amount: number;
  explanation_vi: string;
  explanation_en: string;
  tap_ids: string[];
}
export type ChargeStatus = 'pending' | 'paid' | 'declined' | 'written_off';
interface ChargesTable {
  id: Generated<number>;
  service_day: string;
  account_id: number;
  method: 'balance' | 'bank_card' | 'none';
  medium_key: string | null;
  amount: number;
  status: ChargeStatus;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  last_error: string | null;
  paid_at: Date | null;
  created_at: Generated<Date>;
}
interface ClearingTable {
  operator_code: string;
  service_day: string;
  trips: number;
  revenue: number;
  revenue_by_rule: Record<string, number>;
}
export type TapsTables = {
  transit_taps: TapsTable;
  transit_day_runs: DayRunsTable;
  transit_trips: TripsTable;
  transit_charges: ChargesTable;
  transit_clearing: ClearingTable;
};
export type TapsDb = Kysely<PlatformTables & TapsTables>;
export type TapRow = Selectable<TapsTable>;
export type ChargeRow = Selectable<ChargesTable>;
export type TripRow = Selectable<TripsTable>;
export const tapsDb = (db: Kysely<PlatformTables>): TapsDb => db as unknown as TapsDb;
export const asPlatformDb = (db: TapsDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;
export type NewTap = Omit<TapRow, 'received_at'> & { received_at: Date };

export const tapsRepo = {
  existingIds: async (db: TapsDb, ids: readonly string[]): Promise<Set<string>> =>
    ids.length === 0 ? new Set() : new Set((await db.selectFrom('transit_taps').select('tap_id').where('tap_id', 'in', ids).execute()).map((r) => r.tap_id)),
  /** Inserts the taps not stored yet; answers the ids that were new. */
  insertTaps: async (db: TapsDb, rows: readonly NewTap[]): Promise<string[]> =>
    rows.length === 0 ? [] : (await db.insertInto('transit_taps').values(rows.map((r) => ({ ...r }))).onConflict((oc) => oc.column('tap_id').doNothing()).returning('tap_id').execute()).map((r) => r.tap_id),
  tapsBetween: (db: TapsDb, from: Date, to: Date) =>
    db.selectFrom('transit_taps').selectAll().where('tapped_at', '>=', from).where('tapped_at', '<', to).orderBy('tapped_at').orderBy('tap_id').execute(),
  dayRun: (db: TapsDb, day: string) => db.selectFrom('transit_day_runs').selectAll().where('service_day', '=', day).executeTakeFirst(),
  insertDayRun: (db: TapsDb, row: Omit<Selectable<DayRunsTable>, 'started_at' | 'finished_at'>) =>
    db.insertInto('transit_day_runs').values(row).onConflict((oc) => oc.column('service_day').doNothing()).returning('service_day').executeTakeFirst(),
  /** In slices of 2,000 rows: one statement may bind at most 65,535 parameters (11 a trip), which a city's day passes. */
  async insertTrips(db: TapsDb, rows: Omit<TripRow, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) await db.insertInto('transit_trips').values(rows.slice(i, i + 2000)).execute();
  },
  insertCharge: (db: TapsDb, row: Omit<ChargeRow, 'id' | 'attempts' | 'created_at'> & { attempts: number }) => db.insertInto('transit_charges').values(row).returningAll().executeTakeFirstOrThrow(),
  dueCharges: (db: TapsDb, now: Date) =>
    db.selectFrom('transit_charges').selectAll().where('status', 'in', ['pending', 'declined']).where('next_attempt_at', '<=', now).orderBy('id').execute(),
  updateCharge: (db: TapsDb, id: number, set: Partial<Omit<ChargeRow, 'id'>>) => db.updateTable('transit_charges').set(set).where('id', '=', id).execute(),
  chargesOf: (db: TapsDb, accountId: number) => db.selectFrom('transit_charges').selectAll().where('account_id', '=', accountId).orderBy('service_day').execute(),
  tripsOf: (db: TapsDb, day: string, operator?: string) => {
    const q = db.selectFrom('transit_trips').selectAll().where('service_day', '=', day);
    return (operator === undefined ? q : q.where('operator_code', '=', operator)).orderBy('id').execute();
  },
  upsertClearing: (db: TapsDb, row: Selectable<ClearingTable>) =>
    db.insertInto('transit_clearing').values({ ...row, revenue_by_rule: JSON.stringify(row.revenue_by_rule) as unknown as Record<string, number> }).onConflict((oc) => oc.columns(['operator_code', 'service_day']).doNothing()).execute(),
  clearing: (db: TapsDb, operator: string, day: string) => db.selectFrom('transit_clearing').selectAll().where('operator_code', '=', operator).where('service_day', '=', day).executeTakeFirst(),
  /** The account's service days with trips from `fromDay` on, newest first, one page of them. */
  tripDaysOf: async (db: TapsDb, accountId: number, fromDay: string, limit: number, offset: number): Promise<{ days: string[]; total: number }> => {
    const base = db.selectFrom('transit_trips').where('account_id', '=', accountId).where('service_day', '>=', fromDay);
    const rows = await base.select('service_day').distinct().orderBy('service_day', 'desc').limit(limit).offset(offset).execute();
    const count = await base.select((eb) => eb.fn.count<string>('service_day').distinct().as('n')).executeTakeFirst();
    return { days: rows.map((r) => dayText(r.service_day)), total: Number(count?.n ?? 0) };
  },
  tripsOfDays: (db: TapsDb, accountId: number, days: readonly string[]) =>
    days.length === 0 ? Promise.resolve([]) : db.selectFrom('transit_trips').selectAll().where('account_id', '=', accountId).where('service_day', 'in', days).orderBy('service_day', 'desc').orderBy('id').execute(),
  chargesOfDays: (db: TapsDb, accountId: number, days: readonly string[]) =>
    days.length === 0 ? Promise.resolve([]) : db.selectFrom('transit_charges').selectAll().where('account_id', '=', accountId).where('service_day', 'in', days).execute(),
  findTrip: (db: TapsDb, id: number) => db.selectFrom('transit_trips').selectAll().where('id', '=', id).executeTakeFirst(),
  tapsByIds: (db: TapsDb, ids: readonly string[]) => (ids.length === 0 ? Promise.resolve([]) : db.selectFrom('transit_taps').selectAll().where('tap_id', 'in', ids).orderBy('tapped_at').orderBy('tap_id').execute()),
};

/** A `date` column as YYYY-MM-DD whichever way the driver hands it back. */
export const dayText = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
