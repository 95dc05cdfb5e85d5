// The officers' pages (issue 4 "Officer work"): the inbox, a dossier with a form per action, the action posts, the
// dossier's files, its papers (Forms 01–05) and the agency's tracking book (Form 06). Thin: parse → service → render.
// Access is checked in the services: staff only, and a dossier only for the agencies concerned (404 otherwise).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { requireStaff } from '../../../platform/auth/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { idParam, recordDossierRead, sendDossierFile } from '../../dossiers/index.ts';
import { takeAction } from '../workflow/engine.ts';
import { actionOf } from '../workflow/definition.ts';
import { isInboxTab } from '../workflow/inbox.ts';
import { getWorkflow } from '../workflow/registry.ts';
import { caseFor } from '../workflow/view.ts';
import { inboxPage } from './inbox-data.ts';
import { actionInputOf, typedValues } from './input.ts';
import { missingConfirmation } from './confirm.ts';
import { papersOf } from './papers.ts';
import { casePath, signInFirst } from './http.ts';
import { paperRoutes } from './routes-papers.ts';
import { officerCase, openOfficerFile } from './service.ts';
import { CasePage, type CasePageProps } from './views/case-page.tsx';
import { InboxPageView } from './views/inbox-page.tsx';
import { FEE_FIELDS } from './views/fee-form.tsx';
import { isFeeFormError, recordFeesCollected } from './fees.ts';
import { answerFeedback } from '../citizen/service.ts';

