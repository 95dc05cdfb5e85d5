// A source record (one line of the national portal's JSONL, or one row of its CSV exports) → the typed content of a
// procedure version, with what the parsers could not read. Fields a CSV does not carry keep the current version's
// value, so importing the summary CSV after the full JSONL changes nothing.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { nfc } from '../../platform/text/index.ts';
import { parseProcessingTime, type TimeParse } from './parse/time.ts';
import { timeFromProcedureText } from './parse/time-basis.ts';
import { applyOverride, shippedTimeOverrides, type TimeOverrides } from './parse/time-overrides.ts';
import { parseFees } from './parse/fees.ts';
import { parseDocuments } from './parse/documents.ts';
import { channelOf, parseChannels, parseLegalBasis, parseLevels, parseResult, parseSteps, splitNames, textOrNull } from './parse/lists.ts';
import { PROCEDURE_CODE, type ChannelDetail, type ProcedureContent, type ProcessingTime } from './schema.ts';

const text = z.string().max(500_000).optional();
const SourceChannel = z.object({
  channel: z.string().default(''),
  time: z.string().default(''),
  fee: z.string().default(''),
  description: z.string().default(''),
});

export const SourceRecord = z.object({
  ma_thu_tuc: z.string().trim().regex(PROCEDURE_CODE),
  ten_thu_tuc: z.string().trim().min(1).max(2000),
  linh_vuc: text,
  co_quan_ban_hanh: text,
  cap_thuc_hien: text,
  co_quan_thuc_hien: text,
  co_quan_co_tham_quyen: text,
  dia_chi_tiep_nhan: text,
  doi_tuong_thuc_hien: text,
  loai_thu_tuc: text,
  so_quyet_dinh_cong_bo: text,
  kenh_nop: text,
  co_nop_truc_tuyen: z.union([z.boolean(), z.enum(['True', 'False', 'true', 'false', '1', '0', ''])]).optional(),
  thoi_han_giai_quyet: text,
  phi_le_phi: text,
  can_cu_phap_ly_so_hieu: text,
  can_cu_phap_ly_text: text,
  trinh_tu_thuc_hien: text,
  cach_thuc_chi_tiet: z.array(SourceChannel).optional(),
  thanh_phan_ho_so: text,
  yeu_cau_dieu_kien: text,
  ket_qua: text,
  detail_url: text,
});
export type SourceRecord = z.infer<typeof SourceRecord>;

/** What could not be read, per reported field. */
export interface FieldProblem {
  reasons: string[];
  /** The part of the source text that could not be read. */
  text: string;
}

export interface RecordProblems {
  processingTime?: FieldProblem;
  fees?: FieldProblem;
  documents?: FieldProblem;
}

/** Where the processing time's unit came from: the time text, the procedure's other text, the override table, none. */
export type TimeSource = 'stated' | 'procedure_text' | 'override' | 'none';

export interface BuiltContent {
  content: ProcedureContent;
  problems: RecordProblems;
  /** Undefined when the record has no time field (a CSV without it keeps the current version's). */
  timeSource?: TimeSource;
  /** The override table has a row for this code though the time text states a unit. */
  overrideNotNeeded?: boolean;
}

function onlineFlag(v: SourceRecord['co_nop_truc_tuyen']): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return v === true || v === 'True' || v === 'true' || v === '1';
}

/** A channel's time without a unit takes the procedure's resolved one (the portal repeats the same "1" per channel). */
function channelDetails(list: z.infer<typeof SourceChannel>[], resolved: ProcessingTime | undefined): ChannelDetail[] {
  return list.map((c) => {
    const time = parseProcessingTime(nfc(c.time)).value;
    const typed = time.unit === null && time.text !== '' && resolved?.unit ? { ...resolved, text: time.text } : time;
    return {
      channel: channelOf(c.channel),
      channel_text: nfc(c.channel).trim(),
      time: typed,
      fee_text: nfc(c.fee).trim(),
      description: nfc(c.description).trim(),
    };
  });
}

interface ResolvedTime {
  value: ProcessingTime;
  source: TimeSource;
  problem?: FieldProblem;
  overrideNotNeeded: boolean;
}

/** The processing time: as the time text states it, else from the procedure's other text, else from the table. */
function resolveTime(code: string, parsed: TimeParse, r: SourceRecord, overrides: TimeOverrides, previous: ProcedureContent | undefined): ResolvedTime {
  const override = overrides.get(code);
  if (parsed.value.unit !== null) return { value: parsed.value, source: 'stated', overrideNotNeeded: override !== undefined };
  // A record without the other texts (a CSV) reads the current version's.
  const fromText = timeFromProcedureText(parsed.value, {
    descriptions: r.cach_thuc_chi_tiet ? r.cach_thuc_chi_tiet.map((c) => nfc(c.description)) : (previous?.channelDetails.map((c) => c.description) ?? []),
    steps: r.trinh_tu_thuc_hien ?? previous?.steps.join('\n') ?? '',
    fees: r.phi_le_phi ?? previous?.feesText ?? '',
  });
  if (override) return { value: applyOverride(parsed.value, override), source: 'override', overrideNotNeeded: false };
  if (fromText) return { value: fromText, source: 'procedure_text', overrideNotNeeded: false };
  const out: ResolvedTime = { value: parsed.value, source: 'none', overrideNotNeeded: false };
  if (parsed.problem) out.problem = { reasons: [parsed.problem], text: parsed.value.text };
  return out;
}

/** An http(s) address, or null: the page links to it. */
function webAddress(s: string | undefined): string | null {
  const v = (s ?? '').trim();
  return /^https?:\/\/[^\s]+$/i.test(v) ? v : null;
}

