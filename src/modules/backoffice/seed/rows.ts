// The rows the generator produces, named as the columns of migrations/0007 and 0008 (they are sent as JSON and read
// with json_to_recordset). Optional fields left out are NULL. The dossier's id and code are set by the writer, which
// takes them from the database in the batch's transaction.
import type { Applicant } from '../../dossiers/index.ts';

export type Status = 'received' | 'supplement' | 'refused' | 'processing' | 'consulting' | 'approval' | 'approved' | 'result_ready' | 'returned';

export const STATUSES: readonly Status[] = ['received', 'supplement', 'refused', 'processing', 'consulting', 'approval', 'approved', 'result_ready', 'returned'];

export interface DeadlineJson {
  explanation: { vi: string; en: string };
  provisional: boolean;
  amount: number;
  unit: string;
}

export interface DossierRow {
  id?: number;
  code?: string;
  agency_id: number;
  procedure_code: string;
  procedure_version: number;
  channel: 'online' | 'counter';
  applicant: Applicant;
  status: Status;
  received_at: Date;
  due_at?: Date;
  due_date?: string;
  deadline?: DeadlineJson;
  fee_total_dong: number;
  payment_status: 'none' | 'unpaid' | 'paid';
  created_at: Date;
  updated_at: Date;
  workflow_code: string;
  online_level: 'full' | 'partial' | 'none';
  handling_agency_id?: number;
  assignee_id?: number;
  row_version: number;
  clock_started_at: Date;
  paused_at?: Date;
  step_due_at?: Date;
  original_due_at?: Date;
  apologized_at?: Date;
  decision?: 'approved' | 'rejected';
  decided_at?: Date;
  result_at?: Date;
  outcome?: 'early' | 'on_time' | 'late';
  return_method?: 'counter' | 'post' | 'online';
  finished_at?: Date;
  due_soon_at?: Date;
  overdue_at?: Date;
  applicant_account_id?: number;
}

export interface EventRow {
  dossier_id?: number;
  at: Date;
  actor_id?: number;
  actor: string;
  kind: string;
  note: Record<string, unknown>;
  agency_id: number;
  from_status?: string;
  /** Absent for the sweeps' flags, which are not transitions. */
  to_status?: string;
  comment?: string;
}

export interface SupplementRow {
  dossier_id?: number;
  stage: 'receipt' | 'appraisal';
  items: { doc_key: string | null; text: string }[];
  reason: string;
  requested_by?: number;
  requested_at: Date;
  completed_at?: Date;
}

export interface ConsultationRow {
  dossier_id?: number;
  agency_id: number;
  question: string;
  requested_by?: number;
  requested_at: Date;
  due_at: Date;
  replied_at?: Date;
  replied_by?: number;
  reply?: string;
}

export interface RatingRow {
  dossier_id?: number;
  overall: number;
  criteria: Record<string, number>;
  comment?: string;
  rated_at: Date;
}

export interface PaymentRow {
  dossier_id?: number;
  amount_dong: number;
  method: 'vietqr' | 'gateway' | 'counter';
  status: 'pending' | 'paid' | 'cancelled';
  provider_ref?: string;
  created_at: Date;
  paid_at?: Date;
}

/** One generated dossier and everything that hangs from it. */
export interface SeededDossier {
  row: DossierRow;
  events: EventRow[];
  supplements: SupplementRow[];
  consultations: ConsultationRow[];
  rating?: RatingRow;
  payment?: PaymentRow;
}

/** The dossiers one agency received on one day, in the order of receipt: they take its numbers 0001, 0002, … */
export interface DayGroup {
  agencyId: number;
  agencyCode: string;
  day: string;
  dossiers: SeededDossier[];
}
