// The self-assessment cycle's pages under /chuyen-doi-so (issue 14). Thin: parse → service → render. Access is checked
// by the services (a form of another unit is a 404); a refusal with fields is shown beside them with what was typed.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff } from '../../platform/auth/access.ts';
import { Role } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { t } from '../../platform/web/i18n.ts';
import { accountNames } from '../accounts/index.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { listAgencies } from '../units/index.ts';
import { cycleOf, isCouncil, isReviewer, requireReadinessStaff } from './access.ts';
import { checkTyped } from './check.ts';
import { closeCycle, openCycle, outstanding, publish, reopenForm } from './cycle.ts';
import { ReadinessErrors } from './errors.ts';
import { addEvidence, evidenceFile, MAX_EVIDENCE_BYTES } from './evidence.ts';
import { platformFigures } from './figures.ts';
import { formById, formFor, type FormView, saveDraft, setOf, submit } from './form.ts';
import { pm } from './page-messages.ts';
import { pagesRepo } from './repo-pages.ts';
import { readinessDb, readinessRepo } from './repo.ts';
import { adjust, answerQuestion, askQuestion, markReviewed } from './review.ts';
import { SHIPPED_SETS } from './sets.ts';
import { cycleUrl, formUrl, FORMS_URL } from './urls.ts';
import { valueMessages } from './values.ts';
import { CyclePage, PublishPage } from './views/cycle.tsx';
import { FormPage } from './views/form.tsx';
import { HomePage } from './views/home.tsx';
import type { Text } from '../../platform/web/i18n.ts';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const idOf = (v: unknown): number => (/^\d{1,12}$/.test(str(v)) ? Number(str(v)) : 0);
const param = (req: FastifyRequest, k = 'id'): number => idOf((req.params as Body)[k]);
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');
/** Errors shown on the page; 401, 403, 404 and 5xx go to the error page. */
const formError = (err: unknown): AppError | undefined => (err instanceof AppError && err.status < 500 && ![401, 403, 404].includes(err.status) ? err : undefined);
const asFields = (e: AppError): FieldError[] => [{ field: '', message: e.text }, ...e.fields];

const NOTICES: Record<string, Text> = { 'da-luu': pm.saved, 'da-nop': pm.submitted, 'da-tai-len': pm.uploaded, 'da-tra-loi': pm.answered, 'da-hoi': pm.asked, 'da-tham-dinh': pm.reviewedDone, 'da-mo-lai': pm.reopenedDone, 'da-dieu-chinh': pm.adjusted, 'da-cong-bo': pm.published, 'da-dong': pm.closed, 'da-mo-ky': pm.opened };
const noticeOf = (req: FastifyRequest): Text | undefined => NOTICES[Object.keys((req.query ?? {}) as Body).find((k) => k in NOTICES) ?? ''];

/** What the page typed: `v.CODE` values and `e.CODE` explanations, as strings. */
function typedOf(body: Body): { values: Record<string, string>; explanations: Record<string, string> } {
  const values: Record<string, string> = {};
  const explanations: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('v.') && k.length > 2) values[k.slice(2)] = str(v);
    else if (k.startsWith('e.') && k.length > 2) explanations[k.slice(2)] = str(v);
  }
  return { values, explanations };
}

async function agencyNames(platform: Platform): Promise<Map<number, string>> {
  return new Map((await listAgencies(platform.database.db, { includeInactive: true })).map((a) => [a.id, a.name]));
}

