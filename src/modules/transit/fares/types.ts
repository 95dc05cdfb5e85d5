// What the engine takes and gives back (TRANSPORT.md §2: the medium only identifies an account; the back office
// prices the day's taps centrally).
import type { Text } from '../../../platform/web/i18n.ts';

export interface Tap {
  id: string;
  /** ISO 8601 with an offset, e.g. 2026-07-01T07:15:00+07:00. */
  at: string;
  networkId: string;
  routeId?: string;
  stopId: string;
  direction: 'on' | 'off';
  /** The card, phone or bank card that tapped; caps only combine taps of the same medium. */
  mediumId: string;
  /** Its kind in fare_media.txt, when products differ by medium. */
  fareMediaId?: string;
}

export interface Account {
  birthDate?: string; // YYYY-MM-DD; age categories (x_rider_category_terms min_age/max_age) follow from it
  categories?: { riderCategoryId: string; validUntil?: string }[];
  passes?: { productId: string; validFrom: string; validUntil: string; routeId?: string }[];
  /** A deny-listed medium is refused from `from` until `until` (cleared after payment). */
  deniedMedia?: { mediumId: string; from: string; until?: string }[];
}

export interface Charge {
  tapIds: string[];
  mediumId: string;
  networkId: string;
  routeId?: string;
  fromStopId: string;
  toStopId?: string;
  amount: number;
  /** The rule that decided the amount: a leg_group_id, `transfer:…`, `pass:…`, `category:…`, `free-zone:…`,
   * `campaign:…`, `cap:…`, `missing-tap-off:…`, `missing-tap-on:…`, `cancelled-trip` or `no-fare-rule`. */
  ruleId: string;
  /** The leg rule that priced the leg before passes, transfers and caps, when one matched. */
  legRuleId?: string;
  countsTowardCaps: boolean;
  explanation: Text;
}

export interface DayResult {
  serviceDay: string;
  total: number;
  charges: Charge[];
  refusedTapIds: string[];
}

export interface PriceOptions {
  /** HH:MM; overrides x_settings.txt service_day_start (04:00 for Hà Nội [U]). */
  serviceDayStart?: string;
}
