// SQL of the applicant's rating and feedback (dossier_ratings, dossier_feedback of migrations/0008).
import { sql } from 'kysely';
import type { DossierDb } from '../../dossiers/tables.ts';

export interface StoredRating {
  overall: number;
  criteria: Record<string, number>;
  comment: string | null;
  ratedAt: Date;
}

export interface StoredFeedback {
  id: number;
  message: string;
  createdAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

export const citizenRepo = {
  /** Inserts the rating unless the dossier has one; undefined when it already had (one rating per dossier). */
  async addRating(db: DossierDb, r: { dossierId: number; accountId: number; overall: number; criteria: Record<string, number>; comment: string | null; at: Date }): Promise<StoredRating | undefined> {
    const row = await db
      .insertInto('dossier_ratings')
      .values({ dossier_id: r.dossierId, account_id: r.accountId, overall: r.overall, criteria: JSON.stringify(r.criteria), comment: r.comment, rated_at: r.at })
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .returning(['overall', 'criteria', 'comment', 'rated_at'])
      .executeTakeFirst();
    return row ? { overall: row.overall, criteria: (row.criteria ?? {}) as Record<string, number>, comment: row.comment, ratedAt: row.rated_at } : undefined;
  },

  /** Holds the dossier's row until the transaction ends, so that counting and inserting feedback is one step. */
  async lockDossier(db: DossierDb, dossierId: number): Promise<void> {
    await db.selectFrom('dossiers').select('id').where('id', '=', dossierId).forUpdate().execute();
  },

  async feedbackSince(db: DossierDb, dossierId: number, since: Date): Promise<number> {
    const r = await db
      .selectFrom('dossier_feedback')
      .select(sql<string>`count(*)`.as('n'))
      .where('dossier_id', '=', dossierId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async addFeedback(db: DossierDb, f: { dossierId: number; accountId: number; message: string; at: Date }): Promise<StoredFeedback> {
    const row = await db
      .insertInto('dossier_feedback')
      .values({ dossier_id: f.dossierId, account_id: f.accountId, message: f.message, created_at: f.at })
      .returning(['id', 'message', 'created_at', 'answer', 'answered_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, message: row.message, createdAt: row.created_at, answer: row.answer, answeredAt: row.answered_at };
  },

  /** Writes the answer if the feedback belongs to the dossier and has none yet: 'answered', 'already' or 'missing'. */
  async answerFeedback(db: DossierDb, a: { dossierId: number; feedbackId: number; by: number; answer: string; at: Date }): Promise<'answered' | 'already' | 'missing'> {
    const r = await db
      .updateTable('dossier_feedback')
      .set({ answer: a.answer, answered_by: a.by, answered_at: a.at })
      .where('id', '=', a.feedbackId)
      .where('dossier_id', '=', a.dossierId)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return 'answered';
    const exists = await db.selectFrom('dossier_feedback').select('id').where('id', '=', a.feedbackId).where('dossier_id', '=', a.dossierId).executeTakeFirst();
    return exists ? 'already' : 'missing';
  },
};