export async function readinessRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(app, platform);
  const db = readinessDb(platform.database.db);

  const home = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], typed?: { setId: string; deadline: string; guidance: string }, status = 200) => {
    const user = requireReadinessStaff(req.user);
    const cycles = await pagesRepo.cycles(db);
    const props: Parameters<typeof HomePage>[0] = { req, errors, notice: noticeOf(req), ...(typed ? { typed } : {}) };
    if (user.roles.includes(Role.readinessReporter) && user.agencyId !== null) {
      const own = (await listAgencies(platform.database.db, { includeInactive: true })).find((a) => a.id === user.agencyId);
      const peer = own?.kind === 'commune_committee' ? 'commune' : own?.kind === 'department' ? 'department' : null;
      const forms = await pagesRepo.formsOfAgency(db, user.agencyId);
      props.mine = cycles.filter((c) => c.peer_group === peer).map((cycle) => ({ cycle, form: forms.find((f) => f.cycle_id === cycle.id) }));
    }
    if (isReviewer(user)) {
      props.cycles = cycles;
      props.setsLeft = Object.keys(SHIPPED_SETS).filter((s) => !cycles.some((c) => c.set_id === s));
    } else if (isCouncil(user)) props.cycles = cycles;
    if (isCouncil(user)) {
      const names = await agencyNames(platform);
      props.toAdjust = (await pagesRepo.formsToAdjust(db)).map((f) => ({ form: f, year: f.year, agencyName: names.get(f.agency_id) ?? '' }));
    }
    return noStore(reply.status(status)).html(HomePage(props));
  };
  app.get(FORMS_URL, (req, reply) => home(req, reply));
  app.post(`${FORMS_URL}/ky`, async (req, reply) => {
    const b = (req.body ?? {}) as Body;
    const typed = { setId: str(b.setId), deadline: str(b.deadline), guidance: str(b.guidance) };
    try {
      const c = await openCycle(platform, req.user, typed, req.ip);
      return reply.redirect(`${cycleUrl(c.id)}?da-mo-ky=1`, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return home(req, reply, asFields(e), typed, e.status);
    }
  });

  // A cycle: the reporter goes to its own form (opened on first visit, with the platform's figures); the office and
  // the council see the forms.
  const cyclePage = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
    const user = requireReadinessStaff(req.user);
    if (!isReviewer(user) && !isCouncil(user)) {
      const view = await formFor(platform, user, param(req), platformFigures(platform, user), req.ip);
      return reply.redirect(formUrl(view.form.id), 303);
    }
    const cycle = await cycleOf(db, param(req));
    const names = await agencyNames(platform);
    const forms = (await readinessRepo.formsOfCycle(db, cycle.id)).map((form) => ({ form, agencyName: names.get(form.agency_id) ?? '' })).sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
    const out = isReviewer(user) ? await outstanding(platform, user, cycle.id) : undefined;
    return noStore(reply.status(status)).html(CyclePage({ req, cycle, forms, outstanding: out, reviewer: isReviewer(user), notice: noticeOf(req), errors }));
  };
  app.get(`${FORMS_URL}/ky/:id`, (req, reply) => cyclePage(req, reply));
  const cycleAction = (path: string, run: (req: FastifyRequest) => Promise<unknown>, done: string) =>
    app.post(`${FORMS_URL}/ky/:id/${path}`, async (req, reply) => {
      try {
        await run(req);
        return reply.redirect(`${cycleUrl(param(req))}?${done}=1`, 303);
      } catch (err) {
        const e = formError(err);
        if (!e) throw err;
        return cyclePage(req, reply, asFields(e), e.status);
      }
    });
  cycleAction('dong', (req) => closeCycle(platform, req.user, param(req), req.ip), 'da-dong');
  app.get(`${FORMS_URL}/ky/:id/cong-bo`, async (req, reply) => {
    requireStaff(req.user, Role.readinessReviewer);
    return noStore(reply).html(PublishPage({ req, cycle: await cycleOf(db, param(req)), errors: [] }));
  });
  app.post(`${FORMS_URL}/ky/:id/cong-bo`, async (req, reply) => {
    requireStaff(req.user, Role.readinessReviewer);
    const cycle = await cycleOf(db, param(req));
    if (str(((req.body ?? {}) as Body).confirm) !== 'yes') {
      return noStore(reply.status(400)).html(PublishPage({ req, cycle, errors: [{ field: 'confirm', message: pm.publishNeedsCheck }] }));
    }
    try {
      await publish(platform, req.user, cycle.id, req.ip);
      return reply.redirect(`${cycleUrl(cycle.id)}?da-cong-bo=1`, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return noStore(reply.status(e.status)).html(PublishPage({ req, cycle, errors: asFields(e) }));
    }
  });

  await formRoutes(app, platform);
}

