// The fare table as the engine reads it, built from the files (files.ts) once they passed validation.
import type { Text } from '../../../platform/web/i18n.ts';
import type { RawTables } from './files.ts';

export interface Product {
  id: string;
  name: string;
  riderCategoryId?: string;
  fareMediaId?: string;
  amount: number; // đồng, integer
}

/** One fare_leg_rules row with its x_leg_rule_terms row; `id` is the leg_group_id (unique in our files). */
export interface LegRule {
  id: string;
  networkId?: string;
  fromAreaId?: string;
  toAreaId?: string;
  fromTimeframeId?: string;
  toTimeframeId?: string;
  productId: string;
  priority: number;
  startDate: string;
  endDate?: string;
  minRouteKm?: number;
  maxRouteKm?: number;
  minDistanceKm?: number;
  maxDistanceKm?: number;
}

export interface TransferRule {
  id: string;
  fromLegGroupId?: string;
  toLegGroupId?: string;
  transferCount: number; // -1 = unlimited
  durationLimitS?: number;
  durationLimitType: number;
  fareTransferType: number;
  productId?: string;
}

export interface Timeframe {
  id: string;
  startS: number;
  endS: number;
}

export interface CategoryTerm {
  id: string;
  discountPercent: number;
  minAge?: number;
  maxAge?: number;
}

export interface FreeZone {
  id: string;
  areaId: string;
  networkId?: string;
  startDate: string;
  endDate: string;
}

export interface Campaign {
  id: string;
  networkId?: string;
  startDate: string;
  endDate: string;
  name: Text;
}

export interface MissingTapOff {
  networkId: string;
  mode: 'max_fare' | 'leg_fare';
  productId?: string;
}

export interface Cap {
  id: string;
  period: 'day' | 'week';
  amount: number;
  networkId?: string;
  startDate: string;
  endDate?: string;
}

export interface Pass {
  productId: string;
  duration: 'day' | 'week' | 'month';
  scope: 'one_route' | 'all_routes';
  networkId: string;
}

export interface FareTable {
  /** The rows as read, kept for exportGtfsFares. */
  raw: RawTables;
  networks: Map<string, string>;
  areasOfStop: Map<string, Set<string>>;
  products: Map<string, Product[]>;
  defaultCategoryId?: string;
  timeframes: Map<string, Timeframe[]>;
  legRules: LegRule[];
  transferRules: TransferRule[];
  routeKm: Map<string, number>; // key `${network}/${route}`
  stopKm: Map<string, number>; // key `${network}/${stop}`
  stopNames: Map<string, string>;
  categoryNames: Map<string, string>;
  categoryTerms: Map<string, CategoryTerm>;
  freeZones: FreeZone[];
  campaigns: Campaign[];
  missingTapOff: Map<string, MissingTapOff>;
  caps: Cap[];
  passes: Map<string, Pass>;
  serviceDayStartS: number;
  utcOffset: string;
}
