// Imports procedures into the catalogue. Idempotent: a record whose content did not change leaves everything as it
// is; a changed record adds a version (effective from the given date) and keeps the old ones; a new code starts at
// version 1. Everything is written in one transaction with one audit row, in batches; the report counts what
// happened and, per field, the values the parsers could not read.
import type { Kysely } from 'kysely';
import { recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import { buildContent, contentHash, SourceRecord, type BuiltContent, type FieldProblem, type RecordProblems, type TimeSource } from './record.ts';
import { namesRepo } from './names-repo.ts';
import { proceduresDb, proceduresRepo, type NewVersion } from './repo.ts';
import type { RawRecord } from './reader.ts';
import type { OnlineLevel, ProcedureContent } from './schema.ts';
import { onlineSubmission, timeLimitOf } from './online.ts';
import { shippedTimeOverrides, type OverrideCheck, type TimeOverrides } from './parse/time-overrides.ts';

export interface ImportOptions {
  /** YYYY-MM-DD: when new versions take effect. */
  effectiveFrom: string;
  /** Where the records come from, kept on each new version ('import:<file>'). */
  source: string;
  actor: AuditEntry['actor'];
  onProgress?: (done: number, total: number) => void;
  /** The reviewed processing times (data/procedures/processing-time-overrides.csv by default; --time-overrides). */
  timeOverrides?: TimeOverrides;
}

export interface UnparsedExample {
  code: string;
  reason: string;
  text: string;
}

export interface FieldReport {
  /** Records whose value could not be (fully) read. */
  unparsed: number;
  /** How many records each reason applies to. */
  reasons: Record<string, number>;
  /** Records that give no value at all ("Không có thông tin", empty). */
  empty: number;
  examples: UnparsedExample[];
}

/** The processing time: what could not be read, and where each unit came from (record.ts resolveTime). */
export interface TimeReport extends FieldReport {
  /** Records by the source of their unit: the time text, the procedure's other text, the override table, none. */
  sources: Record<TimeSource, number>;
  /** Codes whose processing time still has no unit (the receiving officer sets the due date), in code order. */
  withoutUnit: string[];
  /** Codes of the override table whose time text states a unit itself: the row is not used. */
  overridesNotNeeded: string[];
  /** Of withoutUnit, the codes with an online channel: not offered online (onlineSubmission, NO_TIME_LIMIT). */
  notOnline: string[];
  /** Override rows used, by their check column: quoted from the procedure's text, or unverified. */
  overridesUsed: Record<OverrideCheck, number>;
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: { line: number; code: string | null; reason: string }[];
  /** fees: records with a part the parser kept as text (settled at the counter), by reason. */
  fields: { processingTime: TimeReport; fees: FieldReport; documents: FieldReport };
}

const BATCH = 200;
const EXAMPLES = 5;

/** Online level of a new version: 'partial' whenever it can be submitted online (onlineSubmission, the one rule);
 * 'full' (toàn trình) is kept from the previous version, where an administrator or the e-form configuration set it. */
export function onlineLevelFor(content: ProcedureContent, previous: OnlineLevel | null): OnlineLevel | null {
  if (!onlineSubmission(content).ok) return null;
  return previous === 'full' ? 'full' : 'partial';
}

function emptyField(): FieldReport {
  return { unparsed: 0, reasons: {}, empty: 0, examples: [] };
}

function note(field: FieldReport, code: string, problem: FieldProblem | undefined): void {
  if (problem === undefined) return;
  field.unparsed++;
  for (const r of problem.reasons) field.reasons[r] = (field.reasons[r] ?? 0) + 1;
  const reason = problem.reasons.join('; ');
  const snippet = problem.text.replace(/\s+/g, ' ').trim().slice(0, 160);
  // A few examples, at most two of each reason so that every kind of failure shows.
  const sameReason = field.examples.filter((e) => e.reason === reason).length;
  if (field.examples.length < EXAMPLES && sameReason < 2 && !field.examples.some((e) => e.text === snippet)) {
    field.examples.push({ code, reason, text: snippet });
  }
}

function isEmptyText(s: string | undefined): boolean {
  return s !== undefined && /^(không có thông tin)?$/i.test(s.trim());
}

function tally(report: ImportReport, code: string, r: SourceRecord, built: BuiltContent, overrides: TimeOverrides): void {
  const f = report.fields;
  const problems: RecordProblems = built.problems;
  const t = f.processingTime;
  if (built.timeSource) {
    t.sources[built.timeSource]++;
    const check = overrides.get(code)?.check;
    if (built.timeSource === 'override' && check) t.overridesUsed[check]++;
  }
  if (built.timeSource !== undefined && !timeLimitOf(built.content.processingTime)) {
    t.withoutUnit.push(code);
    if (built.content.channels.includes('online')) t.notOnline.push(code);
  }
  if (built.overrideNotNeeded) t.overridesNotNeeded.push(code);
  note(f.processingTime, code, problems.processingTime);
  note(f.fees, code, problems.fees);
  note(f.documents, code, problems.documents);
  if (isEmptyText(r.thoi_han_giai_quyet)) f.processingTime.empty++;
  if (isEmptyText(r.phi_le_phi)) f.fees.empty++;
  if (isEmptyText(r.thanh_phan_ho_so)) f.documents.empty++;
}

function zodReason(err: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`)
    .join('; ');
}

/** A record without some field (a CSV export, an empty cell) keeps the current version's value for it. */
const FIELDS = Object.keys(SourceRecord.shape) as (keyof SourceRecord)[];

export async function importProcedures(db: Kysely<PlatformTables>, input: readonly RawRecord[], opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    total: input.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: [],
    fields: {
      processingTime: { ...emptyField(), sources: { stated: 0, procedure_text: 0, override: 0, none: 0 }, withoutUnit: [], overridesNotNeeded: [], notOnline: [], overridesUsed: { quoted: 0, unverified: 0 } },
      fees: emptyField(),
      documents: emptyField(),
    },
  };
  const overrides = opts.timeOverrides ?? shippedTimeOverrides();
  const pdb = proceduresDb(db);
  const valid: { line: number; record: SourceRecord }[] = [];
  const seen = new Map<string, number>();
  for (const raw of input) {
    const parsed = SourceRecord.safeParse(raw.data);
    const code = typeof (raw.data as { ma_thu_tuc?: unknown })?.ma_thu_tuc === 'string' ? String((raw.data as { ma_thu_tuc: string }).ma_thu_tuc) : null;
    if (!parsed.success) {
      report.failed.push({ line: raw.line, code, reason: zodReason(parsed.error) });
      continue;
    }
    const first = seen.get(parsed.data.ma_thu_tuc);
    if (first !== undefined) {
      report.failed.push({ line: raw.line, code, reason: `duplicate code (first on line ${first})` });
      continue;
    }
    seen.set(parsed.data.ma_thu_tuc, raw.line);
    valid.push({ line: raw.line, record: parsed.data });
  }

  const states = await proceduresRepo.currentStates(pdb);
  const partial = valid.filter((v) => states.has(v.record.ma_thu_tuc) && FIELDS.some((f) => v.record[f] === undefined));
  const previous = await proceduresRepo.currentVersions(
    pdb,
    partial.map((v) => v.record.ma_thu_tuc),
  );

  const writes: NewVersion[] = [];
  const created: string[] = [];
  const updated: string[] = [];
  valid.forEach(({ line, record }, i) => {
    const code = record.ma_thu_tuc;
    const built = buildContent(record, previous.get(code), overrides);
    const { content } = built;
    tally(report, code, record, built, overrides);
    const hash = contentHash(content);
    const state = states.get(code);
    if (i % 250 === 0) opts.onProgress?.(i, valid.length * 2);
    if (state && state.hash === hash) {
      report.unchanged++;
      return;
    }
    if (state && opts.effectiveFrom < state.effectiveFrom) {
      report.failed.push({ line, code, reason: `effective date ${opts.effectiveFrom} is before the current version's (${state.effectiveFrom})` });
      return;
    }
    writes.push({
      code,
      version: state ? state.version + 1 : 1,
      effectiveFrom: opts.effectiveFrom,
      contentHash: hash,
      source: opts.source,
      content,
      onlineLevel: onlineLevelFor(content, state?.onlineLevel ?? null),
      eform: state?.eform ?? null,
      workflowRef: state?.workflowRef ?? null,
    });
    (state ? updated : created).push(code);
  });
  report.created = created.length;
  report.updated = updated.length;

  if (writes.length > 0) {
    await db.transaction().execute(async (trx) => {
      const tdb = proceduresDb(trx);
      for (let i = 0; i < writes.length; i += BATCH) {
        await proceduresRepo.writeVersions(tdb, writes.slice(i, i + BATCH));
        opts.onProgress?.(valid.length + Math.round(((i + BATCH) / writes.length) * valid.length), valid.length * 2);
      }
      // A new procedure takes the English name already waiting for its code (names-en.ts).
      if (created.length > 0) await namesRepo.apply(tdb);
      await recordAudit(trx, {
        actor: opts.actor,
        action: 'procedures.import',
        entity: 'procedure_catalogue',
        entityId: opts.source,
        data: { source: opts.source, effectiveFrom: opts.effectiveFrom, total: report.total, created, updated, unchanged: report.unchanged, failed: report.failed.length },
      });
    });
  }
  opts.onProgress?.(valid.length * 2, valid.length * 2);
  report.fields.processingTime.withoutUnit.sort();
  return report;
}
