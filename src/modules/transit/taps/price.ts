// priceServiceDay: the day's taps priced once per account (TRANSPORT.md §2: the price is computed centrally, usually
// once a day). The service day runs from the fare data's service_day_start (04:00 Vietnam time [U], x_settings.txt).
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../platform/auth/access.ts';
import { requireStaff } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { mapLimit } from '../../../platform/async/map-limit.ts';
import { type FareTable, loadGtfsFaresFromDir, priceDay, type Tap } from '../fares/index.ts';
import { accountOfMedium, fareProfile, type MediumKind } from '../riders/index.ts';
import { attemptCharge, type CardPayments } from './charges.ts';
import { buildClearing } from './clearing.ts';
import { TapErrors } from './errors.ts';
import { faresFromNetwork } from './fare-network.ts';
import { engineAccount } from './profile.ts';
import { asPlatformDb, type ChargeRow, type TapRow, tapsDb, tapsRepo, type TripRow } from './repo.ts';

export const FARES_FOLDER = fileURLToPath(new URL('../../../../data/transit/fares', import.meta.url));
let cached: FareTable | undefined;
export const currentFares = (): FareTable => (cached ??= loadGtfsFaresFromDir(FARES_FOLDER));

export interface PriceDayOptions {
  fares?: FareTable;
  payments?: CardPayments;
  now?: Date;
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

/** Accounts are priced this many at once: the pool's connections on PostgreSQL, PGlite's one connection otherwise. */
const parallel = (platform: Platform): number => (platform.database.kind === 'postgres' ? 4 : 1);

async function accountsOf(platform: Platform, actor: Actor, taps: TapRow[]): Promise<{ byAccount: Map<number, TapRow[]>; unmatched: number }> {
  const byMedium = new Map<string, TapRow[]>();
  for (const t of taps) {
    const k = `${t.medium_kind}\n${t.medium_key}`;
    const list = byMedium.get(k);
    if (list) list.push(t);
    else byMedium.set(k, [t]);
  }
  const media = [...byMedium];
  const owners = await mapLimit(media, parallel(platform), async ([k]) => {
    const [kind = '', key = ''] = k.split('\n');
    try {
      return await accountOfMedium(platform, actor, kind as MediumKind, key);
    } catch {
      return null; // an unknown or blocked medium: kept for the disputes desk, not priced
    }
  });
  const byAccount = new Map<number, TapRow[]>();
  let unmatched = 0;
  media.forEach(([, list], i) => {
    const id = owners[i];
    if (id === null || id === undefined) unmatched += list.length;
    else byAccount.set(id, [...(byAccount.get(id) ?? []), ...list]);
  });
  return { byAccount, unmatched };
}

export async function priceServiceDay(platform: Platform, actor: Actor, day: string, opts: PriceDayOptions = {}): Promise<DayRunResult> {
  const user = requireStaff(actor, Role.transitOfficer, Role.transitOperator);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw TapErrors.DAY_INVALID({ details: { day } });
  const base = opts.fares ?? currentFares();
  const { start, end } = serviceDayWindow(base, day);
  if ((opts.now ?? new Date()) < end) throw TapErrors.DAY_NOT_OVER({ details: { day, endsAt: end.toISOString() } });
  const db = tapsDb(platform.database.db);
  const done = await tapsRepo.dayRun(db, day);
  if (done) return { serviceDay: day, alreadyPriced: true, taps: done.taps, accounts: done.accounts, unmatchedTaps: done.unmatched_taps, total: Number(done.total) };
  const net = await faresFromNetwork(platform.database.db, base);
  const taps = (await tapsRepo.tapsBetween(db, start, end)).filter((t) => t.decision === 'admit');
  const { byAccount, unmatched } = await accountsOf(platform, user, taps);
  type Charge = { accountId: number; amount: number; method: ChargeRow['method']; key: string | null };
  const priced = await mapLimit([...byAccount], parallel(platform), async ([accountId, list]) => {
    const trips: Omit<TripRow, 'id'>[] = [];
    const profile = await fareProfile(platform, user, accountId, day);
    const operatorOf = new Map(list.map((t) => [t.tap_id, t.operator_code]));
    const engineTaps: Tap[] = list.map((t) => {
      const routeId = t.route_id ?? net.lineOfStation.get(t.stop_id);
      const fareNetwork = routeId === undefined ? undefined : net.routes.get(routeId)?.fareNetwork;
      return { id: t.tap_id, at: localIso(t.tapped_at, base.utcOffset), networkId: fareNetwork ?? 'unknown', ...(routeId === undefined ? {} : { routeId }), stopId: t.stop_id, direction: t.direction, mediumId: `${t.medium_kind}:${t.medium_key}` };
    });
    const result = priceDay(net.fares, engineAccount(profile), engineTaps, day);
    for (const c of result.charges) {
      trips.push({
        service_day: day, account_id: accountId, operator_code: operatorOf.get(c.tapIds[0] ?? '') ?? '', network_id: c.networkId, route_id: c.routeId ?? null,
        rule_id: c.ruleId, amount: c.amount, explanation_vi: c.explanation.vi, explanation_en: c.explanation.en, tap_ids: c.tapIds,
      });
    }
    const card = list.find((t) => t.medium_kind === 'bank_card');
    const method = result.total === 0 ? 'none' : card ? 'bank_card' : 'balance';
    const charge: Charge = { accountId, amount: result.total, method, key: card?.medium_key ?? null };
    return { trips, charge };
  });
  const trips = priced.flatMap((p) => p.trips);
  const charges = priced.map((p) => p.charge);
  const total = charges.reduce((s, c) => s + c.amount, 0);
  const now = opts.now ?? new Date();
  const created = await db.transaction().execute(async (trx) => {
    const run = await tapsRepo.insertDayRun(trx, { service_day: day, status: 'done', taps: taps.length, accounts: byAccount.size, unmatched_taps: unmatched, total });
    if (!run) return null; // priced by a concurrent run meanwhile
    await tapsRepo.insertTrips(trx, trips);
    const rows: ChargeRow[] = [];
    for (const c of charges) {
      rows.push(await tapsRepo.insertCharge(trx, {
        service_day: day, account_id: c.accountId, method: c.method, medium_key: c.key, amount: c.amount,
        status: c.amount === 0 ? 'paid' : 'pending', attempts: 0, next_attempt_at: c.amount === 0 ? null : now, last_error: null, paid_at: c.amount === 0 ? now : null,
      }));
    }
    for (const row of buildClearing(day, trips)) await tapsRepo.upsertClearing(trx, row);
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.day.price', entity: 'transit_day_run', entityId: day, data: { taps: taps.length, accounts: byAccount.size, unmatched, total } });
    return rows;
  });
  if (created === null) return { ...(await priceServiceDay(platform, actor, day, opts)), alreadyPriced: true };
  await mapLimit(created.filter((c) => c.status === 'pending'), parallel(platform), (c) => attemptCharge(platform, user, c, { payments: opts.payments, now }));
  return { serviceDay: day, alreadyPriced: false, taps: taps.length, accounts: byAccount.size, unmatchedTaps: unmatched, total };
}
