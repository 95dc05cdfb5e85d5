// Types of the procedure catalogue (DOMAIN §3). Constants are `as const` objects with derived types; the
// content of a version is what an import or an administrator sets, and what its content hash covers.
import { z } from 'zod';
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
  /**
   * Where amount and unit come from when the time text does not state them ("1"): a sentence of the procedure's own
   * text, or a row of data/procedures/processing-time-overrides.csv; null when the text states them (or nothing does).
   */
  basis: string | null;
}

/**
 * A fee rule (phí, lệ phí) read from the published text. A procedure's rules are alternatives, not lines to add up:
 * the one that applies to a dossier depends on its channel, its case and the date (time-limited rates such as those
 * of Circular 64/2025/TT-BTC); `feeFor` (fees.ts) picks it.
 * - amount: `amount_dong` per `per` ("lần", "trang"); `per_quantity` when it is multiplied by a count the applicant
 *   gives (pages, copies, persons), so no total is known before the counter counts;
 * - free: nothing is due;
 * - percent: `percent` % of the standing amount of the same case ("bằng 50% mức thu");
 * - text: the text sets a fee it does not put in figures (set by the provincial council, in dollars, cut off…):
 *   shown as published and settled at the counter.
 */
export const FEE_RULE_KINDS = ['amount', 'free', 'percent', 'text'] as const;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const FeeRule = z.object({
  kind: z.enum(FEE_RULE_KINDS),
  /** The channel the rule is written for; null: every channel. */
  channel: z.enum(CHANNELS).nullable(),
  /** The case (trường hợp) it is written for, in the source's words; null: every case. */
  case: z.string().nullable(),
  amount_dong: z.number().int().nonnegative().nullable(),
  percent: z.number().positive().max(100).nullable(),
  /** What one amount pays for, as written ("lần", "trang", "thẻ căn cước"); null when not said. */
  per: z.string().nullable(),
  per_quantity: z.boolean(),
  /** First and last day (inclusive) the rule is in force; null: open. */
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** The sentence of the published text the rule was read from. */
  text: z.string(),
});
export type FeeRule = z.infer<typeof FeeRule>;
export type FeeRuleKind = FeeRule['kind'];

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
  /** The fee rules read from the text (fees.ts evaluates them); the published text stays in feesText and channelDetails. */
  feeRules: FeeRule[];
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
