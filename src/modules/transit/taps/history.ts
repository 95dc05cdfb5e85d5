// The rider's trip history (issue 15; TRANSPORT.md §2: the price is computed centrally once a day, so the rider sees
// each priced trip with the engine's explanation and the day's charge): the last 30 service days, newest first, by
// pages of days; each trip with its first and last stop (the network's names), route, time and price.
import type { Actor } from '../../../platform/auth/access.ts';
import { vietnamDateOf } from '../../../platform/calendar/dates.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { getStop, listRoutes } from '../network/index.ts';
import type { TransitAccount } from '../riders/index.ts';
import { requireOwnerOrOfficer } from '../riders/access.ts';
import { type ChargeStatus, dayText, type TapRow, tapsDb, tapsRepo, type TripRow } from './repo.ts';

/** How far back the rider's page looks, and how many service days one page holds. */
export const HISTORY_DAYS = 30;
export const DAYS_PER_PAGE = 7;

export interface TripShown {
  id: number;
  routeLabel: string;
  networkId: string;
  fromStop: string;
  toStop: string;
  /** The first tap's time, HH:MM Vietnam time. */
  time: string;
  amount: number;
  ruleId: string;
  explanation: { vi: string; en: string };
}
export interface DayShown {
  day: string;
  trips: TripShown[];
  charge: { status: ChargeStatus; amount: number; nextAttemptAt: Date | null } | undefined;
}
export interface TripHistory {
  days: DayShown[];
  page: number;
  pages: number;
}

const hhmm = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);

export async function stopNameOf(platform: Platform, id: string | undefined, cache: Map<string, string>): Promise<string> {
  if (id === undefined) return '';
  const known = cache.get(id);
  if (known !== undefined) return known;
  let name = id;
  try {
    name = (await getStop(platform.database.db, id)).name;
  } catch (e) {
    if ((e as { code?: string }).code !== 'STOP_NOT_FOUND') throw e; // a stop since removed from the feed: its id
  }
  cache.set(id, name);
  return name;
}

/** Shows one trip: from its first tap's stop to its last tap's stop. */
export async function showTrip(platform: Platform, trip: TripRow, taps: readonly TapRow[], routes: Map<string, string>, cache = new Map<string, string>()): Promise<TripShown> {
  const own = taps.filter((t) => trip.tap_ids.includes(t.tap_id));
  const first = own[0];
  const last = own.length > 1 ? own[own.length - 1] : undefined;
  return {
    id: Number(trip.id),
    routeLabel: trip.route_id === null ? trip.network_id : (routes.get(trip.route_id) ?? trip.route_id),
    networkId: trip.network_id,
    fromStop: await stopNameOf(platform, first?.stop_id, cache),
    toStop: await stopNameOf(platform, last?.stop_id, cache),
    time: first ? hhmm(first.tapped_at) : '',
    amount: Number(trip.amount),
    ruleId: trip.rule_id,
    explanation: { vi: trip.explanation_vi, en: trip.explanation_en },
  };
}

export async function routeLabels(platform: Platform): Promise<Map<string, string>> {
  return new Map((await listRoutes(platform.database.db)).map((r) => [r.id, `${r.shortName} ${r.longName}`.trim()]));
}

/** The account's trips for its holder or the centre's officer; `page` counts from 1. */
export async function tripHistory(platform: Platform, actor: Actor, account: TransitAccount, page = 1, today = vietnamDateOf(new Date())): Promise<TripHistory> {
  requireOwnerOrOfficer(actor, account);
  const db = tapsDb(platform.database.db);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (HISTORY_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const p = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const { days, total } = await tapsRepo.tripDaysOf(db, account.id, from, DAYS_PER_PAGE, (p - 1) * DAYS_PER_PAGE);
  const trips = await tapsRepo.tripsOfDays(db, account.id, days);
  const charges = new Map((await tapsRepo.chargesOfDays(db, account.id, days)).map((c) => [dayText(c.service_day), c]));
  const taps = await tapsRepo.tapsByIds(db, trips.flatMap((t) => t.tap_ids));
  const routes = await routeLabels(platform);
  const cache = new Map<string, string>();
  const out: DayShown[] = [];
  for (const day of days) {
    const shown: TripShown[] = [];
    for (const t of trips.filter((x) => dayText(x.service_day) === day)) shown.push(await showTrip(platform, t, taps, routes, cache));
    const c = charges.get(day);
    out.push({ day, trips: shown, charge: c ? { status: c.status, amount: Number(c.amount), nextAttemptAt: c.next_attempt_at } : undefined });
  }
  return { days: out, page: p, pages: Math.max(1, Math.ceil(total / DAYS_PER_PAGE)) };
}

/** A trip by id and its taps, for the disputes desk; undefined when there is no such trip. No access check: callers check. */
export async function tripWithTaps(platform: Platform, id: number): Promise<{ trip: TripRow; taps: TapRow[] } | undefined> {
  const db = tapsDb(platform.database.db);
  const trip = Number.isSafeInteger(id) && id > 0 ? await tapsRepo.findTrip(db, id) : undefined;
  if (!trip) return undefined;
  return { trip, taps: await tapsRepo.tapsByIds(db, trip.tap_ids) };
}
