// The citizen's pages: submit (with drafts), receipt, Form 01, payment, detail, files, my dossiers, public lookup.
// Thin: parse → service → render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError, HttpErrors, type FieldError } from '../../../platform/http/errors.ts';
import { randomToken } from '../../../platform/auth/tokens.ts';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { formatDateTime, t } from '../../../platform/web/i18n.ts';
import { contentDisposition } from '../../../platform/files/index.ts';
import { answersView, loadAddressUnits, prefillValues } from '../../eforms/index.ts';
import { procedureExtension } from '../extensions.ts';
import { findProcedureForDossier, notOnlineError, type DossierProcedure } from '../catalogue.ts';
import { defaultAgency, receivingAgencies } from '../agency.ts';
import { deadlineFor } from '../deadline.ts';
import { draftFields, draftFilesOf, keepDraftFiles, keptUploads, loadDraft, saveDraft, type KeptFile } from '../drafts.ts';
import { DossierErrors } from '../errors.ts';
import { renderForm01 } from '../form01.ts';
import { submitPage as sm } from '../messages-pages.ts';
import { payOnline } from '../payments.ts';
import { applicantDefaults } from '../profile.ts';
import { getReceipt } from '../receipt.ts';
import { listMyDossiers, lookupStatus, openDossierFile, procedureNames } from '../read.ts';
import { checkDossier, submitDossier } from '../submit.ts';
import { recordDossierRead } from '../privacy.ts';
import { CheckPage } from '../views/check-page.tsx';
import { DetailPage } from '../views/detail-page.tsx';
import { LookupPage } from '../views/lookup-page.tsx';
import { MyDossiersPage } from '../views/my-page.tsx';
import { ReceiptPage } from '../views/receipt-page.tsx';
import { NotOnlinePage, SubmitPage } from '../views/submit-page.tsx';
import { isDossierCode } from '../code.ts';
import { uploadsOf } from './multipart.ts';
import { idParam, sendDossierFile } from './send-file.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** People who are not signed in go to the sign-in page and come back here afterwards. */
function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

/** The e-form's answers in a form post: everything but tokens, the agency and the files. */
function answersOf(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!k.startsWith('_') && !k.startsWith('files.') && k !== 'agency_code') out[k] = v;
  return out;
}

