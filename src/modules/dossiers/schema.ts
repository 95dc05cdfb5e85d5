// Types of the dossiers module. Money is integer đồng; dates of deadlines are Vietnam dates 'YYYY-MM-DD'.
import type { Text } from '../../platform/web/i18n.ts';

export const DossierStatus = {
  /** Received online or at the counter; the back office adds the later states. */
  received: 'received',
} as const;
export type DossierStatus = string;

export const PAYMENT_STATUSES = ['none', 'unpaid', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type Channel = 'online' | 'counter';

/** Field path of the receiving agency (API error `field`; its input's id on the page is `f-agency`). */
export const AGENCY_FIELD = 'agency';

export interface Applicant {
  name: string;
  /** 12-digit personal identification number (số định danh cá nhân). */
  personal_id: string;
  /** E.164 (+84…) or null. */
  phone: string | null;
  email: string | null;
  address: string;
}

export interface DeadlineInfo {
  explanation: Text;
  provisional: boolean;
  /** How it was counted (deadlineColumns): days or hours and the unit; absent on rows written before they were kept. */
  amount?: number;
  unit?: string;
}

/**
 * A dossier: one row of `dossiers`, the one model of it for every module (mapped from the row in one place, toDossier
 * in repo.ts). The submission's facts first; then the back office's state of the row (migrations/0008), which the
 * back office changes through `dossierRows.update` and the rest of the app only reads.
 */
export interface Dossier extends DossierProcessState {
  id: number;
  code: string;
  agencyId: number;
  procedureCode: string;
  procedureVersion: number;
  channel: Channel;
  applicantAccountId: number | null;
  applicant: Applicant;
  formData: Record<string, unknown>;
  status: DossierStatus;
  receivedAt: Date;
  dueAt: Date | null;
  dueDate: string | null;
  deadline: DeadlineInfo | null;
  feeTotalDong: number;
  paymentStatus: PaymentStatus;
}

/** Where the dossier is in its workflow and its legal clock (Decree 61/2018 Art. 15–19): the back office's state. */
export interface DossierProcessState {
  /** The workflow it follows (data/workflows) and the version of its row: every transition bumps it. */
  workflowCode: string;
  rowVersion: number;
  onlineLevel: 'full' | 'partial' | 'none' | null;
  /** The agency that appraises and decides (the receiving one, or the competent department), and the officer on it. */
  handlingAgencyId: number | null;
  assigneeId: number | null;
  clockStartedAt: Date | null;
  pausedAt: Date | null;
  stepDueAt: Date | null;
  originalDueAt: Date | null;
  apologizedAt: Date | null;
  decision: 'approved' | 'rejected' | null;
  resultAt: Date | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  returnMethod: 'counter' | 'post' | 'online' | null;
  finishedAt: Date | null;
}

export interface DossierFile {
  id: number;
  docKey: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface DossierEvent {
  at: Date;
  actor: string;
  kind: string;
  note: Record<string, unknown>;
}

export interface Payment {
  id: number;
  amountDong: number;
  method: 'vietqr' | 'gateway' | 'counter';
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  providerRef: string | null;
  createdAt: Date;
  paidAt: Date | null;
}
