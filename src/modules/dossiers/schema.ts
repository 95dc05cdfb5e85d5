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
}

export interface Dossier {
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
