// SQL of the applicant's rating and feedback (dossier_ratings, dossier_feedback of migrations/0008).
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { backOfficeDb } from '../tables.ts';

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
  async rating(handle: Kysely<PlatformTables>, dossierId: number): Promise<StoredRating | undefined> {
    const db = backOfficeDb(handle);
    const r = await db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
    return r ? { overall: r.overall, criteria: (r.criteria ?? {}) as Record<string, number>, comment: r.comment, ratedAt: r.rated_at } : undefined;
  },

  async feedback(handle: Kysely<PlatformTables>, dossierId: number): Promise<StoredFeedback[]> {
    const db = backOfficeDb(handle);
    const rows = await db.selectFrom('dossier_feedback').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
    return rows.map((f) => ({ id: f.id, message: f.message, createdAt: f.created_at, answer: f.answer, answeredAt: f.answered_at }));
  },

  /** Inserts the rating unless the dossier has one; undefined when it already had (one rating per dossier). */
  async addRating(handle: Kysely<PlatformTables>, r: { dossierId: number; accountId: number; overall: number; criteria: Record<string, number>; comment: string | null; at: Date }): Promise<StoredRating | undefined> {
    const db = backOfficeDb(handle);
    const row = await db
      .insertInto('dossier_ratings')
      .values({ dossier_id: r.dossierId, account_id: r.accountId, overall: r.overall, criteria: JSON.stringify(r.criteria), comment: r.comment, rated_at: r.at })
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .returning(['overall', 'criteria', 'comment', 'rated_at'])
      .executeTakeFirst();
    return row ? { overall: row.overall, criteria: (row.criteria ?? {}) as Record<string, number>, comment: row.comment, ratedAt: row.rated_at } : undefined;
  },

  async feedbackSince(handle: Kysely<PlatformTables>, dossierId: number, since: Date): Promise<number> {
    const db = backOfficeDb(handle);
    const r = await db
      .selectFrom('dossier_feedback')
      .select(sql<string>`count(*)`.as('n'))
      .where('dossier_id', '=', dossierId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async addFeedback(handle: Kysely<PlatformTables>, f: { dossierId: number; accountId: number; message: string; at: Date }): Promise<StoredFeedback> {
    const db = backOfficeDb(handle);
    const row = await db
      .insertInto('dossier_feedback')
      .values({ dossier_id: f.dossierId, account_id: f.accountId, message: f.message, created_at: f.at })
      .returning(['id', 'message', 'created_at', 'answer', 'answered_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, message: row.message, createdAt: row.created_at, answer: row.answer, answeredAt: row.answered_at };
  },

  /** Writes the answer if the feedback belongs to the dossier and has none yet: 'answered', 'already' or 'missing'. */
  async answerFeedback(handle: Kysely<PlatformTables>, a: { dossierId: number; feedbackId: number; by: number; answer: string; at: Date }): Promise<'answered' | 'already' | 'missing'> {
    const db = backOfficeDb(handle);
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
