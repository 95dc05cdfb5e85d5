// The only code that touches procedure_synonyms.
import type { ProceduresDb } from './repo.ts';

export interface Synonym {
  id: number;
  term: string;
  termKey: string;
  expansion: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface NewSynonym {
  term: string;
  termKey: string;
  expansion: string;
  createdBy: string | null;
}

export const synonymsRepo = {
  async list(db: ProceduresDb): Promise<Synonym[]> {
    const rows = await db.selectFrom('procedure_synonyms').selectAll().orderBy('term_key').execute();
    return rows.map((r) => ({ id: r.id, term: r.term, termKey: r.term_key, expansion: r.expansion, createdBy: r.created_by, createdAt: r.created_at }));
  },

  async find(db: ProceduresDb, id: number): Promise<Synonym | undefined> {
    const r = await db.selectFrom('procedure_synonyms').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, term: r.term, termKey: r.term_key, expansion: r.expansion, createdBy: r.created_by, createdAt: r.created_at };
  },

  /** Inserts the synonyms whose term is not there yet; returns how many were added. */
  async insertMissing(db: ProceduresDb, rows: readonly NewSynonym[]): Promise<number> {
    if (rows.length === 0) return 0;
    const res = await db
      .insertInto('procedure_synonyms')
      .values(rows.map((r) => ({ term: r.term, term_key: r.termKey, expansion: r.expansion, created_by: r.createdBy })))
      .onConflict((oc) => oc.column('term_key').doNothing())
      .returning('id')
      .execute();
    return res.length;
  },

  async insert(db: ProceduresDb, row: NewSynonym): Promise<Synonym | undefined> {
    const r = await db
      .insertInto('procedure_synonyms')
      .values({ term: row.term, term_key: row.termKey, expansion: row.expansion, created_by: row.createdBy })
      .onConflict((oc) => oc.column('term_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    return r && { id: r.id, term: r.term, termKey: r.term_key, expansion: r.expansion, createdBy: r.created_by, createdAt: r.created_at };
  },

  /** Changes a seeded synonym's expansion, if it is still the given one and no administrator made the synonym. */
  async replaceSeeded(db: ProceduresDb, termKey: string, from: string, to: string): Promise<void> {
    await db.updateTable('procedure_synonyms').set({ expansion: to }).where('term_key', '=', termKey).where('expansion', '=', from).where('created_by', 'is', null).execute();
  },

  async delete(db: ProceduresDb, id: number): Promise<boolean> {
    const res = await db.deleteFrom('procedure_synonyms').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  },
};
