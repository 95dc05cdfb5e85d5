// The only code that touches procedure_names_en, and the copy of its names onto procedures.name_en / name_en_key.
import { sql } from 'kysely';
import type { ProceduresDb } from './repo.ts';

export interface EnglishName {
  code: string;
  name: string;
  /** The name as searched (english.ts). */
  searchKey: string;
  note: string | null;
}

export const namesRepo = {
  async list(db: ProceduresDb): Promise<EnglishName[]> {
    const rows = await db.selectFrom('procedure_names_en').select(['code', 'name', 'search_key', 'note']).orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, name: r.name, searchKey: r.search_key, note: r.note }));
  },

  async upsert(db: ProceduresDb, names: readonly EnglishName[]): Promise<void> {
    if (names.length === 0) return;
    await db
      .insertInto('procedure_names_en')
      .values(names.map((n) => ({ code: n.code, name: n.name, search_key: n.searchKey, note: n.note })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          search_key: eb.ref('excluded.search_key'),
          note: eb.ref('excluded.note'),
          updated_at: new Date(),
        })),
      )
      .execute();
  },

  async delete(db: ProceduresDb, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    await db.deleteFrom('procedure_names_en').where('code', 'in', codes).execute();
  },

  /** Copies the English names onto the procedures they name (and clears those no longer named); returns how many
   *  procedures changed. */
  async apply(db: ProceduresDb): Promise<number> {
    const res = await sql`
      update procedures p set name_en = n.name, name_en_key = n.search_key
      from (select p2.code, e.name, e.search_key from procedures p2 left join procedure_names_en e on e.code = p2.code) n
      where n.code = p.code and (p.name_en is distinct from n.name or p.name_en_key is distinct from n.search_key)`.execute(db);
    return Number(res.numAffectedRows ?? 0);
  },
};
