// Kysely types of the back office's own tables (migrations/0008_dossier_workflow.sql): workflow definitions, requests
// to supplement, consultations (liên thông), the applicant's ratings and feedback. The dossier row, its files, timeline
// and payments belong to the dossiers module: the back office reads and writes them through its index.ts.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Json, PlatformTables } from '../../platform/db/index.ts';

export interface WorkflowsTable {
  code: string;
  name: Json;
  definition: Json;
  updated_at: Generated<Date>;
}

export interface DossierSupplementsTable {
  id: Generated<number>;
  dossier_id: number;
  stage: 'receipt' | 'appraisal';
  items: Json;
  reason: string | null;
  requested_by: number | null;
  requested_at: Date;
  completed_at: Date | null;
  // [{field, old, new}] (migrations/0016); the database defaults it to [] on insert.
  form_changes: ColumnType<unknown, string | undefined, string>;
}

export interface DossierConsultationsTable {
  id: Generated<number>;
  dossier_id: number;
  agency_id: number;
  question: string;
  requested_by: number | null;
  requested_at: Date;
  due_at: Date;
  replied_at: Date | null;
  replied_by: number | null;
  reply: string | null;
  /** The dossier_files ids sent to the agency (migrations/0023); the database defaults it to []. */
  documents: ColumnType<unknown, string | undefined, string>;
  include_answers: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DossierRatingsTable {
  dossier_id: number;
  account_id: number | null;
  overall: number;
  criteria: Json;
  comment: string | null;
  rated_at: Generated<Date>;
}

export interface DossierFeedbackTable {
  id: Generated<number>;
  dossier_id: number;
  account_id: number | null;
  message: string;
  created_at: Generated<Date>;
  answer: string | null;
  answered_by: number | null;
  answered_at: Date | null;
}

export type BackOfficeTables = {
  workflows: WorkflowsTable;
  dossier_supplements: DossierSupplementsTable;
  dossier_consultations: DossierConsultationsTable;
  dossier_ratings: DossierRatingsTable;
  dossier_feedback: DossierFeedbackTable;
};

export type BackOfficeDb = Kysely<PlatformTables & BackOfficeTables>;

export function backOfficeDb(db: Kysely<PlatformTables>): BackOfficeDb {
  return db.withTables<BackOfficeTables>();
}
