// The fare files: GTFS-Fares v2 (gtfs.org/schedule/reference, "Fares v2") plus `x_*.txt` extension files for what
// v2 lacks (TRANSPORT.md §1–2): effective dates and length/distance bands per leg rule, route lengths, station
// chainage, concession terms, free zones by period, campaigns, the missing tap-off fare, caps, passes, settings.
// Each file is declared once here; the loader, the validator and the exporter all read these declarations.

export type Kind =
  | { t: 'text' }
  | { t: 'int'; min?: number } // whole number, ≥ min (0 unless given)
  | { t: 'decimal' } // non-negative, e.g. kilometres
  | { t: 'date' } // YYYYMMDD in the file, YYYY-MM-DD in memory
  | { t: 'time' } // HH:MM:SS, hours may reach 24 (GTFS)
  | { t: 'enum'; values: readonly string[] };

export interface Column {
  name: string;
  kind: Kind;
  required?: boolean;
}

const text: Kind = { t: 'text' };
const money: Kind = { t: 'int' };
const date: Kind = { t: 'date' };
const km: Kind = { t: 'decimal' };
const req = (name: string, kind: Kind = text): Column => ({ name, kind, required: true });
const opt = (name: string, kind: Kind = text): Column => ({ name, kind });

export const FILES = {
  networks: { file: 'networks.txt', columns: [req('network_id'), opt('network_name')] },
  areas: { file: 'areas.txt', columns: [req('area_id'), opt('area_name')] },
  stopAreas: { file: 'stop_areas.txt', columns: [req('area_id'), req('stop_id')] },
  media: {
    file: 'fare_media.txt',
    columns: [req('fare_media_id'), opt('fare_media_name'), req('fare_media_type', { t: 'enum', values: ['0', '1', '2', '3', '4'] })],
  },
  products: {
    file: 'fare_products.txt',
    columns: [req('fare_product_id'), opt('fare_product_name'), opt('rider_category_id'), opt('fare_media_id'), req('amount', money), req('currency')],
  },
  riderCategories: {
    file: 'rider_categories.txt',
    columns: [req('rider_category_id'), req('rider_category_name'), req('is_default_fare_category', { t: 'enum', values: ['0', '1'] }), opt('eligibility_url')],
  },
  timeframes: {
    file: 'timeframes.txt',
    columns: [req('timeframe_group_id'), req('start_time', { t: 'time' }), req('end_time', { t: 'time' }), opt('service_id')],
  },
  legRules: {
    file: 'fare_leg_rules.txt',
    columns: [
      req('leg_group_id'), opt('network_id'), opt('from_area_id'), opt('to_area_id'), opt('from_timeframe_group_id'),
      opt('to_timeframe_group_id'), req('fare_product_id'), opt('rule_priority', { t: 'int' }),
    ],
  },
  transferRules: {
    file: 'fare_transfer_rules.txt',
    columns: [
      opt('from_leg_group_id'), opt('to_leg_group_id'), opt('transfer_count', { t: 'int', min: -1 }), opt('duration_limit', { t: 'int', min: 1 }),
      opt('duration_limit_type', { t: 'enum', values: ['0', '1', '2', '3'] }), req('fare_transfer_type', { t: 'enum', values: ['0', '1'] }), opt('fare_product_id'),
    ],
  },
  legRuleTerms: {
    file: 'x_leg_rule_terms.txt',
    columns: [req('leg_group_id'), req('start_date', date), opt('end_date', date), opt('min_route_km', km), opt('max_route_km', km), opt('min_distance_km', km), opt('max_distance_km', km)],
  },
  routeLengths: { file: 'x_route_lengths.txt', columns: [req('network_id'), req('route_id'), req('length_km', km)] },
  stopPositions: { file: 'x_stop_positions.txt', columns: [req('stop_id'), req('network_id'), req('km', km), opt('stop_name')] },
  categoryTerms: {
    file: 'x_rider_category_terms.txt',
    columns: [req('rider_category_id'), req('discount_percent', { t: 'int' }), opt('min_age', { t: 'int' }), opt('max_age', { t: 'int' })],
  },
  freeZones: { file: 'x_free_zones.txt', columns: [req('free_zone_id'), req('area_id'), opt('network_id'), req('start_date', date), req('end_date', date)] },
  campaigns: {
    file: 'x_campaigns.txt',
    columns: [req('campaign_id'), opt('network_id'), req('start_date', date), req('end_date', date), req('name_vi'), req('name_en')],
  },
  missingTapOff: {
    file: 'x_missing_tap_off.txt',
    columns: [req('network_id'), req('mode', { t: 'enum', values: ['max_fare', 'leg_fare'] }), opt('fare_product_id')],
  },
  caps: {
    file: 'x_fare_caps.txt',
    columns: [req('cap_id'), req('period', { t: 'enum', values: ['day', 'week'] }), req('amount', money), opt('network_id'), req('start_date', date), opt('end_date', date)],
  },
  passes: {
    file: 'x_passes.txt',
    columns: [req('fare_product_id'), req('duration', { t: 'enum', values: ['day', 'week', 'month'] }), req('scope', { t: 'enum', values: ['one_route', 'all_routes'] }), req('network_id')],
  },
  settings: { file: 'x_settings.txt', columns: [req('setting', { t: 'enum', values: ['service_day_start', 'utc_offset'] }), req('value')] },
} as const satisfies Record<string, { file: string; columns: readonly Column[] }>;

export type TableName = keyof typeof FILES;
export const TABLE_NAMES = Object.keys(FILES) as TableName[];

/** A parsed row: empty cells are absent; numbers are numbers; dates are YYYY-MM-DD. `line` is the file line. */
export type Row = { line: number } & Record<string, string | number | undefined>;

export type RawTables = Record<TableName, Row[]>;
