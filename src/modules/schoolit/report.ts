// The school IT officer's report (issue 14): opened empty for the current school year, saved field by field (a
// refused value is named and kept out, the good ones are saved), submitted once every value is there and the rules
// hold; a report the office returned is edited and submitted again. Every change checks access first and writes its
// audit row in the same transaction; `version` refuses a save made over someone else's newer change.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { School } from '../admissions/index.ts';
import { ownSchool, schoolYearOf } from './access.ts';
import { SchoolItErrors } from './errors.ts';
import { applyPairRules, missingValues, parseValues, type Typed, typedFromValues } from './input.ts';
import { EMPTY_VALUES, type ReportRow, type ReportValues, schoolItDb, schoolItRepo, VALUE_FIELDS } from './repo.ts';

export interface ReportView {
  school: School;
  schoolYear: string;
  /** Null until the first save. */
  report: ReportRow | null;
  values: ReportValues;
}

export const valuesOf = (r: ReportRow | null | undefined): ReportValues => {
  if (!r) return { ...EMPTY_VALUES };
  const out = { ...EMPTY_VALUES };
  for (const f of VALUE_FIELDS) (out as Record<string, unknown>)[f] = r[f];
  return out;
};

export const isEditable = (r: ReportRow | null): boolean => !r || r.state === 'draft' || r.state === 'returned';

export async function officerReport(platform: Platform, actor: Actor, schoolCode: unknown, schoolYear = schoolYearOf()): Promise<ReportView> {
  const { school } = await ownSchool(platform, actor, schoolCode);
  const report = (await schoolItRepo.findReport(schoolItDb(platform.database.db), school.id, schoolYear)) ?? null;
  return { school, schoolYear, report, values: valuesOf(report) };
}

export interface SaveResult extends ReportView {
  /** Refused values and, when submission was asked, what it still lacks. Empty when all went through. */
  errors: FieldError[];
  /** What the form shows: the typed text for every field typed, else the saved value. */
  typed: Typed;
  submitted: boolean;
}

export async function saveReport(
  platform: Platform,
  actor: Actor,
  input: { schoolCode: unknown; schoolYear?: string; version: number; body: Record<string, unknown>; submit: boolean; ip?: string | null },
): Promise<SaveResult> {
  const { user, school } = await ownSchool(platform, actor, input.schoolCode);
  const schoolYear = input.schoolYear ?? schoolYearOf();
  const parsed = parseValues(input.body);
  return platform.database.db.transaction().execute(async (ptrx) => {
    const db = schoolItDb(ptrx);
    let report = await schoolItRepo.findReport(db, school.id, schoolYear, true);
    if (!report) {
      // Version 0 is the form of a report never saved; a twin created meanwhile makes this save stale.
      if (input.version !== 0 || !(await schoolItRepo.createDraft(db, school.id, schoolYear))) throw SchoolItErrors.STALE();
      report = await schoolItRepo.findReport(db, school.id, schoolYear, true);
      if (!report) throw SchoolItErrors.REPORT_NOT_FOUND();
    } else if (report.version !== input.version) throw SchoolItErrors.STALE();
    if (!isEditable(report)) throw SchoolItErrors.NOT_EDITABLE();
    const saved = valuesOf(report);
    applyPairRules(saved, parsed);
    const merged: ReportValues = { ...saved, ...parsed.values };
    const errors = [...parsed.errors];
    let submitted = false;
    if (input.submit) {
      const refused = new Set(errors.map((e) => e.field));
      errors.push(...missingValues(merged).filter((e) => !refused.has(e.field)));
      submitted = errors.length === 0;
    }
    const now = new Date();
    const updated = await schoolItRepo.update(db, report.id, {
      ...parsed.values,
      ...(submitted ? { state: 'submitted' as const, submitted_at: now, submitted_by: user.id, office_comment: null } : {}),
    });
    await recordAudit(ptrx, {
      actor: user,
      action: submitted ? 'schoolit.report.submit' : 'schoolit.report.save',
      entity: 'schoolit_report',
      entityId: report.id,
      ip: input.ip ?? null,
      data: {
        school: school.code,
        school_year: schoolYear,
        before: { state: report.state, ...pick(saved, Object.keys(parsed.values)) },
        after: { state: updated.state, ...parsed.values },
        refused: parsed.errors.map((e) => e.field),
      },
    });
    return { school, schoolYear, report: updated, values: valuesOf(updated), errors, typed: { ...typedFromValues(valuesOf(updated)), ...parsed.typed }, submitted };
  });
}

function pick(v: ReportValues, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (v as Record<string, unknown>)[k]]));
}
