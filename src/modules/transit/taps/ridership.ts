// Ridership over a period of priced service days (issue 15, staff dashboards): trips by route, by hour of the day
// (the first tap's time, Vietnam time), boardings by stop, and the share of free trips by the fare engine's reason
// (the rule id's family: `pass:…`, `category:…`, `free-zone:…`, `campaign:…`). One source for every figure the
// dashboard shows and the tests check; read from the priced trips (transit_trips) and their taps.
import type { Actor } from '../../../platform/auth/access.ts';
import { isInputDate } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearing } from '../riders/access.ts';
import { TapErrors } from './errors.ts';
import { routeLabels, stopNameOf } from './history.ts';
import { ridershipRepo } from './repo-ridership.ts';

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
  if (!DAY.test(from) || !isInputDate(from)) throw TapErrors.DAY_INVALID({ details: { day: from } });
  if (!DAY.test(to) || !isInputDate(to)) throw TapErrors.DAY_INVALID({ details: { day: to } });
  const span = dayNumber(to) - dayNumber(from) + 1;
  if (span < 1 || span > MAX_PERIOD_DAYS) throw TapErrors.PERIOD_INVALID({ details: { from, to, maxDays: MAX_PERIOD_DAYS } });
  const { totals, days, routes, hours, stops, freeRules } = await ridershipRepo.figures(platform.database.db, from, to, TOP_STOPS);
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
