// The price of one leg before transfers and caps. Order (why): a cancelled trip costs nothing at all; campaigns,
// free rider categories and passes make the leg free whatever the distance, so a forgotten tap-off costs such
// riders nothing; then the missing tap-off fare; then the Ring Road 1 free zone (needs both taps); then the leg
// rules (TRANSPORT.md §1: bus by the route's length band, metro by distance).
import type { Text } from '../../../platform/web/i18n.ts';
import { words } from './explain.ts';
import type { Leg } from './legs.ts';
import type { FareTable, LegRule } from './model.ts';
import { ageOn, inRange, local } from './time.ts';
import type { Account } from './types.ts';

export interface LegPrice {
  amount: number;
  ruleId: string;
  legRuleId?: string;
  countsTowardCaps: boolean;
  /** Free legs and penalties do not start or continue a transfer journey. */
  priced: boolean;
  explanation: Text;
}

const free = (ruleId: string, explanation: Text): LegPrice => ({ amount: 0, ruleId, countsTowardCaps: false, priced: false, explanation });

/** Rider categories that hold on the day: held ones not expired, plus those the birth date gives (min/max age). */
export function activeCategories(fares: FareTable, account: Account, day: string): string[] {
  const held = (account.categories ?? []).filter((c) => c.validUntil === undefined || day <= c.validUntil).map((c) => c.riderCategoryId);
  const byAge = [...fares.categoryTerms.values()]
    .filter((t) => (t.minAge !== undefined || t.maxAge !== undefined) && account.birthDate !== undefined)
    .filter((t) => {
      const age = ageOn(account.birthDate as string, day);
      return (t.minAge === undefined || age >= t.minAge) && (t.maxAge === undefined || age <= t.maxAge);
    })
    .map((t) => t.id);
  return [...new Set([...held, ...byAge])];
}

function productAmount(fares: FareTable, productId: string, categories: string[], fareMediaId?: string): number {
  const rows = fares.products.get(productId) ?? [];
  const row =
    rows.find((p) => (p.fareMediaId === undefined || p.fareMediaId === fareMediaId) && p.riderCategoryId !== undefined && categories.includes(p.riderCategoryId)) ??
    rows.find((p) => (p.fareMediaId === undefined || p.fareMediaId === fareMediaId) && p.riderCategoryId === undefined);
  return row?.amount ?? 0;
}

const within = (v: number | undefined, lo?: number, hi?: number): boolean =>
  lo === undefined && hi === undefined ? true : v !== undefined && (lo === undefined || v >= lo) && (hi === undefined || v < hi);

function inTimeframe(fares: FareTable, id: string | undefined, ms: number | undefined): boolean {
  if (id === undefined) return true;
  if (ms === undefined) return false;
  const s = local(ms, fares.utcOffset).secondOfDay;
  return (fares.timeframes.get(id) ?? []).some((t) => s >= t.startS && s < t.endS);
}

function inArea(fares: FareTable, area: string | undefined, stop: string | undefined): boolean {
  return area === undefined || (stop !== undefined && (fares.areasOfStop.get(stop)?.has(area) ?? false));
}

export function legDistanceKm(fares: FareTable, leg: Leg): number | undefined {
  const a = leg.on && fares.stopKm.get(`${leg.networkId}/${leg.on.stopId}`);
  const b = leg.off && fares.stopKm.get(`${leg.networkId}/${leg.off.stopId}`);
  return a === undefined || b === undefined ? undefined : Math.round(Math.abs(a - b) * 10) / 10;
}

export function matchLegRule(fares: FareTable, leg: Leg, day: string): LegRule | undefined {
  const routeKm = leg.routeId === undefined ? undefined : fares.routeKm.get(`${leg.networkId}/${leg.routeId}`);
  const km = legDistanceKm(fares, leg);
  const hits = fares.legRules.filter(
    (r) =>
      (r.networkId === undefined || r.networkId === leg.networkId) &&
      inRange(day, r.startDate, r.endDate) &&
      inArea(fares, r.fromAreaId, leg.on?.stopId) &&
      inArea(fares, r.toAreaId, leg.off?.stopId) &&
      inTimeframe(fares, r.fromTimeframeId, leg.on?.ms) &&
      inTimeframe(fares, r.toTimeframeId, leg.off?.ms) &&
      within(routeKm, r.minRouteKm, r.maxRouteKm) &&
      within(km, r.minDistanceKm, r.maxDistanceKm),
  );
  return hits.sort((a, b) => b.priority - a.priority)[0];
}