/** The form page and its actions. */
async function formRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const formPage = async (req: FastifyRequest, reply: FastifyReply, o: { view?: FormView; errors?: FieldError[]; typed?: ReturnType<typeof typedOf>; status?: number; notice?: Text } = {}) => {
    const user = requireReadinessStaff(req.user);
    const view = o.view ?? (await formById(platform, user, param(req)));
    const { form, cycle } = view;
    const loaded = await setOf(readinessDb(platform.database.db), cycle);
    const reporter = user.roles.includes(Role.readinessReporter) && user.agencyId === form.agency_id;
    const editable = reporter && (form.state === 'draft' || form.state === 'returned') && cycle.state !== 'published';
    const names = await accountNames(platform.database.db, view.adjustments.map((a) => a.adjusted_by).filter((x): x is number => x !== null));
    const agency = (await listAgencies(platform.database.db, { includeInactive: true })).find((a) => a.id === form.agency_id);
    const page = FormPage({
      req, view, loaded, agencyName: agency?.name ?? '', editable, typed: o.typed, errors: o.errors ?? [], notice: o.notice ?? noticeOf(req),
      checked: checkTyped(loaded, form, o.typed ?? {}), reporter, reviewer: isReviewer(user), council: isCouncil(user),
      deadlinePassed: vietnamDateOf(new Date()) > cycle.deadline, names,
    });
    return noStore(reply.status(o.status ?? 200)).html(page);
  };
  const F = `${FORMS_URL}/phieu/:id`;
  app.get(F, (req, reply) => formPage(req, reply));

  // Save the draft, or save and submit.
  app.post(F, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const typed = typedOf(body);
    const version = /^\d{1,9}$/.test(str(body.version)) ? Number(str(body.version)) : -1;
    const id = param(req);
    try {
      const saved = await saveDraft(platform, req.user, id, { ...typed, version }, req.ip);
      if (saved.errors.length > 0) return formPage(req, reply, { view: saved, errors: saved.errors, typed, status: 400, notice: pm.savedWithErrors });
      if (str(body.action) !== 'submit') return reply.redirect(`${formUrl(id)}?da-luu=1`, 303);
      await submit(platform, req.user, id, saved.form.version, req.ip);
      return reply.redirect(`${formUrl(id)}?da-nop=1`, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return formPage(req, reply, { errors: asFields(e), typed, status: e.status });
    }
  });

  // Validated as typed: nothing is saved; the values that do not parse, the broken rules and the provisional points.
  app.post(`${F}/kiem-tra`, async (req, reply) => {
    const { form, cycle } = await formById(platform, req.user, param(req));
    const c = checkTyped(await setOf(readinessDb(platform.database.db), cycle), form, typedOf((req.body ?? {}) as Body));
    const lang = req.lang;
    return noStore(reply).send({
      errors: c.errors.map((e) => ({ field: e.field, message: t(lang, e.message) })),
      broken: c.broken.map((b) => ({ code: b.code, left: b.left, op: b.op, right: b.right, message: t(lang, valueMessages.rule(b)) })),
      points: c.points,
      total: c.total,
      max: c.max,
      allHold: t(lang, pm.allRulesHold),
      totalLabel: t(lang, pm.total),
    });
  });

  app.post(`${F}/minh-chung`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const id = param(req);
    try {
      const file = uploadsOf(body).find((u) => u.filename !== '' || (u.temp?.size ?? 0) > 0);
      if (!file) throw ReadinessErrors.INVALID({ fields: [{ field: 'file', message: { vi: 'Vui lòng chọn một tệp.', en: 'Please choose a file.' } }] });
      if (file.truncated || file.overTotal || !file.temp || file.temp.size > MAX_EVIDENCE_BYTES) {
        throw ReadinessErrors.EVIDENCE_REFUSED({ fields: [{ field: 'file', message: { vi: `Tệp “${file.filename}” quá 20 MB.`, en: `The file “${file.filename}” is over 20 MB.` } }] });
      }
      await addEvidence(platform, req.user, id, str(body.code), { name: file.filename, content: await readFile(file.temp.path) }, req.ip);
      return reply.redirect(`${formUrl(id)}?da-tai-len=1#evidence-h`, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return formPage(req, reply, { errors: asFields(e), status: e.status });
    }
  });
  app.get(`${F}/minh-chung/:eid`, async (req, reply) => {
    const file = await evidenceFile(platform, req.user, param(req), param(req, 'eid'));
    return noStore(reply).type(file.mime).header('content-disposition', contentDisposition(file.name, 'attachment')).header('x-content-type-options', 'nosniff').send(file.content);
  });

  const formAction = (path: string, run: (req: FastifyRequest, b: Body) => Promise<unknown>, done: string) =>
    app.post(`${F}/${path}`, async (req, reply) => {
      try {
        await run(req, (req.body ?? {}) as Body);
        return reply.redirect(`${formUrl(param(req))}?${done}=1`, 303);
      } catch (err) {
        const e = formError(err);
        if (!e) throw err;
        return formPage(req, reply, { errors: asFields(e), status: e.status });
      }
    });
  formAction('tra-loi/:qid', (req, b) => answerQuestion(platform, req.user, param(req, 'qid'), str(b.answer), req.ip), 'da-tra-loi');
  formAction('hoi', (req, b) => askQuestion(platform, req.user, param(req), { code: str(b.code) || null, question: str(b.question) }, req.ip), 'da-hoi');
  formAction('da-tham-dinh', (req) => markReviewed(platform, req.user, param(req), req.ip), 'da-tham-dinh');
  formAction('mo-lai', (req, b) => reopenForm(platform, req.user, param(req), str(b.reason), req.ip), 'da-mo-lai');
  formAction(
    'dieu-chinh',
    async (req, b) => {
      const raw = str(b.points).trim().replace(',', '.');
      if (!/^-?\d{1,6}(\.\d{1,4})?$/.test(raw)) throw ReadinessErrors.INVALID({ fields: [{ field: 'points', message: pm.pointsNumber }] });
      return adjust(platform, req.user, param(req), { code: str(b.code), points: Number(raw), reason: str(b.reason) }, req.ip);
    },
    'da-dieu-chinh',
  );
}
