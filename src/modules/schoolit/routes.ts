// The pages of schools' IT equipment (issue 14): thin — parse, call report.ts / review.ts / coverage.ts, render.
// /thiet-bi-cntt-truong for the school's IT officer, /thiet-bi-cntt-truong/so-gd for the education office.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { HOME_PROVINCE, listUnits } from '../units/index.ts';
import type { Level } from '../admissions/index.ts';
import { officerSchools, parseSchoolYear, requireOffice, schoolYearOf } from './access.ts';
import { LEVELS, officeCoverage } from './coverage.ts';
import { SchoolItErrors } from './errors.ts';
import { parseValues, typedFromValues } from './input.ts';
import { m } from './messages.ts';
import { REPORT_STATES } from './repo.ts';
import { officerReport, saveReport } from './report.ts';
import { decideReport, listReports, officeReport } from './review.ts';
import { CoveragePage } from './views/coverage-page.tsx';
import { OfficeListPage } from './views/office-list.tsx';
import { OfficeReportPage } from './views/office-report.tsx';
import { OFFICE_PATH, OFFICER_PATH, reportPath, schoolPath } from './views/parts.tsx';
import { NoSchoolPage, ReportFormPage } from './views/report-form.tsx';

type Q = Record<string, unknown>;
const str = (q: Q, k: string): string => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
const versionOf = (b: Q): number => (/^\d{1,9}$/.test(str(b, 'version')) ? Number(str(b, 'version')) : -1);
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

export async function schoolItPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const formPage = async (req: FastifyRequest, reply: FastifyReply, code: string, notice?: 'saved' | 'submitted') => {
    const view = await officerReport(platform, req.user, code);
    const others = await officerSchools(platform, req.user);
    return noStore(reply).html(ReportFormPage({ req, s: { ...view, typed: typedFromValues(view.values), errors: [], others, notice: notice ? m[notice] : undefined } }));
  };

  app.get(OFFICER_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const schools = await officerSchools(platform, req.user);
    const [school] = schools;
    if (!school) return noStore(reply).status(404).html(NoSchoolPage({ req }));
    return formPage(req, reply, school.code);
  });

  app.get(`${OFFICER_PATH}/truong/:school`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const done = str(req.query as Q, 'xong');
    return formPage(req, reply, (req.params as { school: string }).school, done === 'saved' || done === 'submitted' ? done : undefined);
  });

  app.post(`${OFFICER_PATH}/truong/:school`, async (req, reply) => {
    const code = (req.params as { school: string }).school;
    const body = (req.body ?? {}) as Q;
    const submit = str(body, 'action') === 'submit';
    try {
      const r = await saveReport(platform, req.user, { schoolCode: code, version: versionOf(body), body, submit, ip: req.ip ?? null });
      if (r.errors.length === 0) return reply.redirect(`${schoolPath(code)}?xong=${r.submitted ? 'submitted' : 'saved'}`, 303);
      const others = await officerSchools(platform, req.user);
      const problem = submit ? SchoolItErrors.INCOMPLETE().text : SchoolItErrors.INVALID().text;
      return noStore(reply).status(400).html(ReportFormPage({ req, s: { ...r, others, problem } }));
    } catch (err) {
      // A stale or closed report: nothing was saved; the form comes back with what was typed.
      if (!(err instanceof AppError) || (err.code !== 'STALE' && err.code !== 'NOT_EDITABLE')) throw err;
      const view = await officerReport(platform, req.user, code);
      const others = await officerSchools(platform, req.user);
      const typed = { ...typedFromValues(view.values), ...parseValues(body).typed };
      return noStore(reply).status(err.status).html(ReportFormPage({ req, s: { ...view, typed, errors: [], others, problem: err.text } }));
    }
  });

  // The education office.
  app.get(OFFICE_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireOffice(req.user);
    const q = req.query as Q;
    const level = LEVELS.find((l) => l === str(q, 'cap')) as Level | undefined;
    const state = (['none', ...REPORT_STATES] as const).find((s) => s === str(q, 'trang-thai'));
    const wardCode = /^\d{5}$/.test(str(q, 'xa')) ? str(q, 'xa') : undefined;
    const page = /^\d{1,6}$/.test(str(q, 'trang')) ? Number(str(q, 'trang')) : 1;
    const filter = { schoolYear: parseSchoolYear(str(q, 'nam')) ?? schoolYearOf(), level, wardCode, state, page };
    const list = await listReports(platform, req.user, filter);
    const wards = await listUnits(platform.database.db, { parent: HOME_PROVINCE });
    return noStore(reply).html(OfficeListPage({ req, s: { ...list, filter, wards } }));
  });

  app.get(`${OFFICE_PATH}/do-phu`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const q = req.query as Q;
    const c = await officeCoverage(platform, req.user, { year: parseSchoolYear(str(q, 'nam')) ?? schoolYearOf() });
    const wards = await listUnits(platform.database.db, { parent: HOME_PROVINCE });
    return noStore(reply).html(CoveragePage({ req, c, wards }));
  });

  const idOf = (req: FastifyRequest): number => {
    const id = (req.params as { id: string }).id;
    return /^\d{1,12}$/.test(id) ? Number(id) : 0;
  };

  app.get(`${OFFICE_PATH}/bao-cao/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const { school, report } = await officeReport(platform, req.user, idOf(req));
    const done = str(req.query as Q, 'xong');
    const notice = done === 'checked' ? m.accepted : done === 'returned' ? m.returned : undefined;
    return noStore(reply).html(OfficeReportPage({ req, s: { school, report, comment: '', errors: [], notice } }));
  });

  for (const [path, decision] of [
    ['chap-nhan', 'check'],
    ['tra-lai', 'return'],
  ] as const) {
    app.post(`${OFFICE_PATH}/bao-cao/:id/${path}`, async (req, reply) => {
      const body = (req.body ?? {}) as Q;
      const id = idOf(req);
      try {
        const r = await decideReport(platform, req.user, { id, version: versionOf(body), decision, comment: body.comment, ip: req.ip ?? null });
        return reply.redirect(`${reportPath(r.id)}?xong=${r.state}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || !['COMMENT_MISSING', 'STALE', 'WRONG_STATE'].includes(err.code)) throw err;
        const { school, report } = await officeReport(platform, req.user, id);
        const comment = typeof body.comment === 'string' ? body.comment.replaceAll('\0', '').slice(0, 4000) : '';
        const errors = err.fields.length > 0 ? err.fields : [{ field: 'comment', message: err.text }];
        return noStore(reply).status(err.status).html(OfficeReportPage({ req, s: { school, report, comment, errors } }));
      }
    });
  }
}
