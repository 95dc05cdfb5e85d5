// Turns validated rows into the engine's indexed FareTable.
import type { RawTables, Row } from './files.ts';
import type { FareTable, LegRule, MissingTapOff, Pass, Product, Timeframe } from './model.ts';

const str = (r: Row, c: string): string | undefined => (r[c] === undefined ? undefined : String(r[c]));
const num = (r: Row, c: string): number | undefined => (typeof r[c] === 'number' ? r[c] : undefined);
const req = (r: Row, c: string): string => String(r[c]);

function seconds(hms: string): number {
  const [h = 0, m = 0, sec = 0] = hms.split(':').map(Number);
  return h * 3600 + m * 60 + sec;
}

export function buildFareTable(raw: RawTables): FareTable {
  const areasOfStop = new Map<string, Set<string>>();
  for (const r of raw.stopAreas) {
    const set = areasOfStop.get(req(r, 'stop_id')) ?? new Set<string>();
    set.add(req(r, 'area_id'));
    areasOfStop.set(req(r, 'stop_id'), set);
  }
  const products = new Map<string, Product[]>();
  for (const r of raw.products) {
    const p: Product = { id: req(r, 'fare_product_id'), name: str(r, 'fare_product_name') ?? '', amount: num(r, 'amount') ?? 0 };
    if (r.rider_category_id !== undefined) p.riderCategoryId = req(r, 'rider_category_id');
    if (r.fare_media_id !== undefined) p.fareMediaId = req(r, 'fare_media_id');
    products.set(p.id, [...(products.get(p.id) ?? []), p]);
  }
  const timeframes = new Map<string, Timeframe[]>();
  for (const r of raw.timeframes) {
    const id = req(r, 'timeframe_group_id');
    timeframes.set(id, [...(timeframes.get(id) ?? []), { id, startS: seconds(req(r, 'start_time')), endS: seconds(req(r, 'end_time')) }]);
  }
  const terms = new Map(raw.legRuleTerms.map((r) => [req(r, 'leg_group_id'), r]));
  const legRules: LegRule[] = raw.legRules.map((r) => {
    const t = terms.get(req(r, 'leg_group_id')) as Row;
    return {
      id: req(r, 'leg_group_id'),
      networkId: str(r, 'network_id'),
      fromAreaId: str(r, 'from_area_id'),
      toAreaId: str(r, 'to_area_id'),
      fromTimeframeId: str(r, 'from_timeframe_group_id'),
      toTimeframeId: str(r, 'to_timeframe_group_id'),
      productId: req(r, 'fare_product_id'),
      priority: num(r, 'rule_priority') ?? 0,
      startDate: req(t, 'start_date'),
      endDate: str(t, 'end_date'),
      minRouteKm: num(t, 'min_route_km'),
      maxRouteKm: num(t, 'max_route_km'),
      minDistanceKm: num(t, 'min_distance_km'),
      maxDistanceKm: num(t, 'max_distance_km'),
    };
  });
  const settings = new Map(raw.settings.map((r) => [req(r, 'setting'), req(r, 'value')]));
  const [sh = 4, sm = 0] = (settings.get('service_day_start') ?? '04:00').split(':').map(Number);
  const defaultCategory = raw.riderCategories.find((r) => r.is_default_fare_category === '1');
  return {
    raw,
    networks: new Map(raw.networks.map((r) => [req(r, 'network_id'), str(r, 'network_name') ?? req(r, 'network_id')])),
    areasOfStop,
    products,
    defaultCategoryId: defaultCategory ? req(defaultCategory, 'rider_category_id') : undefined,
    timeframes,
    legRules,
    transferRules: raw.transferRules.map((r) => ({
      id: `transfer:${str(r, 'from_leg_group_id') ?? '*'}>${str(r, 'to_leg_group_id') ?? '*'}`,
      fromLegGroupId: str(r, 'from_leg_group_id'),
      toLegGroupId: str(r, 'to_leg_group_id'),
      transferCount: num(r, 'transfer_count') ?? -1,
      durationLimitS: num(r, 'duration_limit'),
      durationLimitType: Number(r.duration_limit_type ?? 1),
      fareTransferType: Number(r.fare_transfer_type),
      productId: str(r, 'fare_product_id'),
    })),
    routeKm: new Map(raw.routeLengths.map((r) => [`${req(r, 'network_id')}/${req(r, 'route_id')}`, num(r, 'length_km') ?? 0])),
    stopKm: new Map(raw.stopPositions.map((r) => [`${req(r, 'network_id')}/${req(r, 'stop_id')}`, num(r, 'km') ?? 0])),
    stopNames: new Map(raw.stopPositions.filter((r) => r.stop_name !== undefined).map((r) => [req(r, 'stop_id'), req(r, 'stop_name')])),
    categoryNames: new Map(raw.riderCategories.map((r) => [req(r, 'rider_category_id'), req(r, 'rider_category_name')])),
    categoryTerms: new Map(raw.categoryTerms.map((r) => [req(r, 'rider_category_id'), {
      id: req(r, 'rider_category_id'), discountPercent: num(r, 'discount_percent') ?? 0, minAge: num(r, 'min_age'), maxAge: num(r, 'max_age'),
    }])),
    freeZones: raw.freeZones.map((r) => ({
      id: req(r, 'free_zone_id'), areaId: req(r, 'area_id'), networkId: str(r, 'network_id'), startDate: req(r, 'start_date'), endDate: req(r, 'end_date'),
    })),
    campaigns: raw.campaigns.map((r) => ({
      id: req(r, 'campaign_id'), networkId: str(r, 'network_id'), startDate: req(r, 'start_date'), endDate: req(r, 'end_date'),
      name: { vi: req(r, 'name_vi'), en: req(r, 'name_en') },
    })),
    missingTapOff: new Map(raw.missingTapOff.map((r) => [req(r, 'network_id'), {
      networkId: req(r, 'network_id'), mode: req(r, 'mode') as MissingTapOff['mode'], productId: str(r, 'fare_product_id'),
    }])),
    caps: raw.caps.map((r) => ({
      id: req(r, 'cap_id'), period: req(r, 'period') as 'day' | 'week', amount: num(r, 'amount') ?? 0, networkId: str(r, 'network_id'),
      startDate: req(r, 'start_date'), endDate: str(r, 'end_date'),
    })),
    passes: new Map(raw.passes.map((r) => [req(r, 'fare_product_id'), {
      productId: req(r, 'fare_product_id'), duration: req(r, 'duration') as Pass['duration'], scope: req(r, 'scope') as Pass['scope'], networkId: req(r, 'network_id'),
    }])),
    serviceDayStartS: sh * 3600 + sm * 60,
    utcOffset: settings.get('utc_offset') ?? '+07:00',
  };
}