export function priceLeg(fares: FareTable, account: Account, leg: Leg, day: string): LegPrice {
  const stop = (id: string | undefined): string => (id === undefined ? '' : (fares.stopNames.get(id) ?? id));
  if (leg.on && leg.off && leg.on.stopId === leg.off.stopId) return free('cancelled-trip', words('cancelled'));
  const campaign = fares.campaigns.find((c) => (c.networkId === undefined || c.networkId === leg.networkId) && inRange(day, c.startDate, c.endDate));
  if (campaign) return free(`campaign:${campaign.id}`, words('campaign', { name: campaign.name.vi }));
  const categories = activeCategories(fares, account, day);
  const freeCategory = categories.find((c) => fares.categoryTerms.get(c)?.discountPercent === 100);
  if (freeCategory) return free(`category:${freeCategory}`, words('category', { category: fares.categoryNames.get(freeCategory) ?? freeCategory }));
  const pass = (account.passes ?? []).find((p) => {
    const def = fares.passes.get(p.productId);
    return def !== undefined && def.networkId === leg.networkId && inRange(day, p.validFrom, p.validUntil) && (def.scope === 'all_routes' || p.routeId === leg.routeId);
  });
  if (pass) return free(`pass:${pass.productId}`, words('pass', { product: pass.productId }));
  const missing = leg.on === undefined || leg.off === undefined ? fares.missingTapOff.get(leg.networkId) : undefined;
  if (missing?.mode === 'max_fare' && missing.productId !== undefined) {
    const amount = productAmount(fares, missing.productId, categories, (leg.on ?? leg.off)?.fareMediaId);
    const which = leg.on === undefined ? 'missing-tap-on' : 'missing-tap-off';
    return { amount, ruleId: `${which}:${leg.networkId}`, countsTowardCaps: false, priced: false, explanation: words(leg.on ? 'missingTapOff' : 'missingTapOn', { amount }) };
  }
  const zone = fares.freeZones.find(
    (z) => (z.networkId === undefined || z.networkId === leg.networkId) && inRange(day, z.startDate, z.endDate) && leg.on !== undefined && leg.off !== undefined &&
      inArea(fares, z.areaId, leg.on.stopId) && inArea(fares, z.areaId, leg.off.stopId),
  );
  if (zone) return free(`free-zone:${zone.id}`, words('freeZone', { area: zone.areaId }));
  const rule = matchLegRule(fares, leg, day);
  if (!rule) return { ...free('no-fare-rule', words('noRule')) };
  let amount = productAmount(fares, rule.productId, categories, (leg.on ?? leg.off)?.fareMediaId);
  let explanation: Text;
  const km = legDistanceKm(fares, leg);
  if (leg.off === undefined) explanation = words('noTapOffLegFare', { route: leg.routeId ?? '', amount });
  else if (rule.minRouteKm !== undefined || rule.maxRouteKm !== undefined) {
    explanation = words('routeBand', { route: leg.routeId ?? '', km: fares.routeKm.get(`${leg.networkId}/${leg.routeId}`) ?? '?', rule: rule.id, amount });
  } else if (km !== undefined) explanation = words('distance', { km, from: stop(leg.on?.stopId), to: stop(leg.off.stopId), rule: rule.id, amount });
  else explanation = words('fare', { rule: rule.id, amount });
  const discount = categories.map((c) => fares.categoryTerms.get(c)).find((t) => t !== undefined && t.discountPercent > 0);
  if (discount) {
    amount = Math.round((amount * (100 - discount.discountPercent)) / 100);
    explanation = words('discount', { percent: discount.discountPercent, category: fares.categoryNames.get(discount.id) ?? discount.id, amount });
  }
  return { amount, ruleId: rule.id, legRuleId: rule.id, countsTowardCaps: true, priced: true, explanation };
}