export async function dossierPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  async function onlineProcedure(code: string): Promise<DossierProcedure> {
    const procedure = await findProcedureForDossier(db, code);
    if (!procedure) throw DossierErrors.PROCEDURE_NOT_FOUND();
    return procedure;
  }

  async function showForm(
    req: FastifyRequest,
    reply: FastifyReply,
    procedure: DossierProcedure,
    state: { values: Record<string, unknown>; errors: FieldError[]; token: string; agencyCode?: string | undefined; notice?: string; status?: number; prefill?: boolean },
  ): Promise<FastifyReply> {
    const [agencies, units, kept] = await Promise.all([receivingAgencies(db, procedure), loadAddressUnits(db), req.user ? draftFilesOf(platform, req.user, procedure.code) : []]);
    const agencyCode = state.agencyCode ?? defaultAgency(agencies)?.code;
    // The procedure's own module may show the form with its records (extensions.ts): e.g. the citizen's licences.
    const ext = procedureExtension(procedure.code);
    const shown = ext?.form && req.user ? await ext.form(platform, req.user, procedure.form, req.lang) : undefined;
    const values = shown && state.prefill ? { ...state.values, ...shown.prefill } : state.values;
    const asShown = shown ? { ...procedure, form: shown.def } : procedure;
    reply.status(state.status ?? 200).html(SubmitPage({ req, procedure: asShown, agencies, agencyCode, values, errors: state.errors, token: state.token, units, notice: state.notice, kept, ...(shown?.notice ? { extensionNotice: t(req.lang, shown.notice) } : {}) }));
    return reply;
  }

  /** The draft as a submission: its answers, agency and kept files. */
  async function draftSubmission(user: SessionUser, procedure: DossierProcedure): Promise<{ data: Record<string, string | string[]>; kept: KeptFile[]; input: Parameters<typeof checkDossier>[2] } | undefined> {
    const draft = await loadDraft(platform, user, procedure.code);
    if (!draft) return undefined;
    const kept = await draftFilesOf(platform, user, procedure.code);
    const input = { procedureCode: procedure.code, agencyCode: str(draft.data.agency_code) || undefined, form: answersOf(draft.data), files: await keptUploads(platform, kept) };
    return { data: draft.data, kept, input };
  }

  function citizenOnly(req: FastifyRequest): SessionUser {
    if (!req.user) throw HttpErrors.UNAUTHENTICATED();
    if (req.user.kind !== 'citizen') throw HttpErrors.FORBIDDEN({ vi: sm.citizensOnly.vi, en: sm.citizensOnly.en });
    return req.user;
  }

  app.get('/dich-vu-cong/:procedureCode/nop', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const user = citizenOnly(req);
    const procedure = await onlineProcedure((req.params as { procedureCode: string }).procedureCode);
    const refused = notOnlineError(procedure);
    if (refused) return reply.status(400).html(NotOnlinePage({ req, procedure, message: t(req.lang, refused.text) }));
    const draft = await loadDraft(platform, user, procedure.code);
    const lang = req.lang;
    let values: Record<string, unknown>;
    let notice: string | undefined;
    if (draft) {
      values = draft.data;
      const at = formatDateTime(lang, draft.updatedAt);
      notice = str((req.query as Record<string, unknown>).nhap) === 'da-luu' ? t(lang, sm.draftSaved, { at }) : t(lang, sm.draftLoaded, { at });
    } else {
      values = prefillValues(procedure.form, await applicantDefaults(db, user));
    }
    const agencyCode = draft ? str(draft.data.agency_code) || undefined : undefined;
    return showForm(req, reply, procedure, { values, errors: [], token: randomToken(18), agencyCode, prefill: !draft, ...(notice ? { notice } : {}) });
  });

  app.post('/dich-vu-cong/:procedureCode/nop', { config: { beforeUpload: (req) => void citizenOnly(req) } }, async (req, reply) => {
    citizenOnly(req);
    const procedure = await onlineProcedure((req.params as { procedureCode: string }).procedureCode);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const self = `/dich-vu-cong/${encodeURIComponent(procedure.code)}/nop`;
    const refused = notOnlineError(procedure);
    if (refused) return reply.status(400).html(NotOnlinePage({ req, procedure, message: t(req.lang, refused.text) }));
    const agencyCode = str(body.agency_code) || undefined;
    if (body._action === 'draft' || body._action === 'check') {
      // The answers and the files uploaded now stay with the draft (issue 9): the check page submits them.
      await saveDraft(platform, req.user, procedure.code, draftFields(body), req.ip);
      const fileErrors = await keepDraftFiles(platform, req.user, procedure, uploadsOf(body), req.ip);
      if (fileErrors.length > 0) return showForm(req, reply, procedure, { values: draftFields(body), errors: fileErrors, token: str(body._token) || randomToken(18), agencyCode, status: 400 });
      if (body._action === 'draft') return reply.redirect(`${self}?nhap=da-luu`, 303);
      const d = await draftSubmission(req.user as SessionUser, procedure);
      const checked = d ? await checkDossier(platform, req.user, d.input) : undefined;
      if (checked && checked.errors.length > 0) return showForm(req, reply, procedure, { values: draftFields(body), errors: checked.errors, token: str(body._token) || randomToken(18), agencyCode, status: 400 });
      return reply.redirect(`${self}/kiem-tra`, 303);
    }
    const token = str(body._token);
    try {
      const { dossier } = await submitDossier(
        platform,
        req.user,
        { procedureCode: procedure.code, agencyCode: str(body.agency_code) || undefined, form: answersOf(body), files: uploadsOf(body), idempotencyKey: token || undefined },
        { via: 'web', ip: req.ip },
      );
      return reply.redirect(`/ho-so/${encodeURIComponent(dossier.code)}/bien-nhan`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_DOSSIER') throw err;
      // Nothing was saved: show the form again with what was typed, the same token, and every error.
      return showForm(req, reply, procedure, {
        values: draftFields(body),
        errors: err.fields,
        token: token || randomToken(18),
        agencyCode: str(body.agency_code) || undefined,
        status: 400,
      });
    }
  });

  app.get('/dich-vu-cong/:procedureCode/nop/kiem-tra', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const user = citizenOnly(req);
    const procedure = await onlineProcedure((req.params as { procedureCode: string }).procedureCode);
    const form = `/dich-vu-cong/${encodeURIComponent(procedure.code)}/nop`;
    const refused = notOnlineError(procedure);
    if (refused) return reply.status(400).html(NotOnlinePage({ req, procedure, message: t(req.lang, refused.text) }));
    const d = await draftSubmission(user, procedure);
    if (!d) return reply.redirect(form, 303);
    const checked = await checkDossier(platform, user, d.input);
    if (checked.errors.length > 0) return showForm(req, reply, procedure, { values: d.data, errors: checked.errors, token: randomToken(18), agencyCode: d.input.agencyCode, status: 400 });
    const [agencies, units] = await Promise.all([receivingAgencies(db, procedure), loadAddressUnits(db)]);
    const agency = agencies.find((a) => a.code === d.input.agencyCode) ?? defaultAgency(agencies);
    const agencyName = agency ? (req.lang === 'en' && agency.nameEn ? agency.nameEn : agency.name) : '';
    return reply.header('cache-control', 'private, no-store').html(
      CheckPage({
        req,
        procedure: checked.procedure,
        agencyName,
        sections: answersView(checked.procedure.form, checked.formData, req.lang, { units }),
        files: d.kept,
        // The fee as the catalogue's one evaluation (feeFor) gives it for today and the online channel.
        fee: checked.procedure.fees.online.amountDong,
        deadline: await deadlineFor(platform, checked.procedure, new Date()),
        token: randomToken(18),
      }),
    );
  });

  app.post('/dich-vu-cong/:procedureCode/nop/kiem-tra', async (req, reply) => {
    const user = citizenOnly(req);
    const procedure = await onlineProcedure((req.params as { procedureCode: string }).procedureCode);
    const refused = notOnlineError(procedure);
    if (refused) return reply.status(400).html(NotOnlinePage({ req, procedure, message: t(req.lang, refused.text) }));
    const token = str(((req.body ?? {}) as Record<string, unknown>)._token);
    const d = await draftSubmission(user, procedure);
    // Without a draft, a second click still finds the first dossier by its token.
    const input = d?.input ?? { procedureCode: procedure.code, form: {}, files: [] };
    try {
      const { dossier } = await submitDossier(platform, req.user, { ...input, idempotencyKey: token || undefined }, { via: 'web', ip: req.ip });
      return reply.redirect(`/ho-so/${encodeURIComponent(dossier.code)}/bien-nhan`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_DOSSIER') throw err;
      return showForm(req, reply, procedure, { values: d?.data ?? {}, errors: err.fields, token: randomToken(18), agencyCode: input.agencyCode, status: 400 });
    }
  });

  app.get('/ho-so/:code/bien-nhan', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const r = await getReceipt(platform, req.user, (req.params as { code: string }).code);
    if (req.user) await recordDossierRead(platform, req.user, r.dossier, 'receipt', { ip: req.ip });
    return reply.html(ReceiptPage({ req, r, paid: str((req.query as Record<string, unknown>).paid) === '1' }));
  });

  app.get('/ho-so/:code/mau-01.pdf', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const r = await getReceipt(platform, req.user, (req.params as { code: string }).code);
    if (req.user) await recordDossierRead(platform, req.user, r.dossier, 'pdf', { ip: req.ip, paper: '01' });
    const pdf = await renderForm01(r);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition(`mau-01-${r.dossier.code}.pdf`, 'inline'))
      .send(pdf);
  });

  app.post('/ho-so/:code/thanh-toan', async (req, reply) => {
    const code = (req.params as { code: string }).code;
    const receipt = `/ho-so/${encodeURIComponent(code)}/bien-nhan`;
    const started = await payOnline(platform, req.user, code, { returnUrl: `${platform.config.baseUrl}${receipt}`, ip: req.ip });
    return reply.redirect(started.redirectUrl ?? `${receipt}?paid=1`, 303);
  });

  app.get('/ho-so/:code', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const r = await getReceipt(platform, req.user, (req.params as { code: string }).code);
    if (req.user) await recordDossierRead(platform, req.user, r.dossier, 'receipt', { ip: req.ip });
    return reply.html(DetailPage({ req, r }));
  });

  app.get('/ho-so/:code/tep/:fileId', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const p = req.params as { code: string; fileId: string };
    const opened = await openDossierFile(platform, req.user, p.code, idParam(p.fileId));
    if (req.user) await recordDossierRead(platform, req.user, opened.dossier, 'file', { ip: req.ip, file: opened.file.id });
    return sendDossierFile(reply, opened);
  });

  app.get('/ho-so-cua-toi', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const items = await listMyDossiers(platform, req.user);
    return reply.html(MyDossiersPage({ req, items, names: await procedureNames(platform, items) }));
  });

  app.get('/tra-cuu-ho-so', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const query = str(q.ma).trim().slice(0, 60);
    const last4 = str(q.so).trim().slice(0, 8);
    if (!query) return reply.html(LookupPage({ req, query, last4 }));
    if (!isDossierCode(query.toUpperCase())) return reply.status(400).html(LookupPage({ req, query, last4, error: 'malformed' }));
    const found = await lookupStatus(platform, query, last4);
    return reply.status(found ? 200 : 404).html(LookupPage({ req, query, last4, found, error: found ? undefined : 'not_found' }));
  });
}
