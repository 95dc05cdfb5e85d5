// The training office's pages under /dao-tao-cntt and the public verification page /xac-minh-chung-chi. Thin: parse →
// service → render. A refused form is shown again with what was typed and the errors; access is checked by the
// services (a unit's staff and citizens get 403).
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { t } from '../../platform/web/i18n.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { listAgencies } from '../units/index.ts';
import { requireManager } from './access.ts';
import { certificateById, issueCertificate, listCertificates, revokeCertificate, verifyCertificate } from './certificates.ts';
import { advanceClass, classOf, createClass, createCourse } from './courses.ts';
import { coverageTable } from './coverage.ts';
import { enrolOne, importCsv, type LineError, recordCompletion } from './enrol.ts';
import { recordResults } from './exams.ts';
import { m } from './messages.ts';
import { certificatePdf } from './pdf.ts';
import { trainingDb, trainingRepo } from './repo.ts';
import { type ClassView, ClassPage } from './views/class.tsx';
import { CertificatesPage } from './views/certificates.tsx';
import { CoveragePage } from './views/coverage.tsx';
import { GridPage } from './views/grid.tsx';
import { ClassesPage, CoursesPage } from './views/home.tsx';
import { URLS } from './views/parts.tsx';
import { VerifyPage } from './views/verify.tsx';

type Body = Record<string, unknown>;
const idOf = (req: FastifyRequest): number => {
  const v = (req.params as Body).id;
  return typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : 0;
};
const ids = (v: unknown): number[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && /^\d{1,12}$/.test(x)).map(Number);
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');
/** A refusal to show beside the fields (400, 409, 422); anything else goes to the error page. */
const formError = (err: unknown): AppError | undefined => (err instanceof AppError && [400, 409, 422].includes(err.status) ? err : undefined);
const asFields = (e: AppError): FieldError[] => (e.fields.length > 0 ? e.fields : [{ field: '', message: e.text }]);

