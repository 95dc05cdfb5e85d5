// Whole-table checks after every cell parsed: unique ids, references that exist, date order, bands, and no two
// leg rules that could both price the same leg (TRANSPORT.md §2: a fare table is data, so an ambiguous one is
// refused at import with the rule named rather than priced by whichever row comes first).
import { FILES, type RawTables, type Row, type TableName } from './files.ts';
import { problem, type Problem } from './problems.ts';

const s = (r: Row, c: string): string | undefined => (r[c] === undefined ? undefined : String(r[c]));
const n = (r: Row, c: string): number | undefined => (typeof r[c] === 'number' ? r[c] : undefined);

function unique(t: RawTables, name: TableName, key: (r: Row) => string, out: Problem[]): Set<string> {
  const seen = new Map<string, number>();
  for (const r of t[name]) {
    const k = key(r);
    const other = seen.get(k);
    if (other !== undefined) out.push(problem(FILES[name].file, r.line, 'duplicate', { id: k, other }));
    else seen.set(k, r.line);
  }
  return new Set(seen.keys());
}

function refs(t: RawTables, name: TableName, column: string, target: Set<string>, targetFile: string, out: Problem[]): void {
  for (const r of t[name]) {
    const v = s(r, column);
    if (v !== undefined && !target.has(v)) out.push(problem(FILES[name].file, r.line, 'unknownRef', { column, value: v, target: targetFile }));
  }
}

function dateOrder(t: RawTables, name: TableName, out: Problem[]): void {
  for (const r of t[name]) {
    const start = s(r, 'start_date');
    const end = s(r, 'end_date');
    if (start && end && end < start) out.push(problem(FILES[name].file, r.line, 'endBeforeStart', { start, end }));
  }
}

const overlaps = (a1 = -Infinity, b1 = Infinity, a2 = -Infinity, b2 = Infinity): boolean => a1 < b2 && a2 < b1;
const dayNo = (iso: string | undefined, open: number): number => (iso ? Date.parse(`${iso}T00:00:00Z`) / 86_400_000 : open);

export function validateTables(t: RawTables, out: Problem[]): void {
  const networks = unique(t, 'networks', (r) => String(r.network_id), out);
  const areas = unique(t, 'areas', (r) => String(r.area_id), out);
  const media = unique(t, 'media', (r) => String(r.fare_media_id), out);
  const categories = unique(t, 'riderCategories', (r) => String(r.rider_category_id), out);
  unique(t, 'products', (r) => `${r.fare_product_id}|${r.rider_category_id ?? ''}|${r.fare_media_id ?? ''}`, out);
  const products = new Set(t.products.map((r) => String(r.fare_product_id)));
  const timeframes = new Set(t.timeframes.map((r) => String(r.timeframe_group_id)));
  const legGroups = unique(t, 'legRules', (r) => String(r.leg_group_id), out);
  const termed = unique(t, 'legRuleTerms', (r) => String(r.leg_group_id), out);
  for (const name of ['routeLengths', 'stopPositions'] as const) unique(t, name, (r) => `${r.network_id}/${r.route_id ?? r.stop_id}`, out);
  for (const [name, col] of [['categoryTerms', 'rider_category_id'], ['freeZones', 'free_zone_id'], ['campaigns', 'campaign_id'],
    ['missingTapOff', 'network_id'], ['caps', 'cap_id'], ['passes', 'fare_product_id'], ['settings', 'setting']] as const) {
    unique(t, name, (r) => String(r[col]), out);
  }
  refs(t, 'stopAreas', 'area_id', areas, 'areas.txt', out);
  refs(t, 'products', 'rider_category_id', categories, 'rider_categories.txt', out);
  refs(t, 'products', 'fare_media_id', media, 'fare_media.txt', out);
  for (const c of ['network_id'] as const) {
    for (const name of ['legRules', 'routeLengths', 'stopPositions', 'freeZones', 'campaigns', 'missingTapOff', 'caps', 'passes'] as const) {
      refs(t, name, c, networks, 'networks.txt', out);
    }
  }
  refs(t, 'legRules', 'from_area_id', areas, 'areas.txt', out);
  refs(t, 'legRules', 'to_area_id', areas, 'areas.txt', out);
  refs(t, 'legRules', 'from_timeframe_group_id', timeframes, 'timeframes.txt', out);
  refs(t, 'legRules', 'to_timeframe_group_id', timeframes, 'timeframes.txt', out);
  for (const name of ['legRules', 'transferRules', 'missingTapOff', 'passes'] as const) refs(t, name, 'fare_product_id', products, 'fare_products.txt', out);
  refs(t, 'legRuleTerms', 'leg_group_id', legGroups, 'fare_leg_rules.txt', out);
  refs(t, 'transferRules', 'from_leg_group_id', legGroups, 'fare_leg_rules.txt', out);
  refs(t, 'transferRules', 'to_leg_group_id', legGroups, 'fare_leg_rules.txt', out);
  refs(t, 'categoryTerms', 'rider_category_id', categories, 'rider_categories.txt', out);
  refs(t, 'freeZones', 'area_id', areas, 'areas.txt', out);
  for (const name of ['legRuleTerms', 'freeZones', 'campaigns', 'caps'] as const) dateOrder(t, name, out);

  for (const r of t.legRules) {
    if (!termed.has(String(r.leg_group_id))) out.push(problem('fare_leg_rules.txt', r.line, 'noTerms', { id: String(r.leg_group_id) }));
  }
  for (const r of t.legRuleTerms) {
    for (const band of ['route_km', 'distance_km']) {
      const lo = n(r, `min_${band}`);
      const hi = n(r, `max_${band}`);
      if (lo !== undefined && hi !== undefined && hi <= lo) out.push(problem('x_leg_rule_terms.txt', r.line, 'bandEmpty', { column: band }));
    }
  }
  if (t.riderCategories.filter((r) => r.is_default_fare_category === '1').length !== 1) out.push(problem('rider_categories.txt', 0, 'noDefaultCategory'));
  for (const r of t.categoryTerms) {
    const p = n(r, 'discount_percent') ?? 0;
    if (p > 100) out.push(problem('x_rider_category_terms.txt', r.line, 'percent', { value: p }));
  }
  for (const r of t.missingTapOff) if (r.mode === 'max_fare' && !r.fare_product_id) out.push(problem('x_missing_tap_off.txt', r.line, 'maxFareProduct'));
  for (const r of t.settings) {
    const ok = r.setting === 'service_day_start' ? /^([01]\d|2[0-3]):[0-5]\d$/.test(String(r.value)) : /^[+-](0\d|1[0-4]):[0-5]\d$/.test(String(r.value));
    if (!ok) out.push(problem('x_settings.txt', r.line, 'badSetting', { value: String(r.value), column: String(r.setting) }));
  }
  if (out.length === 0) checkOverlaps(t, out);
}

