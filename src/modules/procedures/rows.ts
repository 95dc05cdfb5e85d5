// Rows of the procedure tables ↔ the module's types (schema.ts).
import type { VersionRow } from './repo.ts';
import { parseFees } from './parse/fees.ts';
import type {
  ChannelDetail,
  FeeRule,
  LegalDocument,
  OnlineLevel,
  ProcedureContent,
  ProcedureVersion,
  ResultDocument,
  RequiredDocument,
  TimeUnit,
} from './schema.ts';

export function amountOf(v: string | number | null): number | null {
  return v === null ? null : Number(v);
}

// jsonb hands objects back with their keys reordered; content is rebuilt here with the keys in the order the
// parsers write them, so that a version read back hashes exactly like the same content freshly parsed.
function time(t: { amount: number | null; unit: TimeUnit | null; text: string; basis?: string | null }) {
  return { amount: t.amount, unit: t.unit, text: t.text, basis: t.basis ?? null };
}
const fee = (f: FeeRule): FeeRule => ({
  kind: f.kind,
  channel: f.channel,
  case: f.case,
  amount_dong: f.amount_dong,
  percent: f.percent,
  per: f.per,
  per_quantity: f.per_quantity,
  from: f.from,
  to: f.to,
  text: f.text,
});

/** The stored rules; a version written before they were stored (migration 0012) has them read from its text. */
function feeRulesOf(r: VersionRow, channels: ChannelDetail[]): FeeRule[] {
  if (Array.isArray(r.fee_rules)) return (r.fee_rules as FeeRule[]).map(fee);
  return parseFees(r.fees_text, channels.map((c) => ({ channel: c.channel, fee: c.fee_text, description: c.description }))).rules;
}
const doc = (d: RequiredDocument): RequiredDocument => ({
  name: d.name,
  originals: d.originals,
  copies: d.copies,
  form_file: d.form_file,
  form_files: d.form_files,
});
const channel = (c: ChannelDetail): ChannelDetail => ({
  channel: c.channel,
  channel_text: c.channel_text,
  time: time(c.time),
  fee_text: c.fee_text,
  description: c.description,
});
const resultDoc = (d: ResultDocument): ResultDocument => ({ name: d.name, code: d.code });
const legal = (d: LegalDocument): LegalDocument => ({ number: d.number, title: d.title });

export function contentOf(r: VersionRow): ProcedureContent {
  const channelDetails = (r.channel_details as ChannelDetail[]).map(channel);
  return {
    name: r.name,
    field: r.field,
    procedureType: r.procedure_type,
    levels: r.levels,
    issuingAgency: r.issuing_agency,
    implementingAgencies: r.implementing_agencies,
    competentAgency: r.competent_agency,
    receivingAddress: r.receiving_address,
    applicantTypes: r.applicant_types,
    channels: r.channels,
    processingTime: { amount: amountOf(r.processing_amount), unit: r.processing_unit, text: r.processing_text ?? '', basis: r.processing_basis },
    channelDetails,
    feeRules: feeRulesOf(r, channelDetails),
    feesText: r.fees_text,
    documents: (r.documents as RequiredDocument[]).map(doc),
    documentsText: r.documents_text,
    steps: r.steps as string[],
    conditions: r.conditions,
    result: (r.result as ResultDocument[]).map(resultDoc),
    resultText: r.result_text,
    legalBasis: (r.legal_basis as LegalDocument[]).map(legal),
    legalBasisText: r.legal_basis_text,
    decisionNumber: r.decision_number,
    sourceUrl: r.source_url,
  };
}

export function versionOf(r: VersionRow): ProcedureVersion {
  return {
    ...contentOf(r),
    code: r.code,
    version: r.version,
    effectiveFrom: r.effective_from,
    contentHash: r.content_hash,
    source: r.source,
    createdAt: r.created_at,
    onlineLevel: r.online_level,
    eform: r.eform ?? null,
    workflowRef: r.workflow_ref,
  };
}

export interface NewVersion {
  code: string;
  version: number;
  effectiveFrom: string;
  contentHash: string;
  source: string;
  content: ProcedureContent;
  onlineLevel: OnlineLevel | null;
  eform: unknown;
  workflowRef: string | null;
}

export function versionInsert(v: NewVersion) {
  const c = v.content;
  return {
    code: v.code,
    version: v.version,
    effective_from: v.effectiveFrom,
    content_hash: v.contentHash,
    source: v.source,
    name: c.name,
    field: c.field,
    procedure_type: c.procedureType,
    levels: c.levels,
    issuing_agency: c.issuingAgency,
    implementing_agencies: c.implementingAgencies,
    competent_agency: c.competentAgency,
    receiving_address: c.receivingAddress,
    applicant_types: c.applicantTypes,
    channels: c.channels,
    online_level: v.onlineLevel,
    processing_amount: c.processingTime.amount,
    processing_unit: c.processingTime.unit,
    processing_text: c.processingTime.text,
    processing_basis: c.processingTime.basis,
    channel_details: JSON.stringify(c.channelDetails),
    fee_rules: JSON.stringify(c.feeRules),
    fees_text: c.feesText,
    documents: JSON.stringify(c.documents),
    documents_text: c.documentsText,
    steps: JSON.stringify(c.steps),
    conditions: c.conditions,
    result: JSON.stringify(c.result),
    result_text: c.resultText,
    legal_basis: JSON.stringify(c.legalBasis),
    legal_basis_text: c.legalBasisText,
    decision_number: c.decisionNumber,
    source_url: c.sourceUrl,
    eform: v.eform === null || v.eform === undefined ? null : JSON.stringify(v.eform),
    workflow_ref: v.workflowRef,
  };
}

export function procedureRow(v: NewVersion) {
  const c = v.content;
  const agencies = [c.issuingAgency, ...c.implementingAgencies, c.competentAgency].filter((a): a is string => !!a);
  return {
    code: v.code,
    current_version: v.version,
    name: c.name,
    field: c.field,
    issuing_agency: c.issuingAgency,
    agencies: [...new Set(agencies)],
    levels: c.levels,
    channels: c.channels,
    online_level: v.onlineLevel,
    processing_amount: c.processingTime.amount,
    processing_unit: c.processingTime.unit,
    processing_text: c.processingTime.text,
    effective_from: v.effectiveFrom,
    updated_at: new Date(),
  };
}

