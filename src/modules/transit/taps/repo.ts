// The only code touching the taps tables (migrations/0048_transit_taps.sql).
import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import { insertJsonRows, type PlatformTables } from '../../../platform/db/index.ts';

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
  /** 'running' from the first chunk of accounts until the day's totals and clearing are written (migration 0052). */
  status: 'running' | 'done';
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
export type NewCharge = Omit<ChargeRow, 'id' | 'attempts' | 'created_at'> & { attempts: number };
export type NewTap = Omit<TapRow, 'received_at'> & { received_at: Date };

const TRIP_COLUMNS = [
  ['service_day', 'date'], ['account_id', 'bigint'], ['operator_code', 'text'], ['network_id', 'text'], ['route_id', 'text'], ['rule_id', 'text'],
  ['amount', 'bigint'], ['explanation_vi', 'text'], ['explanation_en', 'text'], ['tap_ids', 'text[]'],
] as const;

export const tapsRepo = {
  existingIds: async (db: TapsDb, ids: readonly string[]): Promise<Set<string>> =>
    ids.length === 0 ? new Set() : new Set((await db.selectFrom('transit_taps').select('tap_id').where('tap_id', 'in', ids).execute()).map((r) => r.tap_id)),
  /** Inserts the taps not stored yet; answers the ids that were new. */
  insertTaps: async (db: TapsDb, rows: readonly NewTap[]): Promise<string[]> =>
    rows.length === 0 ? [] : (await db.insertInto('transit_taps').values(rows.map((r) => ({ ...r }))).onConflict((oc) => oc.column('tap_id').doNothing()).returning('tap_id').execute()).map((r) => r.tap_id),
  tapsBetween: (db: TapsDb, from: Date, to: Date) =>
    db.selectFrom('transit_taps').selectAll().where('tapped_at', '>=', from).where('tapped_at', '<', to).orderBy('tapped_at').orderBy('tap_id').execute(),
  /** The day's run once it is done (priced); a day still 'running' is not priced yet. */
  dayRun: (db: TapsDb, day: string) => db.selectFrom('transit_day_runs').selectAll().where('service_day', '=', day).where('status', '=', 'done').executeTakeFirst(),
  /** The day's run row, 'running', unless there is one already (a run resumed after a crash, or a concurrent one). */
  startDayRun: (db: TapsDb, day: string) =>
    db.insertInto('transit_day_runs').values({ service_day: day, status: 'running', taps: 0, accounts: 0, unmatched_taps: 0, total: 0 }).onConflict((oc) => oc.column('service_day').doNothing()).execute(),
  /** Marks the day done with its totals; answers undefined if a concurrent run did it first. */
  finishDayRun: (db: TapsDb, day: string, row: { taps: number; accounts: number; unmatched_taps: number; total: number }) =>
    db.updateTable('transit_day_runs').set({ ...row, status: 'done', finished_at: new Date() }).where('service_day', '=', day).where('status', '=', 'running').returning('service_day').executeTakeFirst(),
  /** Each account with admitted taps in [from, to) through an active medium of an active account, with its number of taps. */
  tappedAccounts: async (db: TapsDb, from: Date, to: Date): Promise<{ account_id: number; taps: number }[]> =>
    (await sql<{ account_id: number; taps: number }>`select m.account_id, count(*)::int as taps from transit_taps t
      join transit_media m on m.kind = t.medium_kind and m.media_key = t.medium_key and m.status = 'active'
      join transit_accounts a on a.id = m.account_id and a.status = 'active'
      where t.tapped_at >= ${from} and t.tapped_at < ${to} and t.decision = 'admit'
      group by m.account_id order by m.account_id`.execute(db)).rows.map((r) => ({ account_id: Number(r.account_id), taps: Number(r.taps) })),
  admittedTaps: async (db: TapsDb, from: Date, to: Date): Promise<number> =>
    Number((await db.selectFrom('transit_taps').select((eb) => eb.fn.countAll<string>().as('n')).where('tapped_at', '>=', from).where('tapped_at', '<', to).where('decision', '=', 'admit').executeTakeFirst())?.n ?? 0),
  /** The accounts with a charge for the day already (priced by an earlier, interrupted run). */
  chargedAccounts: async (db: TapsDb, day: string): Promise<Set<number>> =>
    new Set((await db.selectFrom('transit_charges').select('account_id').where('service_day', '=', day).execute()).map((r) => Number(r.account_id))),
  /** The admitted taps in [from, to) of a chunk's accounts, through their active media, in time order. */
  tapsOfAccounts: async (db: TapsDb, ids: readonly number[], from: Date, to: Date): Promise<(TapRow & { account_id: number })[]> =>
    ids.length === 0
      ? []
      : (
          await sql<TapRow & { account_id: number }>`select t.*, m.account_id from transit_media m
      join transit_taps t on t.medium_key = m.media_key and t.medium_kind = m.kind
      where m.account_id = any(${[...ids]}::bigint[]) and m.status = 'active' and t.tapped_at >= ${from} and t.tapped_at < ${to} and t.decision = 'admit'
      order by t.tapped_at, t.tap_id`.execute(db)
        ).rows,
  /** Inserts a chunk's charges (one JSON parameter); an account already charged for the day is skipped and not answered. */
  insertCharges: async (db: TapsDb, rows: readonly NewCharge[]): Promise<ChargeRow[]> =>
    rows.length === 0
      ? []
      : (
          await sql<ChargeRow>`insert into transit_charges (service_day, account_id, method, medium_key, amount, status, attempts, next_attempt_at, last_error, paid_at)
      select service_day, account_id, method, medium_key, amount, status, attempts, next_attempt_at, last_error, paid_at from json_to_recordset(${JSON.stringify(rows)}::json)
        as x(service_day date, account_id bigint, method text, medium_key text, amount bigint, status text, attempts int, next_attempt_at timestamptz, last_error text, paid_at timestamptz)
      on conflict (account_id, service_day) do nothing returning *`.execute(db)
        ).rows,
  /** A chunk's charges after their balance charge: paid, or declined with the retry time. */
  settleCharges: async (db: TapsDb, ids: readonly number[], set: Partial<Omit<ChargeRow, 'id'>>): Promise<void> => {
    if (ids.length > 0) await db.updateTable('transit_charges').set(set).where(sql<boolean>`id = any(${[...ids]}::bigint[])`).execute();
  },
  /** The day's clearing from its trips, one row per operator (each trip's revenue to the operator of its first tap). */
  clearDay: (db: TapsDb, day: string) =>
    sql`insert into transit_clearing (operator_code, service_day, trips, revenue, revenue_by_rule)
      select operator_code, ${day}::date, sum(n)::int, sum(revenue)::bigint, jsonb_object_agg(rule_id, revenue)
      from (select operator_code, rule_id, count(*) as n, sum(amount)::bigint as revenue from transit_trips where service_day = ${day}::date group by operator_code, rule_id) r
      group by operator_code
      on conflict (operator_code, service_day) do nothing`.execute(db),
  dayTotals: async (db: TapsDb, day: string): Promise<{ accounts: number; total: number }> => {
    const r = await db.selectFrom('transit_charges').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('s')]).where('service_day', '=', day).executeTakeFirst();
    return { accounts: Number(r?.n ?? 0), total: Number(r?.s ?? 0) };
  },
  /** A chunk's trips in one statement: the rows travel as one JSON parameter (no limit of bind parameters). */
  insertTripsJson: (db: TapsDb, rows: readonly Omit<TripRow, 'id'>[]) =>
    insertJsonRows(asPlatformDb(db), 'transit_trips', TRIP_COLUMNS, rows),
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