/** `?xong=thu-phi` after the fees were recorded, `?xong=tra-loi` after feedback was answered. */
const FEE_DONE = 'thu-phi';
const ANSWER_DONE = 'tra-loi';
/** Refusals of an answer shown on the page with the form; the rest (not signed in, not found) go to the handler. */
const ANSWER_FORM_ERRORS = new Set(['INVALID_FEEDBACK', 'FEEDBACK_ANSWERED', 'FEEDBACK_NOT_FOUND', 'STAFF_ONLY']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Errors that are not about the form go to the global handler: not signed in, forbidden, not found, trouble. */
const NOT_FORM_ERRORS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF', 'DOSSIER_NOT_FOUND']);

export async function officePages(app: FastifyInstance, platform: Platform): Promise<void> {
  async function showCase(req: FastifyRequest, reply: FastifyReply, code: string, extra: Pick<CasePageProps, 'done' | 'failed' | 'feeDone' | 'feeFailed' | 'answerDone' | 'answerFailed'> = {}, status = 200): Promise<FastifyReply> {
    const oc = await officerCase(platform, req.user, code);
    if (req.user) await recordDossierRead(platform, req.user, oc.view.case, 'page', { ip: req.ip });
    const failed = extra.failed ? { ...extra.failed, shown: oc.view.actions.some((a) => a.key === extra.failed?.action) } : undefined;
    reply.status(status).header('cache-control', 'private, no-store').html(CasePage({ req, oc, papers: papersOf(oc.view), ...extra, failed }));
    return reply;
  }

  app.get('/mot-cua', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const q = req.query as Record<string, unknown>;
    const tab = str(q.tab);
    const page = /^\d{1,6}$/.test(str(q.trang)) ? Number(str(q.trang)) : 1;
    const box = await inboxPage(platform, req.user, { tab: isInboxTab(tab) ? tab : undefined, q: str(q.q).slice(0, 100), page });
    return reply.header('cache-control', 'private, no-store').html(InboxPageView({ req, box }));
  });

  app.get('/mot-cua/ho-so/:code', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const code = (req.params as { code: string }).code;
    const doneKey = str((req.query as Record<string, unknown>).xong);
    let done: CasePageProps['done'];
    if (doneKey === FEE_DONE) return showCase(req, reply, code, { feeDone: true });
    if (doneKey === ANSWER_DONE) return showCase(req, reply, code, { answerDone: true });
    if (doneKey) {
      const { c } = await caseFor(platform, requireStaff(req.user), code);
      const a = actionOf(await getWorkflow(platform.database.db, c.workflowCode), doneKey);
      if (a) done = { label: a.label, form: a.form ?? null };
    }
    return showCase(req, reply, code, { done });
  });

  // The officer's access to the dossier is checked before the attached files are read (platform/http/uploads.ts).
  const mayActOn = async (req: FastifyRequest): Promise<void> => {
    await caseFor(platform, requireStaff(req.user), (req.params as { code: string }).code);
  };

  app.post('/mot-cua/ho-so/:code/thao-tac/:action', { config: { beforeUpload: mayActOn } }, async (req, reply) => {
    const user = requireStaff(req.user);
    const { code, action: key } = req.params as { code: string; action: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { c } = await caseFor(platform, user, code);
    const action = actionOf(await getWorkflow(platform.database.db, c.workflowCode), key);
    // Refuse and reject need the confirmation box ticked; without it nothing is done and the form comes back as typed.
    const unconfirmed = action ? missingConfirmation(action, body) : [];
    if (unconfirmed.length > 0) return showCase(req, reply, c.code, { failed: { action: key, errors: unconfirmed, typed: typedValues(body), top: null, shown: false } }, 400);
    try {
      // An unknown action goes to the engine as it is, which refuses it with its own message.
      await takeAction(platform, user, code, action ? actionInputOf(action, c, body) : { action: key }, { via: 'web', ip: req.ip });
      return reply.redirect(`${casePath(c.code)}?xong=${encodeURIComponent(key)}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || NOT_FORM_ERRORS.has(err.code)) throw err;
      // Nothing changed: the page again, with the dossier as it is now, the error, and what the officer typed.
      const failed = { action: key, errors: err.fields, typed: typedValues(body), top: err.fields.length > 0 ? null : err.text, shown: false };
      return showCase(req, reply, c.code, { failed }, err.status);
    }
  });

  app.post('/mot-cua/ho-so/:code/thu-phi', async (req, reply) => {
    const user = requireStaff(req.user);
    const { code } = req.params as { code: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const typed = { method: str(body[FEE_FIELDS.method]), reference: str(body[FEE_FIELDS.reference]) };
    try {
      await recordFeesCollected(platform, user, code, typed, { ip: req.ip });
      return reply.redirect(`${casePath(code)}?xong=${FEE_DONE}`, 303);
    } catch (err) {
      if (!isFeeFormError(err)) throw err;
      return showCase(req, reply, code, { feeFailed: { errors: err.fields, typed, top: err.fields.length > 0 ? null : err.text } }, err.status);
    }
  });

  app.post('/mot-cua/ho-so/:code/phan-anh/:id/tra-loi', async (req, reply) => {
    const user = requireStaff(req.user);
    const { code, id } = req.params as { code: string; id: string };
    const feedbackId = idParam(id);
    const typed = str(((req.body ?? {}) as Record<string, unknown>).answer);
    try {
      await answerFeedback(platform, user, code, feedbackId, typed, { ip: req.ip });
      return reply.redirect(`${casePath(code)}?xong=${ANSWER_DONE}#feedback`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || !ANSWER_FORM_ERRORS.has(err.code)) throw err;
      return showCase(req, reply, code, { answerFailed: { feedbackId, errors: err.fields, top: err.fields.length > 0 ? null : err.text, typed } }, err.status);
    }
  });

  app.get('/mot-cua/ho-so/:code/tep/:fileId', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const p = req.params as { code: string; fileId: string };
    const opened = await openOfficerFile(platform, req.user, p.code, idParam(p.fileId));
    if (req.user) await recordDossierRead(platform, req.user, opened.dossier, 'file', { ip: req.ip, file: opened.file.id });
    return sendDossierFile(reply, opened);
  });

  await paperRoutes(app, platform);
}
