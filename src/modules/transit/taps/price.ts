// priceServiceDay: the day's taps priced once per account (TRANSPORT.md §2: the price is computed centrally, usually
// once a day). The service day runs from the fare data's service_day_start (04:00 Vietnam time [U], x_settings.txt).
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../platform/auth/access.ts';
import { requireStaff } from '../../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../../platform/auth/roles.ts';
import { recordAudit, recordAudits } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { mapLimit } from '../../../platform/async/map-limit.ts';
import { type FareTable, loadGtfsFaresFromDir, priceDay, type Tap } from '../fares/index.ts';
import { chargeBalances, denyForDebt, fareProfiles } from '../riders/index.ts';
import { attemptCharge, type CardPayments, chargeReference, RETRY_DAYS } from './charges.ts';
import { TapErrors } from './errors.ts';
import { faresFromNetwork } from './fare-network.ts';
import { engineAccount } from './profile.ts';
import { asPlatformDb, type ChargeRow, type NewCharge, type TapRow, type TapsDb, tapsDb, tapsRepo, type TripRow } from './repo.ts';

export const FARES_FOLDER = fileURLToPath(new URL('../../../../data/transit/fares', import.meta.url));
let cached: FareTable | undefined;
export const currentFares = (): FareTable => (cached ??= loadGtfsFaresFromDir(FARES_FOLDER));

export interface PriceDayOptions {
  fares?: FareTable;
  payments?: CardPayments;
  now?: Date;
  /** Accounts per transaction (CHUNK_ACCOUNTS by default, at most 1,000). */
  chunkAccounts?: number;
  /** Called inside each chunk's transaction just before it commits (tests: a failure there rolls the chunk back). */
  beforeCommit?: (chunk: number) => void | Promise<void>;
}
export interface DayRunResult {
  serviceDay: string;
  alreadyPriced: boolean;
  taps: number;
  accounts: number;
  unmatchedTaps: number;
  total: number;
}

