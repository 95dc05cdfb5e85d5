// The only code that touches the agencies table.
import { sql, type ColumnType, type Generated, type Selectable } from 'kysely';
import type { AgencyKind } from './schema.ts';
import { likePattern, type UnitsDb, type UpsertCounts } from './repo.ts';

export interface AgenciesTable {
  id: Generated<number>;
  code: string;
  kind: AgencyKind;
  name: string;
  name_en: string | null;
  short_name: string | null;
  unit_code: string;
  parent_id: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search_key: ColumnType<string, never, never>;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type AgencyInsert = Omit<AgencyRow, 'id' | 'parent_id' | 'created_at' | 'updated_at' | 'search_key'>;

export interface AgencyQuery {
  unit?: string | undefined;
  kind?: AgencyKind | undefined;
  key?: string | undefined;
  includeInactive?: boolean | undefined;
}

const columns = ['id', 'code', 'kind', 'name', 'name_en', 'short_name', 'unit_code', 'parent_id', 'address', 'phone', 'email', 'active'] as const;
export type AgencyListRow = Pick<AgencyRow, (typeof columns)[number]>;
export type AgencyWithUnitRow = AgencyListRow & { unit_name: string };

export const agencyRepo = {
  /** Agencies with the full name of the unit they sit on. */
  list(db: UnitsDb, f: AgencyQuery): Promise<AgencyWithUnitRow[]> {
    let q = db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.code', 'a.unit_code')
      .select(columns.map((c) => `a.${c}` as const))
      .select('u.full_name as unit_name');
    if (!f.includeInactive) q = q.where('a.active', '=', true);
    if (f.unit) q = q.where('a.unit_code', '=', f.unit);
    if (f.kind) q = q.where('a.kind', '=', f.kind);
    const key = f.key;
    if (key) q = q.where((eb) => eb.or([eb('a.search_key', 'like', likePattern(key)), sql<boolean>`${key} <% a.search_key`]));
    return q.execute();
  },

  findById(db: UnitsDb, id: number): Promise<AgencyListRow | undefined> {
    return db.selectFrom('agencies').select(columns).where('id', '=', id).executeTakeFirst();
  },

  findByCode(db: UnitsDb, code: string): Promise<AgencyListRow | undefined> {
    return db.selectFrom('agencies').select(columns).where('code', '=', code).executeTakeFirst();
  },

  async count(db: UnitsDb): Promise<number> {
    const row = await db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Inserts new agencies and updates changed ones (by code); unchanged rows are left alone. */
  async upsert(db: UnitsDb, rows: readonly AgencyInsert[]): Promise<UpsertCounts> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const res = await db
      .insertInto('agencies')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            name: eb.ref('excluded.name'),
            name_en: eb.ref('excluded.name_en'),
            short_name: eb.ref('excluded.short_name'),
            unit_code: eb.ref('excluded.unit_code'),
            address: eb.ref('excluded.address'),
            phone: eb.ref('excluded.phone'),
            email: eb.ref('excluded.email'),
            active: eb.ref('excluded.active'),
            updated_at: sql<Date>`now()`,
          }))
          .where(
            sql<boolean>`(agencies.kind, agencies.name, agencies.name_en, agencies.short_name, agencies.unit_code, agencies.address, agencies.phone, agencies.email, agencies.active)
              is distinct from (excluded.kind, excluded.name, excluded.name_en, excluded.short_name, excluded.unit_code, excluded.address, excluded.phone, excluded.email, excluded.active)`,
          ),
      )
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute();
    const inserted = res.filter((r) => r.inserted).length;
    return { inserted, updated: res.length - inserted };
  },

  /** Points the given agencies at their parent (by the parent's code); returns how many changed. */
  async setParent(db: UnitsDb, parentCode: string | null, childCodes: readonly string[]): Promise<number> {
    if (childCodes.length === 0) return 0;
    const parentId =
      parentCode === null ? sql<number | null>`null::bigint` : sql<number | null>`(select id from agencies where code = ${parentCode})`;
    const res = await db
      .updateTable('agencies')
      .set({ parent_id: parentId, updated_at: sql<Date>`now()` })
      .where('code', 'in', childCodes)
      .where(sql<boolean>`parent_id is distinct from ${parentId}`)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** Agencies no longer in the configuration stay (other data refers to them) but are marked inactive. */
  async deactivateOthers(db: UnitsDb, keepCodes: readonly string[]): Promise<number> {
    let q = db.updateTable('agencies').set({ active: false, updated_at: sql<Date>`now()` }).where('active', '=', true);
    if (keepCodes.length > 0) q = q.where('code', 'not in', keepCodes);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  },
};