export async function trainingRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(app, platform);
  const db = trainingDb(platform.database.db);

  async function classView(id: number): Promise<ClassView> {
    const cls = await classOf(db, id);
    const course = (await trainingRepo.findCourse(db, cls.course_id))!;
    const trainees = await trainingRepo.classTrainees(db, cls.id);
    const results = await trainingRepo.resultsOf(db, trainees.map((x) => x.id));
    const agencies = new Map((await listAgencies(platform.database.db)).map((a) => [a.id, a.name]));
    return { cls, course, trainees, results, agencies };
  }

  app.get(URLS.home, async (req, reply) => {
    requireManager(req.user);
    return noStore(reply).html(CoursesPage({ req, courses: await trainingRepo.listCourses(db) }));
  });
  app.post(URLS.home, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    try {
      await createCourse(platform, req.user, body);
      return reply.redirect(URLS.home, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply).status(e.status).html(CoursesPage({ req, courses: await trainingRepo.listCourses(db), typed: body, errors: asFields(e) }));
    }
  });

  app.get(URLS.classes, async (req, reply) => {
    requireManager(req.user);
    return noStore(reply).html(ClassesPage({ req, classes: await trainingRepo.listClasses(db), courses: await trainingRepo.listCourses(db) }));
  });
  app.post(URLS.classes, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    try {
      const c = await createClass(platform, req.user, body);
      return reply.redirect(URLS.classOf(c.id), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply).status(e.status).html(ClassesPage({ req, classes: await trainingRepo.listClasses(db), courses: await trainingRepo.listCourses(db), typed: body, errors: asFields(e) }));
    }
  });

  app.get(`${URLS.classes}/:id`, async (req, reply) => {
    requireManager(req.user);
    return noStore(reply).html(ClassPage({ req, v: await classView(idOf(req)) }));
  });
  /** Runs a class action; a refusal shows the class page again with the errors and what was typed. */
  async function onClass(req: FastifyRequest, reply: FastifyReply, act: (id: number, body: Body) => Promise<unknown>): Promise<unknown> {
    requireManager(req.user);
    const id = idOf(req);
    const body = (req.body ?? {}) as Body;
    try {
      await act(id, body);
      return reply.redirect(URLS.classOf(id), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply).status(e.status).html(ClassPage({ req, v: await classView(id), typed: body, errors: asFields(e) }));
    }
  }
  app.post(`${URLS.classes}/:id/trang-thai`, (req, reply) => onClass(req, reply, (id, b) => advanceClass(platform, req.user, id, typeof b.to === 'string' ? b.to : '')));
  app.post(`${URLS.classes}/:id/ghi-danh`, (req, reply) => onClass(req, reply, (id, b) => enrolOne(platform, req.user, id, b)));
  app.post(`${URLS.classes}/:id/hoan-thanh`, (req, reply) => onClass(req, reply, (id, b) => recordCompletion(platform, req.user, id, ids(b.attended), ids(b.completed))));
  app.post(`${URLS.classes}/:id/ghi-danh-csv`, async (req, reply) => {
    requireManager(req.user);
    const id = idOf(req);
    const body = (req.body ?? {}) as Body;
    const upload = uploadsOf(body).find((u) => u.docKey === 'csv' && u.temp && u.temp.size > 0);
    let lineErrors: LineError[];
    if (!upload?.temp || upload.truncated || upload.overTotal || upload.temp.size > 1_000_000) {
      lineErrors = [{ line: 0, message: { vi: 'Chọn một tệp CSV (tối đa 1 MB).', en: 'Choose a CSV file (1 MB at most).' } }];
    } else {
      const r = await importCsv(platform, req.user, id, (await readFile(upload.temp.path)).toString('utf8'));
      if (r.ok) return reply.redirect(URLS.classOf(id), 303);
      lineErrors = r.errors;
    }
    return noStore(reply).status(400).html(ClassPage({ req, v: await classView(id), lineErrors }));
  });

  app.get(`${URLS.classes}/:id/ket-qua`, async (req, reply) => {
    requireManager(req.user);
    return noStore(reply).html(GridPage({ req, v: await classView(idOf(req)) }));
  });
  app.post(`${URLS.classes}/:id/ket-qua`, async (req, reply) => {
    requireManager(req.user);
    const id = idOf(req);
    const body = (req.body ?? {}) as Body;
    const keep = { examDate: typeof body.examDate === 'string' ? body.examDate : '', board: typeof body.board === 'string' ? body.board : '' };
    try {
      const out = await recordResults(platform, req.user, id, body);
      // Saved cells are cleared (their results show on the class page); refused ones come back as typed.
      const refused = new Set(out.errors.map((e) => e.field));
      const typed = { ...keep, ...Object.fromEntries(Object.entries(out.typed).filter(([k]) => refused.has(k))) };
      const notice = [t(req.lang, m.saved, { n: out.saved }), out.errors.length > 0 ? t(req.lang, m.refusedCells, { n: out.errors.length }) : ''].filter(Boolean).join(' ');
      return noStore(reply).status(out.errors.length > 0 ? 400 : 200).html(GridPage({ req, v: await classView(id), typed, errors: out.errors, notice }));
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply).status(e.status).html(GridPage({ req, v: await classView(id), typed: keep, errors: asFields(e) }));
    }
  });

  app.get(URLS.certificates, async (req, reply) => noStore(reply).html(CertificatesPage({ req, list: await listCertificates(platform, req.user) })));
  app.post(URLS.certificates, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    try {
      const c = await issueCertificate(platform, req.user, body);
      return noStore(reply).html(CertificatesPage({ req, list: await listCertificates(platform, req.user), notice: `${t(req.lang, m.issue)}: ${c.full_name} — ${c.code}` }));
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply).status(e.status).html(CertificatesPage({ req, list: await listCertificates(platform, req.user), typed: body, errors: [{ field: 'traineeId', message: e.text }, ...e.fields] }));
    }
  });
  app.post(`${URLS.certificates}/:id/thu-hoi`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    try {
      await revokeCertificate(platform, req.user, idOf(req), body.reason);
      return reply.redirect(URLS.certificates, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply).status(e.status).html(CertificatesPage({ req, list: await listCertificates(platform, req.user), errors: asFields(e) }));
    }
  });
  app.get(`${URLS.certificates}/:file`, async (req, reply) => {
    const file = (req.params as Body).file;
    const id = typeof file === 'string' && /^\d{1,12}\.pdf$/.test(file) ? Number(file.slice(0, -4)) : 0;
    const c = await certificateById(platform, req.user, id);
    return noStore(reply).type('application/pdf').header('content-disposition', `inline; filename="chung-chi-${c.code}.pdf"`).send(await certificatePdf(c, platform.config.baseUrl));
  });

  app.get(URLS.coverage, async (req, reply) => {
    const q = (req.query ?? {}) as Body;
    const thisYear = new Date().getUTCFullYear();
    const year = typeof q.nam === 'string' && /^\d{4}$/.test(q.nam) && Number(q.nam) >= 2000 && Number(q.nam) <= thisYear + 1 ? Number(q.nam) : thisYear;
    return noStore(reply).html(CoveragePage({ req, year, rows: await coverageTable(platform, req.user, year) }));
  });

  // Public, rate-limited like the other public look-ups; a code is checked before the database is asked.
  const limited = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };
  app.get(URLS.verify, limited, async (req, reply) => {
    const q = (req.query ?? {}) as Body;
    const typed = typeof q.ma === 'string' ? q.ma.slice(0, 64) : '';
    const result = typed === '' ? null : await verifyCertificate(platform, typed);
    return reply.header('cache-control', 'no-store').status(result?.state === 'bad-code' ? 400 : 200).html(VerifyPage({ req, typed, result }));
  });
  app.get(`${URLS.verify}/:code`, limited, async (req, reply) => {
    const raw = (req.params as Body).code;
    const typed = typeof raw === 'string' ? raw.slice(0, 64) : '';
    const result = await verifyCertificate(platform, typed);
    return reply.header('cache-control', 'no-store').status(result.state === 'bad-code' ? 400 : result.state === 'unknown' ? 404 : 200).html(VerifyPage({ req, typed, result }));
  });
}