/** The instants the service day covers: [start, end). */
export function serviceDayWindow(fares: FareTable, day: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00${fares.utcOffset}`) + fares.serviceDayStartS * 1000);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

const localIso = (d: Date, offset: string): string => {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0] = offset.slice(1).split(':').map(Number);
  const shifted = new Date(d.getTime() + sign * (h * 60 + m) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
};

/** Accounts priced in one transaction: their reads, writes and audit rows travel in a few set-based statements. */
export const CHUNK_ACCOUNTS = 500;
/** Chunks priced at once: on PostgreSQL the pool's connections; PGlite has one connection, so one chunk at a time. */
const parallel = (platform: Platform): number => (platform.database.kind === 'postgres' ? 4 : 1);
const DAY_MS = 86_400_000;

interface Window {
  day: string;
  start: Date;
  end: Date;
  base: FareTable;
  net: Awaited<ReturnType<typeof faresFromNetwork>>;
  now: Date;
}

/**
 * One chunk of accounts, in one transaction: their taps, fare profiles and balances read set-based, the fare engine
 * run in memory, then their charges (an account already charged for the day is skipped: a re-run charges nobody
 * twice), trips, balance charges (ledger rows), the charges settled, audit rows and the deny list for debt — all
 * committed together or not at all. Answers the bank-card charges left for the payment adapter.
 */
async function priceChunk(platform: Platform, trx: TapsDb, user: SessionUser, w: Window, ids: readonly number[], opts: PriceDayOptions, index: number): Promise<ChargeRow[]> {
  const pdb = asPlatformDb(trx);
  const taps = await tapsRepo.tapsOfAccounts(trx, ids, w.start, w.end);
  const profiles = await fareProfiles(pdb, user, ids, w.day);
  const byAccount = new Map<number, TapRow[]>();
  for (const t of taps) {
    const list = byAccount.get(Number(t.account_id));
    if (list) list.push(t);
    else byAccount.set(Number(t.account_id), [t]);
  }
  const trips = new Map<number, Omit<TripRow, 'id'>[]>();
  const charges: NewCharge[] = [];
  for (const [accountId, list] of byAccount) {
    const profile = profiles.get(accountId);
    if (!profile) continue; // blocked since the day's accounts were listed: not priced, like a blocked medium's taps
    const operatorOf = new Map(list.map((t) => [t.tap_id, t.operator_code]));
    const engineTaps: Tap[] = list.map((t) => {
      const routeId = t.route_id ?? w.net.lineOfStation.get(t.stop_id);
      const fareNetwork = routeId === undefined ? undefined : w.net.routes.get(routeId)?.fareNetwork;
      return { id: t.tap_id, at: localIso(t.tapped_at, w.base.utcOffset), networkId: fareNetwork ?? 'unknown', ...(routeId === undefined ? {} : { routeId }), stopId: t.stop_id, direction: t.direction, mediumId: `${t.medium_kind}:${t.medium_key}` };
    });
    const result = priceDay(w.net.fares, engineAccount(profile), engineTaps, w.day);
    trips.set(accountId, result.charges.map((c) => ({
      service_day: w.day, account_id: accountId, operator_code: operatorOf.get(c.tapIds[0] ?? '') ?? '', network_id: c.networkId, route_id: c.routeId ?? null,
      rule_id: c.ruleId, amount: c.amount, explanation_vi: c.explanation.vi, explanation_en: c.explanation.en, tap_ids: c.tapIds,
    })));
    const card = list.find((t) => t.medium_kind === 'bank_card');
    const free = result.total === 0;
    charges.push({
      service_day: w.day, account_id: accountId, method: free ? 'none' : card ? 'bank_card' : 'balance', medium_key: card?.medium_key ?? null, amount: result.total,
      status: free ? 'paid' : 'pending', attempts: 0, next_attempt_at: free ? null : w.now, last_error: null, paid_at: free ? w.now : null,
    });
  }
  const created = await tapsRepo.insertCharges(trx, charges);
  await tapsRepo.insertTripsJson(trx, created.flatMap((c) => trips.get(Number(c.account_id)) ?? []));
  // The balance charges: the ledger rows name their charge, in the same transaction as the charge's new status.
  const fromBalance = created.filter((c) => c.method === 'balance' && Number(c.amount) > 0);
  const taken = await chargeBalances(pdb, user, fromBalance.map((c) => ({ accountId: Number(c.account_id), amount: Number(c.amount), reference: chargeReference(c) })));
  const paid = fromBalance.filter((c) => taken.get(Number(c.account_id))?.charged === true);
  const declined = fromBalance.filter((c) => taken.get(Number(c.account_id))?.charged !== true);
  const next = new Date(w.now.getTime() + (RETRY_DAYS[0] ?? 1) * DAY_MS);
  await tapsRepo.settleCharges(trx, paid.map((c) => c.id), { status: 'paid', attempts: 1, paid_at: w.now, next_attempt_at: null, last_error: null });
  await tapsRepo.settleCharges(trx, declined.map((c) => c.id), { status: 'declined', attempts: 1, next_attempt_at: next, last_error: 'balance too low' });
  await recordAudits(pdb, [
    ...paid.map((c) => ({ actor: user, action: 'transit.charge.paid', entity: 'transit_charge', entityId: c.id, data: { amount: Number(c.amount), attempts: 1 } })),
    ...declined.map((c) => ({ actor: user, action: 'transit.charge.declined', entity: 'transit_charge', entityId: c.id, data: { amount: Number(c.amount), attempts: 1, next: next.toISOString() } })),
  ]);
  for (const c of declined) await denyForDebt(platform, user, Number(c.account_id), pdb);
  await opts.beforeCommit?.(index);
  return created.filter((c) => c.method === 'bank_card' && c.status === 'pending');
}

export async function priceServiceDay(platform: Platform, actor: Actor, day: string, opts: PriceDayOptions = {}): Promise<DayRunResult> {
  const user = requireStaff(actor, Role.transitOfficer, Role.transitOperator);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw TapErrors.DAY_INVALID({ details: { day } });
  const base = opts.fares ?? currentFares();
  const { start, end } = serviceDayWindow(base, day);
  const now = opts.now ?? new Date();
  if (now < end) throw TapErrors.DAY_NOT_OVER({ details: { day, endsAt: end.toISOString() } });
  const db = tapsDb(platform.database.db);
  const done = await tapsRepo.dayRun(db, day);
  if (done) return { serviceDay: day, alreadyPriced: true, taps: done.taps, accounts: done.accounts, unmatchedTaps: done.unmatched_taps, total: Number(done.total) };
  const net = await faresFromNetwork(platform.database.db, base);
  await tapsRepo.startDayRun(db, day);
  // The day's accounts, less those an interrupted run already charged; then chunk after chunk, each its own transaction.
  const tapped = await tapsRepo.tappedAccounts(db, start, end);
  const charged = await tapsRepo.chargedAccounts(db, day);
  const todo = tapped.map((a) => a.account_id).filter((id) => !charged.has(id));
  const size = Math.max(1, Math.min(opts.chunkAccounts ?? CHUNK_ACCOUNTS, 1000));
  const chunks: number[][] = [];
  for (let i = 0; i < todo.length; i += size) chunks.push(todo.slice(i, i + size));
  const w: Window = { day, start, end, base, net, now };
  await mapLimit(chunks, parallel(platform), async (ids, index) => {
    const cards = await db.transaction().execute((trx) => priceChunk(platform, trx, user, w, ids, opts, index));
    for (const c of cards) await attemptCharge(platform, user, c, { payments: opts.payments, now });
  });
  // The day's totals, its clearing and its audit row, once every account is priced.
  const taps = await tapsRepo.admittedTaps(db, start, end);
  const matched = tapped.reduce((s, a) => s + a.taps, 0);
  const finished = await db.transaction().execute(async (trx) => {
    const totals = await tapsRepo.dayTotals(trx, day);
    const row = { taps, accounts: totals.accounts, unmatched_taps: taps - matched, total: totals.total };
    if (!(await tapsRepo.finishDayRun(trx, day, row))) return null; // finished by a concurrent run meanwhile
    await tapsRepo.clearDay(trx, day);
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.day.price', entity: 'transit_day_run', entityId: day, data: { taps, accounts: totals.accounts, unmatched: row.unmatched_taps, total: totals.total, chunks: chunks.length } });
    return row;
  });
  if (finished === null) return { ...(await priceServiceDay(platform, actor, day, opts)), alreadyPriced: true };
  return { serviceDay: day, alreadyPriced: false, taps, accounts: finished.accounts, unmatchedTaps: finished.unmatched_taps, total: finished.total };
}