/** The value from the record when it has the field, else the previous version's, else the empty value. */
function pick<T>(has: boolean, fromRecord: () => T, previous: T | undefined, empty: T): T {
  if (has) return fromRecord();
  return previous ?? empty;
}

export function buildContent(record: SourceRecord, previous?: ProcedureContent, overrides: TimeOverrides = shippedTimeOverrides()): BuiltContent {
  const r = Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? nfc(v) : v]),
  ) as SourceRecord;
  const has = (k: keyof SourceRecord): boolean => r[k] !== undefined;
  const problems: RecordProblems = {};

  const time = has('thoi_han_giai_quyet') ? resolveTime(r.ma_thu_tuc, parseProcessingTime(r.thoi_han_giai_quyet), r, overrides, previous) : undefined;
  if (time?.problem) problems.processingTime = time.problem;
  // Each channel's fee text is read (the joined text loses which channel says what); a record without them (a CSV)
  // reads the current version's.
  const channelFees = has('cach_thuc_chi_tiet')
    ? (r.cach_thuc_chi_tiet ?? []).map((c) => ({ channel: channelOf(c.channel), fee: nfc(c.fee).trim(), description: nfc(c.description).trim() }))
    : (previous?.channelDetails ?? []).map((c) => ({ channel: c.channel, fee: c.fee_text, description: c.description }));
  const fees = has('phi_le_phi') || has('cach_thuc_chi_tiet') ? parseFees(r.phi_le_phi ?? previous?.feesText, channelFees) : undefined;
  if (fees && fees.problems.length > 0) problems.fees = { reasons: fees.problems, text: fees.sample ?? r.phi_le_phi ?? '' };
  const docs = has('thanh_phan_ho_so') ? parseDocuments(r.thanh_phan_ho_so) : undefined;
  if (docs && docs.problems.length > 0) problems.documents = { reasons: docs.problems, text: docs.sample ?? r.thanh_phan_ho_so ?? '' };

  const p = previous;
  const legalNumbers = has('can_cu_phap_ly_so_hieu') ? (r.can_cu_phap_ly_so_hieu ?? '') : (p?.legalBasis.map((l) => l.number).join('; ') ?? '');
  const legalText = has('can_cu_phap_ly_text') ? textOrNull(r.can_cu_phap_ly_text) : (p?.legalBasisText ?? null);
  const online = onlineFlag(r.co_nop_truc_tuyen);

  const content: ProcedureContent = {
    name: r.ten_thu_tuc.trim(),
    field: pick(has('linh_vuc'), () => textOrNull(r.linh_vuc), p?.field, null),
    procedureType: pick(has('loai_thu_tuc'), () => textOrNull(r.loai_thu_tuc), p?.procedureType, null),
    levels: pick(has('cap_thuc_hien'), () => parseLevels(r.cap_thuc_hien), p?.levels, []),
    issuingAgency: pick(has('co_quan_ban_hanh'), () => textOrNull(r.co_quan_ban_hanh), p?.issuingAgency, null),
    implementingAgencies: pick(has('co_quan_thuc_hien'), () => splitNames(r.co_quan_thuc_hien), p?.implementingAgencies, []),
    competentAgency: pick(has('co_quan_co_tham_quyen'), () => textOrNull(r.co_quan_co_tham_quyen), p?.competentAgency, null),
    receivingAddress: pick(has('dia_chi_tiep_nhan'), () => textOrNull(r.dia_chi_tiep_nhan), p?.receivingAddress, null),
    applicantTypes: pick(has('doi_tuong_thuc_hien'), () => splitNames(r.doi_tuong_thuc_hien), p?.applicantTypes, []),
    channels: pick(has('kenh_nop') || online !== undefined, () => parseChannels(r.kenh_nop, online), p?.channels, []),
    processingTime: time ? time.value : (p?.processingTime ?? { amount: null, unit: null, text: '', basis: null }),
    channelDetails: pick(has('cach_thuc_chi_tiet'), () => channelDetails(r.cach_thuc_chi_tiet ?? [], time?.value), p?.channelDetails, []),
    feeRules: fees ? fees.rules : (p?.feeRules ?? []),
    feesText: pick(has('phi_le_phi'), () => textOrNull(r.phi_le_phi), p?.feesText, null),
    documents: docs ? docs.items : (p?.documents ?? []),
    documentsText: pick(has('thanh_phan_ho_so'), () => textOrNull(r.thanh_phan_ho_so), p?.documentsText, null),
    steps: pick(has('trinh_tu_thuc_hien'), () => parseSteps(r.trinh_tu_thuc_hien), p?.steps, []),
    conditions: pick(has('yeu_cau_dieu_kien'), () => textOrNull(r.yeu_cau_dieu_kien), p?.conditions, null),
    result: pick(has('ket_qua'), () => parseResult(r.ket_qua), p?.result, []),
    resultText: pick(has('ket_qua'), () => textOrNull(r.ket_qua), p?.resultText, null),
    legalBasis: parseLegalBasis(legalNumbers, legalText),
    legalBasisText: legalText,
    decisionNumber: pick(has('so_quyet_dinh_cong_bo'), () => textOrNull(r.so_quyet_dinh_cong_bo), p?.decisionNumber, null),
    sourceUrl: pick(has('detail_url'), () => webAddress(r.detail_url), p?.sourceUrl, null),
  };
  const built: BuiltContent = { content, problems };
  if (time) {
    built.timeSource = time.source;
    if (time.overrideNotNeeded) built.overrideNotNeeded = true;
  }
  return built;
}

/**
 * sha256 of the content as JSON. Content objects are always built with their keys in one order (the parsers here;
 * contentOf in repo.ts for versions read back from the database), so equal content serialises alike.
 */
export function contentHash(content: ProcedureContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
