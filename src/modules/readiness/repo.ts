// The only code that touches the readiness cycle's tables (migrations/0039_readiness.sql).
import type { Generated, Kysely, Selectable } from 'kysely';
import { type AuditEntry, recordAudit } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { PeerGroup } from './sets.ts';
import type { UnitValues } from './scoring.ts';

export type CycleState = 'open' | 'closed' | 'published';
export type FormState = 'draft' | 'submitted' | 'returned' | 'reviewed' | 'adjusted' | 'published';

interface CyclesTable {
  id: Generated<number>;
  set_id: string;
  /** The version of the set the cycle scores by (readiness_sets; never changes). */
  set_version: number;
  year: number;
  peer_group: PeerGroup;
  guidance: Generated<string>;
  deadline: string;
  state: Generated<CycleState>;
  opened_by: number | null;
  opened_at: Generated<Date>;
  closed_at: Date | null;
  published_at: Date | null;
  published_by: number | null;
}

interface FormsTable {
  id: Generated<number>;
  cycle_id: number;
  agency_id: number;
  state: Generated<FormState>;
  /** Figure and indicator codes → the value entered (or filled by the platform). */
  form_values: Generated<UnitValues>;
  explanations: Generated<Record<string, string>>;
  /** Codes the platform filled → their source (e.g. `dossiers.onTimeShare`). */
  sources: Generated<Record<string, string>>;
  version: Generated<number>;
  submitted_at: Date | null;
  submitted_by: number | null;
  late: Generated<boolean>;
  reopened_by: number | null;
  reopened_at: Date | null;
  reopen_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  score: unknown;
  total: number | null;
  rank: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface EvidenceTable {
  id: Generated<number>;
  form_id: number;
  code: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  added_by: number | null;
  added_at: Generated<Date>;
}

interface QuestionsTable {
  id: Generated<number>;
  form_id: number;
  code: string | null;
  question: string;
  asked_by: number | null;
  asked_at: Generated<Date>;
  answer: string | null;
  answered_by: number | null;
  answered_at: Date | null;
}

interface AdjustmentsTable {
  id: Generated<number>;
  form_id: number;
  code: string;
  points_before: number;
  points_after: number;
  reason: string;
  adjusted_by: number | null;
  adjusted_at: Generated<Date>;
}

export type ReadinessTables = {
  readiness_cycles: CyclesTable;
  readiness_forms: FormsTable;
  readiness_evidence: EvidenceTable;
  readiness_questions: QuestionsTable;
  readiness_adjustments: AdjustmentsTable;
};
export type ReadinessDb = Kysely<PlatformTables & ReadinessTables>;
export type CycleRow = Selectable<CyclesTable>;
export type FormRow = Selectable<FormsTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type EvidenceInfo = Omit<EvidenceRow, 'content'>;
export type QuestionRow = Selectable<QuestionsTable>;
export type AdjustmentRow = Selectable<AdjustmentsTable>;

export function readinessDb(db: Kysely<PlatformTables>): ReadinessDb {
  return db.withTables<ReadinessTables>();
}

/** The same connection (or transaction) seen through the platform's tables: inside a transaction other modules'
 *  functions must use it (PGlite has one connection). */
export const asPlatformDb = (db: ReadinessDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

/** The audit row of a change, in the change's transaction. */
export function audit(db: ReadinessDb, e: AuditEntry): Promise<void> {
  return recordAudit(asPlatformDb(db), e);
}

const EVIDENCE_INFO = ['id', 'form_id', 'code', 'name', 'mime', 'size', 'sha256', 'added_by', 'added_at'] as const;
const SUBMITTED: FormState[] = ['submitted', 'reviewed', 'adjusted'];

export const readinessRepo = {
  findCycle(db: ReadinessDb, id: number, lock = false): Promise<CycleRow | undefined> {
    let q = db.selectFrom('readiness_cycles').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  cycleOfSet(db: ReadinessDb, setId: string, year: number, peerGroup: PeerGroup): Promise<CycleRow | undefined> {
    return db.selectFrom('readiness_cycles').selectAll().where((w) => w.or([w('set_id', '=', setId), w.and([w('year', '=', year), w('peer_group', '=', peerGroup)])])).executeTakeFirst();
  },

  insertCycle(db: ReadinessDb, row: { set_id: string; set_version: number; year: number; peer_group: PeerGroup; guidance: string; deadline: string; opened_by: number }): Promise<CycleRow> {
    return db.insertInto('readiness_cycles').values(row).returningAll().executeTakeFirstOrThrow();
  },

  updateCycle(db: ReadinessDb, id: number, patch: Partial<Pick<CycleRow, 'state' | 'closed_at' | 'published_at' | 'published_by'>>): Promise<CycleRow> {
    return db.updateTable('readiness_cycles').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  findForm(db: ReadinessDb, id: number, lock = false): Promise<FormRow | undefined> {
    let q = db.selectFrom('readiness_forms').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  formOf(db: ReadinessDb, cycleId: number, agencyId: number): Promise<FormRow | undefined> {
    return db.selectFrom('readiness_forms').selectAll().where('cycle_id', '=', cycleId).where('agency_id', '=', agencyId).executeTakeFirst();
  },

  /** Creates the unit's form once; a second caller at the same time gets the row the first one made. */
  async insertForm(db: ReadinessDb, row: { cycle_id: number; agency_id: number; form_values: UnitValues; sources: Record<string, string> }): Promise<FormRow | undefined> {
    return db
      .insertInto('readiness_forms')
      .values({ ...row, form_values: JSON.stringify(row.form_values) as unknown as UnitValues, sources: JSON.stringify(row.sources) as unknown as Record<string, string> })
      .onConflict((c) => c.columns(['cycle_id', 'agency_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  /** Updates a form and bumps its version. */
  updateForm(db: ReadinessDb, id: number, patch: Partial<Omit<FormRow, 'id' | 'cycle_id' | 'agency_id' | 'version' | 'created_at'>>): Promise<FormRow> {
    const json = (v: unknown) => (v === undefined ? undefined : (JSON.stringify(v) as never));
    const set = {
      ...patch,
      form_values: json(patch.form_values),
      explanations: json(patch.explanations),
      sources: json(patch.sources),
      score: json(patch.score),
    };
    for (const k of Object.keys(set) as (keyof typeof set)[]) if (set[k] === undefined) delete set[k];
    return db
      .updateTable('readiness_forms')
      .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  formsOfCycle(db: ReadinessDb, cycleId: number): Promise<FormRow[]> {
    return db.selectFrom('readiness_forms').selectAll().where('cycle_id', '=', cycleId).orderBy('id').execute();
  },

  submittedForms(db: ReadinessDb, cycleId: number): Promise<FormRow[]> {
    return db.selectFrom('readiness_forms').selectAll().where('cycle_id', '=', cycleId).where('state', 'in', SUBMITTED).orderBy('id').execute();
  },

  addEvidence(db: ReadinessDb, row: Omit<EvidenceRow, 'id' | 'added_at'>): Promise<EvidenceInfo> {
    return db.insertInto('readiness_evidence').values(row).returning(EVIDENCE_INFO).executeTakeFirstOrThrow();
  },

  evidenceOf(db: ReadinessDb, formId: number): Promise<EvidenceInfo[]> {
    return db.selectFrom('readiness_evidence').select(EVIDENCE_INFO).where('form_id', '=', formId).orderBy('id').execute();
  },

  evidenceFile(db: ReadinessDb, formId: number, id: number): Promise<EvidenceRow | undefined> {
    return db.selectFrom('readiness_evidence').selectAll().where('form_id', '=', formId).where('id', '=', id).executeTakeFirst();
  },

  addQuestion(db: ReadinessDb, row: { form_id: number; code: string | null; question: string; asked_by: number }): Promise<QuestionRow> {
    return db.insertInto('readiness_questions').values(row).returningAll().executeTakeFirstOrThrow();
  },

  questionsOf(db: ReadinessDb, formId: number): Promise<QuestionRow[]> {
    return db.selectFrom('readiness_questions').selectAll().where('form_id', '=', formId).orderBy('id').execute();
  },

  findQuestion(db: ReadinessDb, id: number): Promise<QuestionRow | undefined> {
    return db.selectFrom('readiness_questions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  answerQuestion(db: ReadinessDb, id: number, answer: string, by: number): Promise<QuestionRow> {
    return db.updateTable('readiness_questions').set({ answer, answered_by: by, answered_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  addAdjustment(db: ReadinessDb, row: Omit<AdjustmentRow, 'id' | 'adjusted_at'>): Promise<AdjustmentRow> {
    return db.insertInto('readiness_adjustments').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Every adjustment of the cycle's forms, oldest first (the latest per form and indicator counts). */
  adjustmentsOfCycle(db: ReadinessDb, cycleId: number): Promise<AdjustmentRow[]> {
    return db
      .selectFrom('readiness_adjustments as a')
      .innerJoin('readiness_forms as f', 'f.id', 'a.form_id')
      .selectAll('a')
      .where('f.cycle_id', '=', cycleId)
      .orderBy('a.id')
      .execute();
  },

  adjustmentsOf(db: ReadinessDb, formId: number): Promise<AdjustmentRow[]> {
    return db.selectFrom('readiness_adjustments').selectAll().where('form_id', '=', formId).orderBy('id').execute();
  },
};
