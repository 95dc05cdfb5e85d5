// Kysely types of the dossiers module's tables (migrations/0007_dossiers.sql, 0008_dossier_workflow.sql). The back
// office's tables of 0008 are in ../backoffice/tables.ts; other modules reach these only through ./index.ts.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Json, PlatformTables } from '../../platform/db/index.ts';

type Big = ColumnType<number, number, number>;

export interface DossiersTable {
  id: Generated<number>;
  // Null only inside the submitting transaction, which inserts the row first and sets the code last
  // (migrations/0009_dossier_code_last.sql); a committed dossier always has one, so reads type it as a string.
  code: ColumnType<string, string | null, string>;
  agency_id: number;
  procedure_code: string;
  procedure_version: number;
  channel: 'online' | 'counter';
  applicant_account_id: number | null;
  applicant: Json;
  form_data: Json;
  status: string;
  received_at: Date;
  due_at: Date | null;
  due_date: string | null;
  deadline: ColumnType<unknown, string | null, string | null>;
  fee_total_dong: Big;
  payment_status: 'none' | 'unpaid' | 'paid';
  idempotency_key: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  // migrations/0008_dossier_workflow.sql
  workflow_code: Generated<string>;
  online_level: 'full' | 'partial' | 'none' | null;
  handling_agency_id: number | null;
  assignee_id: number | null;
  row_version: Generated<number>;
  clock_started_at: Date | null;
  paused_at: Date | null;
  step_due_at: Date | null;
  original_due_at: Date | null;
  apologized_at: Date | null;
  decision: 'approved' | 'rejected' | null;
  decided_at: Date | null;
  result_at: Date | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  return_method: 'counter' | 'post' | 'online' | null;
  finished_at: Date | null;
  due_soon_at: Date | null;
  overdue_at: Date | null;
}

export interface DossierSequencesTable {
  agency_id: number;
  day: string;
  last: number;
}

export interface StoredFilesTable {
  sha256: string;
  size: Big;
  mime: string;
  created_at: Generated<Date>;
}

export interface DossierFilesTable {
  id: Generated<number>;
  dossier_id: number;
  doc_key: string;
  original_name: string;
  mime: string;
  size: Big;
  sha256: string;
  created_at: Generated<Date>;
  kind: Generated<'applicant' | 'supplement' | 'scan' | 'result'>;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  at: Generated<Date>;
  actor_id: number | null;
  actor: string;
  kind: string;
  note: Json;
  agency_id: Generated<number | null>;
  from_status: Generated<string | null>;
  to_status: Generated<string | null>;
  comment: Generated<string | null>;
}

export interface PaymentsTable {
  id: Generated<number>;
  dossier_id: number;
  amount_dong: Big;
  method: 'vietqr' | 'gateway' | 'counter';
  status: Generated<'pending' | 'paid' | 'failed' | 'cancelled'>;
  provider_ref: string | null;
  created_at: Generated<Date>;
  paid_at: Date | null;
}

export interface DossierDraftsTable {
  account_id: number;
  procedure_code: string;
  data: Json;
  updated_at: Generated<Date>;
}

/** Files uploaded with a draft, kept until the check-your-answers page submits it (migrations/0016). */
export interface DossierDraftFilesTable {
  id: Generated<number>;
  account_id: number;
  procedure_code: string;
  doc_key: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: Generated<Date>;
}

export type DossierTables = {
  dossiers: DossiersTable;
  dossier_sequences: DossierSequencesTable;
  stored_files: StoredFilesTable;
  dossier_files: DossierFilesTable;
  dossier_events: DossierEventsTable;
  payments: PaymentsTable;
  dossier_drafts: DossierDraftsTable;
  dossier_draft_files: DossierDraftFilesTable;
};

export type DossierDb = Kysely<PlatformTables & DossierTables>;

export function dossierDb(db: Kysely<PlatformTables>): DossierDb {
  return db.withTables<DossierTables>();
}
