// The education office's side (issue 14): every school's report of a school year, filtered by level, ward and state
// (schools that have not started one are listed too); a submitted report is checked (accepted) or returned with a
// comment, which the school sees. Access first; the audit row in the same transaction as the change.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { listSchools, type Level, type School } from '../admissions/index.ts';
import { requireOffice } from './access.ts';
import { SchoolItErrors } from './errors.ts';
import { type ReportRow, type ReportState, schoolItDb, schoolItRepo } from './repo.ts';

export interface ReportFilter {
  schoolYear: string;
  level?: Level | undefined;
  wardCode?: string | undefined;
  /** 'none': schools without a report for the year. */
  state?: ReportState | 'none' | undefined;
  page?: number | undefined;
}

export interface ReportListRow {
  school: School;
  report: ReportRow | null;
}

export const PAGE_SIZE = 50;

export async function listReports(platform: Platform, actor: Actor, f: ReportFilter): Promise<{ rows: ReportListRow[]; total: number; page: number; pages: number }> {
  requireOffice(actor);
  const schools = await listSchools(platform, { ...(f.level ? { level: f.level } : {}), ...(f.wardCode ? { wardCode: f.wardCode } : {}) });
  const reports = new Map((await schoolItRepo.reportsOfYear(schoolItDb(platform.database.db), f.schoolYear)).map((r) => [r.school_id, r]));
  const all = schools.map((school) => ({ school, report: reports.get(school.id) ?? null })).filter((r) => !f.state || (r.report?.state ?? 'none') === f.state);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  return { rows: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: all.length, page, pages };
}

export async function officeReport(platform: Platform, actor: Actor, id: number): Promise<{ school: School; report: ReportRow }> {
  requireOffice(actor);
  const report = Number.isSafeInteger(id) && id > 0 ? await schoolItRepo.findReportById(schoolItDb(platform.database.db), id) : undefined;
  const [school] = report ? await listSchools(platform, { ids: [report.school_id] }) : [];
  if (!report || !school) throw SchoolItErrors.REPORT_NOT_FOUND();
  return { school, report };
}

/** submitted → checked (accept) or → returned with the office's comment (1…2,000 characters). */
export async function decideReport(
  platform: Platform,
  actor: Actor,
  input: { id: number; version: number; decision: 'check' | 'return'; comment?: unknown; ip?: string | null },
): Promise<ReportRow> {
  const user = requireOffice(actor);
  const comment = typeof input.comment === 'string' ? input.comment.replaceAll('\0', '').normalize('NFC').trim() : '';
  if (input.decision === 'return' && (comment.length === 0 || comment.length > 2000)) {
    throw SchoolItErrors.COMMENT_MISSING({ fields: [{ field: 'comment', message: SchoolItErrors.COMMENT_MISSING().text }] });
  }
  return platform.database.db.transaction().execute(async (ptrx) => {
    const db = schoolItDb(ptrx);
    const report = Number.isSafeInteger(input.id) && input.id > 0 ? await schoolItRepo.findReportById(db, input.id, true) : undefined;
    if (!report) throw SchoolItErrors.REPORT_NOT_FOUND();
    if (report.version !== input.version) throw SchoolItErrors.STALE();
    if (report.state !== 'submitted') throw SchoolItErrors.WRONG_STATE();
    const state = input.decision === 'check' ? ('checked' as const) : ('returned' as const);
    const updated = await schoolItRepo.update(db, report.id, { state, decided_at: new Date(), decided_by: user.id, office_comment: state === 'returned' ? comment : null });
    await recordAudit(ptrx, {
      actor: user,
      action: state === 'checked' ? 'schoolit.report.check' : 'schoolit.report.return',
      entity: 'schoolit_report',
      entityId: report.id,
      ip: input.ip ?? null,
      data: { school_id: report.school_id, school_year: report.school_year, before: report.state, after: state, ...(state === 'returned' ? { comment } : {}) },
    });
    return updated;
  });
}
