// The rules for reading units and agencies. The data is public reference information: no access check is
// needed to read it (imports and seeding, which change it, live in reference.ts).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { compareVi, searchKey } from '../../platform/text/index.ts';
import { UnitErrors } from './errors.ts';
import { unitsDb, unitsRepo, type SuccessorRow, type UnitListRow, type UnitRow } from './repo.ts';
import { agencyRepo, type AgencyListRow, type AgencyWithUnitRow } from './agency-repo.ts';
import {
  AGENCY_CODE,
  OLD_UNIT_CODE,
  UNIT_CODE,
  unitTypeName,
  type Agency,
  type AgencyFilter,
  type AgencyKind,
  type FormerUnit,
  type Unit,
  type UnitFilter,
  type UnitHistoryEntry,
  type UnitSummary,
} from './schema.ts';

type Db = Kysely<PlatformTables>;

export const MAX_QUERY = 100;
/** How long a cached list may be served after an import made by another process (the CLI, another server). */
const CACHE_TTL_MS = 60_000;

export function toSummary(r: UnitListRow): UnitSummary {
  return { code: r.code, type: r.unit_type, name: r.name, fullName: r.full_name, fullNameEn: r.full_name_en };
}

export function toUnit(r: UnitRow): Unit {
  return {
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    type: r.unit_type,
    name: r.name,
    fullName: r.full_name,
    nameEn: r.name_en,
    fullNameEn: r.full_name_en,
    codename: r.codename,
    formedFrom: r.formed_from,
    notes: r.notes,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  };
}

export function toAgency(r: AgencyListRow): Agency {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    nameEn: r.name_en,
    shortName: r.short_name,
    unitCode: r.unit_code,
    parentId: r.parent_id,
    address: r.address,
    phone: r.phone,
    email: r.email,
    active: r.active,
  };
}

// ---- units -------------------------------------------------------------------------------------------------

// Lists without a search are read under load (the portal's select boxes, /api/v1/units?parent=01): they are
// cached per database for a minute; an import in this process drops the cache at once.
let generation = 0;
const listCache = new WeakMap<object, Map<string, { at: number; generation: number; items: UnitSummary[] }>>();

export function invalidateUnitCache(): void {
  generation++;
}

function checkQuery(q: string | undefined): string | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  if (text.length > MAX_QUERY) throw UnitErrors.QUERY_TOO_LONG();
  return text;
}

// A leading type word ("phường hoàn kiếm", "xa …") would make every unit of that type look similar; names are
// searched without it (unless little would be left, as in "Phường 1").
const TYPE_WORD = /^(phuong|xa|dac khu|thi tran|quan|huyen|thi xa|p\.|x\.)\s+/;

function queryKey(q: string): string {
  const key = searchKey(q);
  const rest = key.replace(TYPE_WORD, '');
  return rest.length >= 3 ? rest : key;
}

/** Checks a unit code's shape: 400 when malformed. */
export function checkUnitCode(code: string): string {
  if (!UNIT_CODE.test(code)) throw UnitErrors.UNIT_CODE_MALFORMED();
  return code;
}

/**
 * Units under `parent` (Hà Nội's 126 with parent '01'), or the 34 provinces without one; optionally of one type
 * and matching `q` (accents optional, small typos tolerated). Sorted in Vietnamese order; with `q`, units whose
 * name contains the text come first, then near matches by similarity.
 */
export async function listUnits(db: Db, filter: UnitFilter = {}): Promise<UnitSummary[]> {
  const parent = filter.parent === undefined || filter.parent === '' ? null : checkUnitCode(filter.parent);
  const typeName = filter.type ? unitTypeName(filter.type) : undefined;
  const q = checkQuery(filter.q);
  const key = q ? queryKey(q) : '';
  if (key) {
    const rows = await unitsRepo.search(unitsDb(db), parent, key, typeName);
    // Near matches only help when nothing contains the text itself.
    const exact = rows.filter((r) => r.contains);
    if (exact.length > 0) return exact.sort((a, b) => compareVi(a.full_name, b.full_name)).map(toSummary);
    return rows.sort((a, b) => b.sim - a.sim || compareVi(a.full_name, b.full_name)).map(toSummary);
  }
  const cacheKey = `${parent ?? ''}|${typeName ?? ''}`;
  let perDb = listCache.get(db);
  if (!perDb) listCache.set(db, (perDb = new Map()));
  const hit = perDb.get(cacheKey);
  if (hit && hit.generation === generation && Date.now() - hit.at < CACHE_TTL_MS) return hit.items;
  const rows = await unitsRepo.listByParent(unitsDb(db), parent, typeName);
  const items = rows.map(toSummary).sort((a, b) => compareVi(a.fullName, b.fullName));
  perDb.set(cacheKey, { at: Date.now(), generation, items });
  return items;
}

export async function findUnit(db: Db, code: string): Promise<Unit | undefined> {
  if (!UNIT_CODE.test(code)) return undefined;
  const row = await unitsRepo.find(unitsDb(db), code);
  return row ? toUnit(row) : undefined;
}

/** The unit, or UNIT_CODE_MALFORMED (400) / UNIT_NOT_FOUND (404). */
export async function getUnit(db: Db, code: string): Promise<Unit> {
  checkUnitCode(code);
  const unit = await findUnit(db, code);
  if (!unit) throw UnitErrors.UNIT_NOT_FOUND({ details: { code } });
  return unit;
}

export interface UnitDetail {
  unit: Unit;
  parent: UnitSummary | null;
  /** The pre-2025 units merged (wholly or partly) into this one. */
  formerUnits: UnitHistoryEntry[];
  agencies: Agency[];
  /** For a province: how many commune-level units it has. */
  childCount: number;
}

