// priceDay: one account's taps of one service day into charges. Transfers: GTFS fare_transfer_rules, the time
// limit counted from the first tap of the journey (TfL's 60-minute hopper, TRANSPORT.md §2; none published for
// Hà Nội [U]). Caps: x_fare_caps.txt (none for Hà Nội [U]); a daily cap runs over the service day, a weekly cap
// Monday–Sunday (not rolling); caps only combine taps of the same medium; missing-tap fares never count.
import { FareErrors } from './errors.ts';
import { words } from './explain.ts';
import { buildLegs, type Leg } from './legs.ts';
import type { FareTable, TransferRule } from './model.ts';
import { priceLeg, type LegPrice } from './price.ts';
import { addDays, inRange, mondayOf, serviceDayOf } from './time.ts';
import type { Account, Charge, DayResult, PriceOptions, Tap } from './types.ts';

interface Journey {
  firstMs: number;
  lastEndMs: number;
  lastGroup: string;
  transfers: number;
}

function transferFor(fares: FareTable, j: Journey | undefined, leg: Leg, group: string): TransferRule | undefined {
  if (!j) return undefined;
  const endMs = leg.off?.ms ?? leg.startMs;
  return fares.transferRules.find((t) => {
    if (t.fromLegGroupId !== undefined && t.fromLegGroupId !== j.lastGroup) return false;
    if (t.toLegGroupId !== undefined && t.toLegGroupId !== group) return false;
    if (t.transferCount !== -1 && j.transfers >= t.transferCount) return false;
    if (t.durationLimitS === undefined) return true;
    const from = t.durationLimitType === 2 || t.durationLimitType === 3 ? j.lastEndMs : j.firstMs;
    const to = t.durationLimitType === 0 || t.durationLimitType === 3 ? endMs : leg.startMs;
    return to - from <= t.durationLimitS * 1000;
  });
}

function amountOf(fares: FareTable, productId: string | undefined): number {
  return productId === undefined ? 0 : (fares.products.get(productId)?.[0]?.amount ?? 0);
}

function priceOneDay(fares: FareTable, account: Account, taps: readonly Tap[], day: string, startS: number, weekSpent: Map<string, number>): DayResult {
  const { legs, refused } = buildLegs(account, taps);
  const dayOf = (ms: number): string => serviceDayOf(ms, fares.utcOffset, startS);
  const journeys = new Map<string, Journey>();
  const daySpent = new Map<string, number>();
  const charges: Charge[] = [];
  for (const leg of legs.filter((l) => dayOf(l.startMs) === day)) {
    const base: LegPrice = priceLeg(fares, account, leg, day);
    let price = base;
    if (base.priced && base.legRuleId !== undefined) {
      const j = journeys.get(leg.mediumId);
      const rule = transferFor(fares, j, leg, base.legRuleId);
      if (j && rule) {
        const amount = amountOf(fares, rule.productId) + (rule.fareTransferType === 1 ? base.amount : 0);
        const minutes = Math.round((rule.durationLimitS ?? 0) / 60);
        price = { ...base, amount, ruleId: rule.id, explanation: rule.durationLimitS === undefined ? words('transferFree', { rule: rule.id, amount }) : words('transfer', { minutes, amount }) };
        journeys.set(leg.mediumId, { ...j, lastEndMs: leg.off?.ms ?? leg.startMs, lastGroup: base.legRuleId, transfers: j.transfers + 1 });
      } else {
        journeys.set(leg.mediumId, { firstMs: leg.startMs, lastEndMs: leg.off?.ms ?? leg.startMs, lastGroup: base.legRuleId, transfers: 0 });
      }
    }
    if (price.countsTowardCaps && price.amount > 0) price = applyCaps(fares, leg, day, price, daySpent, weekSpent);
    charges.push({
      tapIds: [leg.on?.id, leg.off?.id].filter((x): x is string => x !== undefined),
      mediumId: leg.mediumId,
      networkId: leg.networkId,
      routeId: leg.routeId,
      fromStopId: (leg.on ?? leg.off)?.stopId ?? '',
      toStopId: leg.on ? leg.off?.stopId : undefined,
      amount: price.amount,
      ruleId: price.ruleId,
      legRuleId: price.legRuleId,
      countsTowardCaps: price.countsTowardCaps,
      explanation: price.explanation,
    });
  }
  const refusedTapIds = refused.filter((t) => dayOf(t.ms) === day).map((t) => t.id);
  return { serviceDay: day, total: charges.reduce((s, c) => s + c.amount, 0), charges, refusedTapIds };
}

function applyCaps(fares: FareTable, leg: Leg, day: string, price: LegPrice, daySpent: Map<string, number>, weekSpent: Map<string, number>): LegPrice {
  let out = price;
  const caps = fares.caps.filter((c) => inRange(day, c.startDate, c.endDate) && (c.networkId === undefined || c.networkId === leg.networkId));
  for (const cap of caps) {
    const spent = cap.period === 'day' ? daySpent : weekSpent;
    const key = `${cap.id}|${leg.mediumId}`;
    const left = Math.max(0, cap.amount - (spent.get(key) ?? 0));
    if (out.amount > left) {
      out = {
        ...out,
        amount: left,
        ruleId: `cap:${cap.id}`,
        explanation: words('cap', { period: cap.period === 'day' ? 'ngày' : 'tuần', periodEn: cap.period === 'day' ? 'daily' : 'weekly', cap: cap.amount, amount: left }),
      };
    }
  }
  for (const cap of caps) {
    const spent = cap.period === 'day' ? daySpent : weekSpent;
    const key = `${cap.id}|${leg.mediumId}`;
    spent.set(key, (spent.get(key) ?? 0) + out.amount);
  }
  return out;
}

/**
 * Prices one account's taps of one service day. `taps` may hold taps of other days: those of the same week
 * before `serviceDay` count toward a weekly cap; the result holds only the service day's charges.
 */
export function priceDay(fares: FareTable, account: Account, taps: readonly Tap[], serviceDay: string, options: PriceOptions = {}): DayResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(serviceDay) || Number.isNaN(Date.parse(serviceDay))) throw FareErrors.BAD_SERVICE_DAY();
  for (const t of taps) {
    const ok = /(Z|[+-]\d{2}:\d{2})$/.test(t.at) && !Number.isNaN(Date.parse(t.at)) && (t.direction === 'on' || t.direction === 'off') && t.networkId && t.stopId && t.mediumId;
    if (!ok) {
      const { text } = FareErrors.BAD_TAP();
      throw FareErrors.BAD_TAP({ vi: text.vi.replace('{tap}', t.id), en: text.en.replace('{tap}', t.id), details: { tapId: t.id } });
    }
  }
  if (options.serviceDayStart !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(options.serviceDayStart)) throw FareErrors.BAD_SERVICE_DAY();
  const [h = 0, m = 0] = (options.serviceDayStart ?? '').split(':').map(Number);
  const startS = options.serviceDayStart ? h * 3600 + m * 60 : fares.serviceDayStartS;
  const weekSpent = new Map<string, number>();
  const weekly = fares.caps.some((c) => c.period === 'week');
  for (let d = weekly ? mondayOf(serviceDay) : serviceDay; d < serviceDay; d = addDays(d, 1)) priceOneDay(fares, account, taps, d, startS, weekSpent);
  return priceOneDay(fares, account, taps, serviceDay, startS, weekSpent);
}
