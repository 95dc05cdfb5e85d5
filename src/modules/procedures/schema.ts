// Types of the procedure catalogue (DOMAIN §3). Constants are `as const` objects with derived types; the
// content of a version is what an import or an administrator sets, and what its content hash covers.
import type { DeadlineUnit } from '../../platform/calendar/index.ts';

export const CHANNELS = ['direct', 'post', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LEVELS = ['ministry', 'province', 'commune', 'other'] as const;
export type Level = (typeof LEVELS)[number];

/** Toàn trình (everything online, result included) or một phần (Decree 42/2022). */
export const ONLINE_LEVELS = ['full', 'partial'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** The deadline engine's units (platform/calendar), so a dossier can compute its due date from a version. */
export type TimeUnit = DeadlineUnit;
export const TIME_UNITS: readonly TimeUnit[] = ['working_days', 'calendar_days', 'hours', 'within_day'];

export interface ProcessingTime {
  /** Null when the text gives no number ("Trong ngày" needs none) or could not be read. */
  amount: number | null;
  unit: TimeUnit | null;
  /** The source text, unchanged. */
  text: string;
}

export interface FeeLine {
  label: string;
  /** Integer đồng; 0 when free; null when the amount is not stated in đồng (set elsewhere, foreign currency…). */
  amount_dong: number | null;
  text: string;
}

export interface RequiredDocument {
  name: string;
  /** Null when the source gives no count. */
  originals: number | null;
  copies: number | null;
  /** The first form (mẫu đơn, tờ khai) file named by the source, e.g. "Mau NA20-BCA.docx". */
  form_file: string | null;
  form_files: string[];
}

export interface ChannelDetail {
  channel: Channel | null;
  /** The channel as the source names it ("Trực tuyến"). */
  channel_text: string;
  time: ProcessingTime;
  fee_text: string;
  description: string;
}

export interface ResultDocument {
  name: string;
  /** The national result code, e.g. KQ.G01.000185. */
  code: string | null;
}

export interface LegalDocument {
  number: string;
  title: string | null;
}

/** Everything a version says that comes from its source; the content hash is computed over this. */
export interface ProcedureContent {
  name: string;
  field: string | null;
  procedureType: string | null;
  levels: Level[];
  issuingAgency: string | null;
  implementingAgencies: string[];
  competentAgency: string | null;
  receivingAddress: string | null;
  applicantTypes: string[];
  channels: Channel[];
  processingTime: ProcessingTime;
  channelDetails: ChannelDetail[];
  fees: FeeLine[];
  feesText: string | null;
  documents: RequiredDocument[];
  documentsText: string | null;
  steps: string[];
  conditions: string | null;
  result: ResultDocument[];
  resultText: string | null;
  legalBasis: LegalDocument[];
  legalBasisText: string | null;
  decisionNumber: string | null;
  sourceUrl: string | null;
}

/** What administrators and the e-forms/workflow configuration set on a version (not covered by the content hash). */
export interface ServiceConfig {
  onlineLevel: OnlineLevel | null;
  /** JSON Schema (2020-12) of the online form plus UI hints; null until an e-form is configured. */
  eform: unknown;
  workflowRef: string | null;
}

export interface ProcedureVersion extends ProcedureContent, ServiceConfig {
  code: string;
  version: number;
  effectiveFrom: string;
  contentHash: string;
  source: string | null;
  createdAt: Date;
}

export interface VersionSummary {
  version: number;
  effectiveFrom: string;
  source: string | null;
  createdAt: Date;
}

/** Our reviewed English translation of the name (data/procedures/names-en.csv); null where there is none yet. */
type EnglishNameField = { nameEn: string | null };

export interface ProcedureDetail extends ProcedureVersion, EnglishNameField {
  currentVersion: number;
  versions: VersionSummary[];
}

export interface ProcedureSummary extends EnglishNameField {
  code: string;
  name: string;
  field: string | null;
  levels: Level[];
  channels: Channel[];
  online: boolean;
  onlineLevel: OnlineLevel | null;
  processingTime: ProcessingTime;
  effectiveFrom: string;
}

/** National code 1.001193, or a local variant with a suffix: 1.012753.H19. */
export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]{1,12})?$/;

export function isProcedureCode(s: string): boolean {
  return PROCEDURE_CODE.test(s);
}
