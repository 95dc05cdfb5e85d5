// Ridership over a period of priced service days (issue 15, staff dashboards): trips by route, by hour of the day
// (the first tap's time, Vietnam time), boardings by stop, and the share of free trips by the fare engine's reason
// (the rule id's family: `pass:…`, `category:…`, `free-zone:…`, `campaign:…`). One source for every figure the
// dashboard shows and the tests check; read from the priced trips (transit_trips) and their taps.
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/access.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearing } from '../riders/access.ts';
import { TapErrors } from './errors.ts';
import { routeLabels, stopNameOf } from './history.ts';

/** The longest period one dashboard covers: a quarter's service days. */
export const MAX_PERIOD_DAYS = 92;
/** Stops listed by boardings. */
export const TOP_STOPS = 10;
/** Why a trip cost nothing: the families of the fare engine's free rules; anything else free is `other`. */
export const FREE_REASONS = ['pass', 'category', 'free-zone', 'campaign', 'other'] as const;
export type FreeReason = (typeof FREE_REASONS)[number];

export interface Ridership {
  from: string;
  to: string;
  /** Service days in the period that were priced. */
  pricedDays: number;
  trips: number;
  paidTrips: number;
  freeTrips: number;
  revenue: number;
  /** Distinct accounts that travelled. */
  riders: number;
  byRoute: { routeId: string; label: string; trips: number; freeTrips: number; revenue: number }[];
  /** 24 entries, hour 0…23 Vietnam time. */
  byHour: number[];
  topStops: { stopId: string; name: string; boardings: number }[];
  free: Record<FreeReason, number>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export function reasonOf(ruleId: string): FreeReason {
  const family = ruleId.split(':')[0] ?? '';
  return (FREE_REASONS as readonly string[]).includes(family) && family !== 'other' ? (family as FreeReason) : 'other';
}

/** Transit officers and operators' clearing staff; days YYYY-MM-DD, `from` ≤ `to`, at most MAX_PERIOD_DAYS. */
export async function ridershipFor(platform: Platform, actor: Actor, from: string, to: string): Promise<Ridership> {
  requireClearing(actor);
  if (!DAY.test(from) || Number.isNaN(dayNumber(from))) throw TapErrors.DAY_INVALID({ details: { day: from } });
  if (!DAY.test(to) || Number.isNaN(dayNumber(to))) throw TapErrors.DAY_INVALID({ details: { day: to } });
  const span = dayNumber(to) - dayNumber(from) + 1;
  if (span < 1 || span > MAX_PERIOD_DAYS) throw TapErrors.PERIOD_INVALID({ details: { from, to, maxDays: MAX_PERIOD_DAYS } });
  const db = platform.database.db;
  const totals = (
    await sql<{ trips: string; paid: string; revenue: string | null; riders: string }>`
      select count(*) as trips, count(*) filter (where amount > 0) as paid, sum(amount) as revenue, count(distinct account_id) as riders
      from transit_trips where service_day between ${from}::date and ${to}::date`.execute(db)
  ).rows[0];
  const days = (await sql<{ n: string }>`select count(*) as n from transit_day_runs where service_day between ${from}::date and ${to}::date`.execute(db)).rows[0];
  const routes = (
    await sql<{ route: string; trips: string; free: string; revenue: string }>`
      select coalesce(route_id, network_id) as route, count(*) as trips, count(*) filter (where amount = 0) as free, sum(amount) as revenue
      from transit_trips where service_day between ${from}::date and ${to}::date
      group by coalesce(route_id, network_id) order by count(*) desc, coalesce(route_id, network_id)`.execute(db)
  ).rows;
  // The hour of the trip's first tap, Vietnam time (UTC+7, no daylight saving), whatever the session's time zone.
  const hours = (
    await sql<{ hour: number; trips: string }>`
      select ((extract(epoch from p.tapped_at)::bigint + 25200) / 3600 % 24)::int as hour, count(*) as trips
      from transit_trips t join transit_taps p on p.tap_id = t.tap_ids[1]
      where t.service_day between ${from}::date and ${to}::date group by 1`.execute(db)
  ).rows;
  // A boarding: a trip's first tap when it is a tap-on (a missing tap-on starts with the tap-off).
  const stops = (
    await sql<{ stop: string; boardings: string }>`
      select p.stop_id as stop, count(*) as boardings
      from transit_trips t join transit_taps p on p.tap_id = t.tap_ids[1] and p.direction = 'on'
      where t.service_day between ${from}::date and ${to}::date
      group by p.stop_id order by count(*) desc, p.stop_id limit ${TOP_STOPS}`.execute(db)
  ).rows;
  const freeRules = (
    await sql<{ rule: string; trips: string }>`
      select rule_id as rule, count(*) as trips from transit_trips
      where service_day between ${from}::date and ${to}::date and amount = 0 group by rule_id`.execute(db)
  ).rows;
  const labels = await routeLabels(platform);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const h of hours) byHour[Number(h.hour)] = Number(h.trips);
  const free = Object.fromEntries(FREE_REASONS.map((r) => [r, 0])) as Record<FreeReason, number>;
  for (const r of freeRules) free[reasonOf(r.rule)] += Number(r.trips);
  const names = new Map<string, string>();
  const topStops = [];
  for (const s of stops) topStops.push({ stopId: s.stop, name: await stopNameOf(platform, s.stop, names), boardings: Number(s.boardings) });
  const trips = Number(totals?.trips ?? 0);
  const paidTrips = Number(totals?.paid ?? 0);
  return {
    from,
    to,
    pricedDays: Number(days?.n ?? 0),
    trips,
    paidTrips,
    freeTrips: trips - paidTrips,
    revenue: Number(totals?.revenue ?? 0),
    riders: Number(totals?.riders ?? 0),
    byRoute: routes.map((r) => ({ routeId: r.route, label: labels.get(r.route) ?? r.route, trips: Number(r.trips), freeTrips: Number(r.free), revenue: Number(r.revenue) })),
    byHour,
    topStops,
    free,
  };
}