function checkOverlaps(t: RawTables, out: Problem[]): void {
  const terms = new Map(t.legRuleTerms.map((r) => [String(r.leg_group_id), r]));
  const productKeys = (id: unknown): string[][] =>
    t.products.filter((p) => p.fare_product_id === id).map((p) => [s(p, 'fare_media_id') ?? '*', s(p, 'rider_category_id') ?? '*']);
  const sameMediaOrCategory = (a: string[][], b: string[][]): boolean =>
    a.some(([m1, c1]) => b.some(([m2, c2]) => (m1 === '*' || m2 === '*' || m1 === m2) && (c1 === '*' || c2 === '*' || c1 === c2)));
  const scope = ['network_id', 'from_area_id', 'to_area_id', 'from_timeframe_group_id', 'to_timeframe_group_id'];
  const rules = t.legRules;
  for (let i = 0; i < rules.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = rules[i] as Row;
      const b = rules[j] as Row;
      if (scope.some((c) => a[c] !== b[c])) continue;
      const ta = terms.get(String(a.leg_group_id)) as Row;
      const tb = terms.get(String(b.leg_group_id)) as Row;
      const hit =
        overlaps(dayNo(s(ta, 'start_date'), -Infinity), dayNo(s(ta, 'end_date'), Infinity) + 1, dayNo(s(tb, 'start_date'), -Infinity), dayNo(s(tb, 'end_date'), Infinity) + 1) &&
        overlaps(n(ta, 'min_route_km'), n(ta, 'max_route_km'), n(tb, 'min_route_km'), n(tb, 'max_route_km')) &&
        overlaps(n(ta, 'min_distance_km'), n(ta, 'max_distance_km'), n(tb, 'min_distance_km'), n(tb, 'max_distance_km')) &&
        sameMediaOrCategory(productKeys(a.fare_product_id), productKeys(b.fare_product_id));
      if (hit) out.push(problem('fare_leg_rules.txt', a.line, 'overlap', { id: String(a.leg_group_id), other: String(b.leg_group_id) }));
    }
  }
}
