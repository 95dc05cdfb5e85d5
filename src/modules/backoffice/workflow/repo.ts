// The back office's SQL of a dossier's requests to supplement and consultations (liên thông), and of the workflow
// definitions. The dossier row, its history and files are the dossiers module's: `dossierRows` of its index.ts.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { backOfficeDb } from '../tables.ts';

export interface Supplement {
  id: number;
  stage: 'receipt' | 'appraisal';
  items: { docKey: string | null; text: string }[];
  reason: string | null;
  requestedAt: Date;
  completedAt: Date | null;
  /** The e-form answers the applicant corrected with the supplement (issue 9), at `completedAt`. */
  formChanges: FormChange[];
}

/** One corrected answer: the field's path and its stored value before and after. */
export interface FormChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface Consultation {
  id: number;
  agencyId: number;
  question: string;
  requestedAt: Date;
  dueAt: Date;
  repliedAt: Date | null;
  reply: string | null;
  /** What the agency was sent (issue 10): the ids of the dossier's files, and whether the e-form's answers. */
  documents: number[];
  includeAnswers: boolean;
}

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);

export const caseRepo = {
  async supplements(handle: Kysely<PlatformTables>, dossierId: number): Promise<Supplement[]> {
    const db = backOfficeDb(handle);
    const rows = await db.selectFrom('dossier_supplements').selectAll().where('dossier_id', '=', dossierId).orderBy('requested_at').execute();
    return rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      items: ((r.items ?? []) as { doc_key: string | null; text: string }[]).map((i) => ({ docKey: i.doc_key, text: i.text })),
      reason: r.reason,
      requestedAt: r.requested_at,
      completedAt: r.completed_at,
      formChanges: (r.form_changes ?? []) as FormChange[],
    }));
  },

  async addSupplement(handle: Kysely<PlatformTables>, s: { dossierId: number; stage: 'receipt' | 'appraisal'; items: { docKey: string | null; text: string }[]; reason: string | null; by: number; at: Date }): Promise<void> {
    const db = backOfficeDb(handle);
    await db
      .insertInto('dossier_supplements')
      .values({
        dossier_id: s.dossierId,
        stage: s.stage,
        items: JSON.stringify(s.items.map((i) => ({ doc_key: i.docKey, text: i.text }))),
        reason: s.reason,
        requested_by: s.by,
        requested_at: s.at,
      })
      .execute();
  },

  /** Marks the open request complete and says at which stage it was made. */
  async completeSupplement(handle: Kysely<PlatformTables>, dossierId: number, at: Date, formChanges: FormChange[] = []): Promise<'receipt' | 'appraisal' | undefined> {
    const db = backOfficeDb(handle);
    const r = await db
      .updateTable('dossier_supplements')
      .set({ completed_at: at, form_changes: JSON.stringify(formChanges) })
      .where('dossier_id', '=', dossierId)
      .where('completed_at', 'is', null)
      .returning('stage')
      .executeTakeFirst();
    return r?.stage;
  },

  async consultations(handle: Kysely<PlatformTables>, dossierId: number): Promise<Consultation[]> {
    const db = backOfficeDb(handle);
    const rows = await db.selectFrom('dossier_consultations').selectAll().where('dossier_id', '=', dossierId).orderBy('requested_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, question: r.question, requestedAt: r.requested_at, dueAt: r.due_at, repliedAt: r.replied_at, reply: r.reply, documents: ids(r.documents), includeAnswers: r.include_answers }));
  },

  async addConsultations(
    handle: Kysely<PlatformTables>,
    dossierId: number,
    by: number,
    at: Date,
    question: string,
    asks: { agencyId: number; dueAt: Date }[],
    sent: { documents: number[]; includeAnswers: boolean } = { documents: [], includeAnswers: false },
  ): Promise<void> {
    const db = backOfficeDb(handle);
    if (asks.length === 0) return;
    await db
      .insertInto('dossier_consultations')
      .values(asks.map((a) => ({ dossier_id: dossierId, agency_id: a.agencyId, question, requested_by: by, requested_at: at, due_at: a.dueAt, documents: JSON.stringify(sent.documents), include_answers: sent.includeAnswers })))
      .execute();
  },

  /** Records the agency's reply; returns how many consultations of the dossier are still open, or -1 if it had none open. */
  async reply(handle: Kysely<PlatformTables>, dossierId: number, agencyId: number, by: number, at: Date, reply: string): Promise<number> {
    const db = backOfficeDb(handle);
    const r = await db
      .updateTable('dossier_consultations')
      .set({ replied_at: at, replied_by: by, reply })
      .where('dossier_id', '=', dossierId)
      .where('agency_id', '=', agencyId)
      .where('replied_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return -1;
    const open = await db
      .selectFrom('dossier_consultations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('dossier_id', '=', dossierId)
      .where('replied_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(open.n);
  },

  async consultedAgencies(handle: Kysely<PlatformTables>, dossierId: number): Promise<number[]> {
    const db = backOfficeDb(handle);
    const rows = await db.selectFrom('dossier_consultations').select('agency_id').distinct().where('dossier_id', '=', dossierId).execute();
    return rows.map((r) => r.agency_id);
  },

  async saveWorkflow(handle: Kysely<PlatformTables>, w: { code: string; name: unknown; definition: unknown }): Promise<void> {
    const db = backOfficeDb(handle);
    await db
      .insertInto('workflows')
      .values({ code: w.code, name: JSON.stringify(w.name), definition: JSON.stringify(w.definition) })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: JSON.stringify(w.name), definition: JSON.stringify(w.definition), updated_at: sql`now()` }))
      .execute();
  },

  async workflowDefinition(handle: Kysely<PlatformTables>, code: string): Promise<unknown> {
    const db = backOfficeDb(handle);
    const row = await db.selectFrom('workflows').select('definition').where('code', '=', code).executeTakeFirst();
    return row?.definition;
  },
};
