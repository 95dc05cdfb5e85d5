// The only code that touches the units and unit_history tables (agencies: agency-repo.ts).
import { sql, type ColumnType, type Kysely, type Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { AgenciesTable } from './agency-repo.ts';

/** Generated columns: read, never written. */
type ReadOnly<T> = ColumnType<T, never, never>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface UnitsTable {
  code: string;
  parent_code: string | null;
  level: 'province' | 'commune';
  unit_type: string;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  codename: string | null;
  formed_from: string | null;
  notes: string | null;
  effective_from: Defaulted<string>;
  effective_to: string | null;
  search_key: ReadOnly<string>;
}

export interface UnitHistoryTable {
  old_code: string;
  old_name: string;
  old_district_code: string | null;
  old_district_name: string | null;
  old_province_code: string;
  old_province_name: string | null;
  merge_type: 'full' | 'partial';
  new_code: string;
  effective_date: Defaulted<string>;
  search_key: ReadOnly<string>;
}

export type UnitTables = {
  units: UnitsTable;
  unit_history: UnitHistoryTable;
  agencies: AgenciesTable;
};

export type UnitsDb = Kysely<PlatformTables & UnitTables>;
export type UnitRow = Selectable<UnitsTable>;
export type UnitHistoryRow = Selectable<UnitHistoryTable>;
export type UnitInsert = Omit<UnitRow, 'search_key' | 'effective_from' | 'effective_to'>;
export type UnitHistoryInsert = Omit<UnitHistoryRow, 'search_key' | 'effective_date'>;
export type UnitListRow = Pick<UnitRow, 'code' | 'unit_type' | 'name' | 'full_name' | 'full_name_en'>;
export type SuccessorRow = UnitHistoryRow & { unit_type: string; name: string; full_name: string; full_name_en: string | null };

export function unitsDb(db: Kysely<PlatformTables>): UnitsDb {
  return db.withTables<UnitTables>();
}

/** word_similarity at or above this counts as a match: "hoam kiem" (0.67) finds "phuong hoan kiem", "hoan kiem" does not find "phuong hoang liet" (0.4). */
export const SIMILARITY = 0.5;

export function likePattern(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

function countUpserts(rows: { inserted: boolean }[]): UpsertCounts {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

// One statement carries at most 65,535 parameters; 500 rows of ~10 columns stay far below.
const BATCH = 500;
function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const listColumns = ['code', 'unit_type', 'name', 'full_name', 'full_name_en'] as const;

export const unitsRepo = {
  /** Units under a parent (a province's communes), or the provinces when parent is null; one indexed query. */
  listByParent(db: UnitsDb, parent: string | null, unitType?: string): Promise<UnitListRow[]> {
    let q = db.selectFrom('units').select(listColumns);
    q = parent === null ? q.where('level', '=', 'province') : q.where('parent_code', '=', parent);
    if (unitType) q = q.where('unit_type', '=', unitType);
    return q.execute();
  },

  /** Accent-insensitive, typo-tolerant search on the stored key `lower(f_unaccent(full_name))`. */
  search(db: UnitsDb, parent: string | null, key: string, unitType?: string): Promise<(UnitListRow & { contains: boolean; sim: number })[]> {
    let q = db
      .selectFrom('units')
      .select(listColumns)
      .select([
        sql<boolean>`search_key like ${likePattern(key)}`.as('contains'),
        sql<number>`word_similarity(${key}, search_key)`.as('sim'),
      ])
      .where((eb) => eb.or([eb('search_key', 'like', likePattern(key)), sql<boolean>`word_similarity(${key}, search_key) >= ${SIMILARITY}`]));
    q = parent === null ? q.where('level', '=', 'province') : q.where('parent_code', '=', parent);
    if (unitType) q = q.where('unit_type', '=', unitType);
    return q.execute();
  },

  find(db: UnitsDb, code: string): Promise<UnitRow | undefined> {
    return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async existingCodes(db: UnitsDb, codes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(codes)], 5000)) {
      if (part.length === 0) continue;
      const rows = await db.selectFrom('units').select('code').where('code', 'in', part).execute();
      for (const r of rows) found.add(r.code);
    }
    return found;
  },

  async count(db: UnitsDb, parent: string | null): Promise<number> {
    let q = db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'));
    q = parent === null ? q.where('level', '=', 'province') : q.where('parent_code', '=', parent);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Inserts new units and updates changed ones; unchanged rows are not touched (and not counted). */
  async upsert(db: UnitsDb, rows: readonly UnitInsert[]): Promise<UpsertCounts> {
    const out: { inserted: boolean }[] = [];
    for (const part of chunks(rows)) {
      const res = await db
        .insertInto('units')
        .values(part)
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet((eb) => ({
              parent_code: eb.ref('excluded.parent_code'),
              level: eb.ref('excluded.level'),
              unit_type: eb.ref('excluded.unit_type'),
              name: eb.ref('excluded.name'),
              full_name: eb.ref('excluded.full_name'),
              name_en: eb.ref('excluded.name_en'),
              full_name_en: eb.ref('excluded.full_name_en'),
              codename: eb.ref('excluded.codename'),
              formed_from: eb.ref('excluded.formed_from'),
              notes: eb.ref('excluded.notes'),
            }))
            .where(
              sql<boolean>`(units.parent_code, units.level, units.unit_type, units.name, units.full_name, units.name_en, units.full_name_en, units.codename, units.formed_from, units.notes)
                is distinct from (excluded.parent_code, excluded.level, excluded.unit_type, excluded.name, excluded.full_name, excluded.name_en, excluded.full_name_en, excluded.codename, excluded.formed_from, excluded.notes)`,
            ),
        )
        // xmax is 0 on a freshly inserted row version and set on an updated one.
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .execute();
      out.push(...res);
    }
    return countUpserts(out);
  },

  async upsertHistory(db: UnitsDb, rows: readonly UnitHistoryInsert[]): Promise<UpsertCounts> {
    const out: { inserted: boolean }[] = [];
    for (const part of chunks(rows)) {
      const res = await db
        .insertInto('unit_history')
        .values(part)
        .onConflict((oc) =>
          oc
            .columns(['old_code', 'new_code'])
            .doUpdateSet((eb) => ({
              old_name: eb.ref('excluded.old_name'),
              old_district_code: eb.ref('excluded.old_district_code'),
              old_district_name: eb.ref('excluded.old_district_name'),
              old_province_code: eb.ref('excluded.old_province_code'),
              old_province_name: eb.ref('excluded.old_province_name'),
              merge_type: eb.ref('excluded.merge_type'),
            }))
            .where(
              sql<boolean>`(unit_history.old_name, unit_history.old_district_code, unit_history.old_district_name, unit_history.old_province_code, unit_history.old_province_name, unit_history.merge_type)
                is distinct from (excluded.old_name, excluded.old_district_code, excluded.old_district_name, excluded.old_province_code, excluded.old_province_name, excluded.merge_type)`,
            ),
        )
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .execute();
      out.push(...res);
    }
    return countUpserts(out);
  },

  /** The former units merged (wholly or partly) into a unit of today. */
  formerUnitsOf(db: UnitsDb, newCode: string): Promise<UnitHistoryRow[]> {
    return db.selectFrom('unit_history').selectAll().where('new_code', '=', newCode).execute();
  },

  /** Old → new rows by the former unit's code, or by its name (accents folded, typos tolerated). */
  successors(db: UnitsDb, by: { oldCode: string } | { key: string }, limit = 200): Promise<SuccessorRow[]> {
    let q = db
      .selectFrom('unit_history as h')
      .innerJoin('units as u', 'u.code', 'h.new_code')
      .selectAll('h')
      .select(['u.unit_type', 'u.name', 'u.full_name', 'u.full_name_en']);
    if ('oldCode' in by) q = q.where('h.old_code', '=', by.oldCode);
    else {
      // `<%` (word similarity above pg_trgm's threshold) and LIKE both use the trigram GIN index.
      q = q.where((eb) => eb.or([eb('h.search_key', 'like', likePattern(by.key)), sql<boolean>`${by.key} <% h.search_key`]));
    }
    return q.limit(limit).execute();
  },
};