export async function getUnitDetail(db: Db, code: string): Promise<UnitDetail> {
  const unit = await getUnit(db, code);
  const udb = unitsDb(db);
  const [parentRow, former, agencies, childCount] = await Promise.all([
    unit.parentCode ? unitsRepo.find(udb, unit.parentCode) : Promise.resolve(undefined),
    unitsRepo.formerUnitsOf(udb, code),
    listAgencies(db, { unit: code }),
    unit.level === 'province' ? unitsRepo.count(udb, code) : Promise.resolve(0),
  ]);
  const formerUnits = former
    .map((h) => ({
      oldCode: h.old_code,
      oldName: h.old_name,
      oldDistrictCode: h.old_district_code,
      oldDistrictName: h.old_district_name,
      oldProvinceCode: h.old_province_code,
      oldProvinceName: h.old_province_name,
      mergeType: h.merge_type,
      newCode: h.new_code,
      effectiveDate: h.effective_date,
    }))
    .sort((a, b) => (a.mergeType === b.mergeType ? compareVi(a.oldName, b.oldName) : a.mergeType === 'full' ? -1 : 1));
  return { unit, parent: parentRow ? toSummary(parentRow) : null, formerUnits, agencies, childCount };
}

/**
 * Today's unit(s) for a pre-2025 unit given by code ("00001") or name ("Phường Phúc Xá", "phuc xa"): a former
 * unit split between several new ones has several successors. Closest names first.
 */
export async function resolveOldUnit(db: Db, query: string): Promise<FormerUnit[]> {
  const q = checkQuery(query);
  if (!q) return [];
  const udb = unitsDb(db);
  const key = queryKey(q);
  const rows = OLD_UNIT_CODE.test(q) ? await unitsRepo.successors(udb, { oldCode: q }) : key.length >= 2 ? await unitsRepo.successors(udb, { key }) : [];
  const groups = new Map<string, { rank: number; unit: FormerUnit }>();
  for (const r of rows) {
    let g = groups.get(r.old_code);
    if (!g) {
      g = { rank: nameRank(r, key), unit: { oldCode: r.old_code, oldName: r.old_name, oldDistrictName: r.old_district_name, oldProvinceName: r.old_province_name, successors: [] } };
      groups.set(r.old_code, g);
    }
    g.unit.successors.push({ code: r.new_code, type: r.unit_type, name: r.name, fullName: r.full_name, fullNameEn: r.full_name_en, mergeType: r.merge_type });
  }
  for (const g of groups.values()) g.unit.successors.sort((a, b) => compareVi(a.fullName, b.fullName));
  const found = [...groups.values()];
  const close = found.some((g) => g.rank < 2) ? found.filter((g) => g.rank < 2) : found;
  return close
    .sort((a, b) => a.rank - b.rank || compareVi(a.unit.oldName, b.unit.oldName) || compareVi(a.unit.oldDistrictName ?? '', b.unit.oldDistrictName ?? ''))
    .map((g) => g.unit);
}

/** 0: the name is the text (with or without its type word), 1: contains it, 2: a near match. */
function nameRank(r: SuccessorRow, key: string): number {
  const name = searchKey(r.old_name);
  if (name === key || name.replace(TYPE_WORD, '') === key) return 0;
  return name.includes(key) ? 1 : 2;
}

// ---- agencies ----------------------------------------------------------------------------------------------

const KIND_ORDER: Record<AgencyKind, number> = {
  city_committee: 0,
  service_centre: 1,
  service_centre_branch: 2,
  department: 3,
  other: 4,
  commune_committee: 5,
};

export type AgencyWithUnit = Agency & { unitName: string };

/** Active agencies (for select boxes and the public list), the city's first, then departments, then communes. */
export async function listAgencies(db: Db, filter: AgencyFilter = {}): Promise<AgencyWithUnit[]> {
  if (filter.unit) checkUnitCode(filter.unit);
  const q = checkQuery(filter.q);
  const rows = await agencyRepo.list(unitsDb(db), {
    unit: filter.unit,
    kind: filter.kind,
    key: q ? searchKey(q) : undefined,
    includeInactive: filter.includeInactive,
  });
  return rows
    .map((r: AgencyWithUnitRow) => ({ ...toAgency(r), unitName: r.unit_name }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.kind === 'department' ? a.code.localeCompare(b.code) : compareVi(a.name, b.name)));
}

export async function findAgencyById(db: Db, id: number): Promise<Agency | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await agencyRepo.findById(unitsDb(db), id);
  return row ? toAgency(row) : undefined;
}

export async function findAgencyByCode(db: Db, code: string): Promise<Agency | undefined> {
  if (!AGENCY_CODE.test(code)) return undefined;
  const row = await agencyRepo.findByCode(unitsDb(db), code);
  return row ? toAgency(row) : undefined;
}

/** By numeric id or by 13-character identifier. */
export function findAgency(db: Db, idOrCode: number | string): Promise<Agency | undefined> {
  if (typeof idOrCode === 'number') return findAgencyById(db, idOrCode);
  return /^\d{1,15}$/.test(idOrCode) ? findAgencyById(db, Number(idOrCode)) : findAgencyByCode(db, idOrCode);
}

/** The agency, or AGENCY_CODE_MALFORMED (400) / AGENCY_NOT_FOUND (404). */
export async function getAgency(db: Db, idOrCode: string): Promise<Agency> {
  if (!/^\d{1,15}$/.test(idOrCode) && !AGENCY_CODE.test(idOrCode)) throw UnitErrors.AGENCY_CODE_MALFORMED();
  const agency = await findAgency(db, idOrCode);
  if (!agency) throw UnitErrors.AGENCY_NOT_FOUND({ details: { code: idOrCode } });
  return agency;
}
