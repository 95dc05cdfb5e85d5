// Types of the units module: administrative units after the 1 July 2025 reform (34 provinces, 3,321
// commune-level units), their history (pre-2025 units → today's) and the agencies that sit on them.
import { z } from 'zod';

/** GSO codes: 2 digits for a province, 5 for a commune-level unit (phường, xã, đặc khu). */
export const PROVINCE_CODE = /^\d{2}$/;
export const COMMUNE_CODE = /^\d{5}$/;
export const UNIT_CODE = /^(\d{2}|\d{5})$/;
/** Pre-2025 codes: 5-digit communes, plus a few 3-digit island districts that became special zones. */
export const OLD_UNIT_CODE = /^(\d{3}|\d{5})$/;
/** QCVN 102:2016 agency identifier: level 4 . level 3 . level 2 . level-1 (province) code, e.g. 000.00.01.H26. */
export const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export const UnitLevel = z.enum(['province', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** Unit types as the law names them, with a URL-safe slug for filters (?type=phuong). */
export const UNIT_TYPES = {
  'Thành phố': 'thanh-pho',
  Tỉnh: 'tinh',
  Phường: 'phuong',
  Xã: 'xa',
  'Đặc khu': 'dac-khu',
} as const;
export type UnitTypeName = keyof typeof UNIT_TYPES;
export type UnitTypeSlug = (typeof UNIT_TYPES)[UnitTypeName];
export const UNIT_TYPE_SLUGS = Object.values(UNIT_TYPES) as UnitTypeSlug[];
export const PROVINCE_TYPES: readonly UnitTypeName[] = ['Thành phố', 'Tỉnh'];
export const COMMUNE_TYPES: readonly UnitTypeName[] = ['Phường', 'Xã', 'Đặc khu'];

export function isUnitTypeName(v: string): v is UnitTypeName {
  return Object.hasOwn(UNIT_TYPES, v);
}
export function isUnitTypeSlug(v: string): v is UnitTypeSlug {
  return (UNIT_TYPE_SLUGS as string[]).includes(v);
}
export function unitTypeName(slug: UnitTypeSlug): UnitTypeName {
  const found = (Object.entries(UNIT_TYPES) as [UnitTypeName, UnitTypeSlug][]).find(([, s]) => s === slug);
  return found ? found[0] : 'Xã';
}

export const Unit = z.object({
  code: z.string().regex(UNIT_CODE),
  parentCode: z.string().nullable(),
  level: UnitLevel,
  type: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  fullNameEn: z.string().nullable(),
  codename: z.string().nullable(),
  formedFrom: z.string().nullable(),
  notes: z.string().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

/** What a list shows of a unit. */
export type UnitSummary = Pick<Unit, 'code' | 'type' | 'name' | 'fullName' | 'fullNameEn'>;

export const MergeType = z.enum(['full', 'partial']);
export type MergeType = z.infer<typeof MergeType>;

/** One row of the old → new mapping: a pre-2025 unit went (wholly or partly) into a unit of today. */
export const UnitHistoryEntry = z.object({
  oldCode: z.string(),
  oldName: z.string(),
  oldDistrictCode: z.string().nullable(),
  oldDistrictName: z.string().nullable(),
  oldProvinceCode: z.string(),
  oldProvinceName: z.string().nullable(),
  mergeType: MergeType,
  newCode: z.string(),
  effectiveDate: z.string(),
});
export type UnitHistoryEntry = z.infer<typeof UnitHistoryEntry>;

/** A former unit and the unit(s) of today it went into (several when it was split). */
export interface FormerUnit {
  oldCode: string;
  oldName: string;
  oldDistrictName: string | null;
  oldProvinceName: string | null;
  successors: (UnitSummary & { mergeType: MergeType })[];
}

export const AgencyKind = z.enum(['city_committee', 'commune_committee', 'department', 'service_centre', 'service_centre_branch', 'other']);
export type AgencyKind = z.infer<typeof AgencyKind>;
export const AGENCY_KINDS = AgencyKind.options;

export const Agency = z.object({
  id: z.number().int(),
  code: z.string().regex(AGENCY_CODE),
  kind: AgencyKind,
  name: z.string(),
  nameEn: z.string().nullable(),
  shortName: z.string().nullable(),
  unitCode: z.string(),
  parentId: z.number().int().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

/** One agency as administrators write it in data/agencies/*.json. */
export const AgencyConfig = z.object({
  code: z.string().regex(AGENCY_CODE),
  kind: AgencyKind,
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  shortName: z.string().min(1).optional(),
  unitCode: z.string().regex(UNIT_CODE),
  parentCode: z.string().regex(AGENCY_CODE).optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.email().optional(),
  active: z.boolean().optional(),
});
export type AgencyConfig = z.infer<typeof AgencyConfig>;

export const AgencyFile = z.object({
  note: z.string().optional(),
  scheme: z.record(z.string(), z.string()).optional(),
  agencies: z.array(AgencyConfig).min(1),
});
export type AgencyFile = z.infer<typeof AgencyFile>;

export interface UnitFilter {
  /** Parent unit code; without it, the provinces. */
  parent?: string | undefined;
  type?: UnitTypeSlug | undefined;
  q?: string | undefined;
}

export interface AgencyFilter {
  unit?: string | undefined;
  kind?: AgencyKind | undefined;
  q?: string | undefined;
  includeInactive?: boolean;
}
