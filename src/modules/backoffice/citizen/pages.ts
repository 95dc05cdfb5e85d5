// The applicant's dossier page and its three forms (supplement, rating, feedback). Thin: parse → service → render.
// A refused post shows the page again with the error summary, each error beside its field and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { procedureExtension, dossierReads, draftFields, formatIsoDate, uploadsOf } from '../../dossiers/index.ts';
import { takeAction } from '../workflow/engine.ts';
import { CRITERION_KEYS } from './criteria.ts';
import { feedbackForm as fm, ratingForm as rm, supplementForm as sm } from './messages.ts';
import { applicantView } from './read.ts';
import { openSupplement } from './timeline.ts';
import { FEEDBACK_PER_DAY, mayRate, rateDossier, sendFeedback } from './service.ts';
import { CitizenDossierPage } from './views/dossier-page.tsx';
import { fieldIds } from './views/forms.tsx';
import type { FormName, FormState } from './views/kit.tsx';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const pageUrl = (code: string): string => `/ho-so-cua-toi/${encodeURIComponent(code)}`;
const SECTIONS: Record<FormName, string> = { supplement: 'bo-sung', rating: 'danh-gia', feedback: 'gop-y' };
const NOTICES = { 'bo-sung': 'supplement', 'danh-gia': 'rating', 'gop-y': 'feedback' } as const;

export async function citizenPages(app: FastifyInstance, platform: Platform): Promise<void> {
  async function render(req: FastifyRequest, reply: FastifyReply, code: string, extra: { status?: number; state?: FormState; notice?: string } = {}): Promise<FastifyReply> {
    const view = await applicantView(platform, req.user, code);
    const reads = await dossierReads(platform, view.case.code);
    reply.status(extra.status ?? 200).header('cache-control', 'private, no-store');
    // The result as the procedure's own module shows it (dossiers' extensions.ts), e.g. the renewed e-licence.
    const ext = procedureExtension(view.case.procedureCode);
    const result = ext?.result ? await ext.result(platform, view.case, req.lang) : undefined;
    reply.html(CitizenDossierPage({ req, view, reads, mayRate: mayRate(view.case, view.relation, view.rating !== null), feedbackPerDay: FEEDBACK_PER_DAY, notice: extra.notice, state: extra.state, result }));
    return reply;
  }

  /** A refusal with field errors, or one that concerns the whole form, shown on the page; anything else goes up. */
  async function refused(req: FastifyRequest, reply: FastifyReply, code: string, err: unknown, form: FormName, values: Record<string, string>): Promise<FastifyReply> {
    if (!(err instanceof AppError) || err.status === 404 || err.status === 401) throw err;
    const errors = new Map<string, string>();
    for (const f of err.fields) if (!errors.has(fieldIds[form](f.field))) errors.set(fieldIds[form](f.field), t(req.lang, f.message));
    // A refusal of the whole form (wrong state, rated already, too many messages) links to the form's section.
    if (errors.size === 0) errors.set(SECTIONS[form], t(req.lang, err.text));
    return render(req, reply, code, { status: err.status, state: { form, values, errors } });
  }

  app.get('/ho-so-cua-toi/:code', async (req, reply) => {
    if (!req.user) return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
    const { code } = req.params as { code: string };
    const sent = str((req.query as Record<string, unknown>).gui) as keyof typeof NOTICES;
    if (!(sent in NOTICES)) return render(req, reply, code);
    const view = await applicantView(platform, req.user, code);
    const notice =
      NOTICES[sent] === 'supplement'
        ? view.case.dueDate
          ? t(req.lang, sm.done, { date: formatIsoDate(req.lang, view.case.dueDate) })
          : t(req.lang, sm.doneNoDate)
        : t(req.lang, NOTICES[sent] === 'rating' ? rm.done : fm.done);
    return render(req, reply, code, { notice });
  });

  // The language switch of a page shown after a refused post points at the form's address: back to the page.
  app.get('/ho-so-cua-toi/:code/:section', async (req, reply) => {
    const p = req.params as { code: string; section: string };
    const section = (Object.values(SECTIONS) as string[]).includes(p.section) ? `#${p.section}` : '';
    return reply.redirect(`${pageUrl(p.code)}${section}`, 303);
  });

  // Only the applicant's own dossier takes a supplement: checked before the files are read (platform/http/uploads.ts).
  const ownDossier = async (req: FastifyRequest): Promise<void> => {
    await applicantView(platform, req.user, (req.params as { code: string }).code);
  };

  app.post('/ho-so-cua-toi/:code/bo-sung', { config: { beforeUpload: ownDossier } }, async (req, reply) => {
    const { code } = req.params as { code: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const note = str(body['supplement-note']);
    const version = Number(str(body.version));
    // The e-form's fields, when the page showed them (issue 9): the answers, corrected or not.
    const answers = body._answers === '1' ? draftFields(body) : undefined;
    const form = answers ? Object.fromEntries(Object.entries(answers).filter(([k]) => k !== 'version' && k !== 'supplement-note')) : undefined;
    try {
      // The applicant's own action that completes the open request (the workflow names it), never one from the post.
      const view = await applicantView(platform, req.user, code);
      await takeAction(
        platform,
        req.user,
        code,
        { action: openSupplement(view)?.action ?? 'complete_supplement', version: Number.isSafeInteger(version) && version > 0 ? version : undefined, comment: note, files: uploadsOf(body), form },
        { via: 'web', ip: req.ip },
      );
    } catch (err) {
      const typed: Record<string, string> = { 'supplement-note': note };
      for (const [k, v] of Object.entries(form ?? {})) if (typeof v === 'string') typed[k] = v;
      if (form) typed._answers = '1';
      return refused(req, reply, code, err, 'supplement', typed);
    }
    return reply.redirect(`${pageUrl(code)}?gui=bo-sung`, 303);
  });

  app.post('/ho-so-cua-toi/:code/danh-gia', async (req, reply) => {
    const { code } = req.params as { code: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const criteria: Record<string, string> = {};
    for (const k of CRITERION_KEYS) if (str(body[`criteria.${k}`]) !== '') criteria[k] = str(body[`criteria.${k}`]);
    const values: Record<string, string> = { 'rating-overall': str(body.overall), 'rating-comment': str(body['rating-comment']) };
    for (const [k, v] of Object.entries(criteria)) values[`rating-${k}`] = v;
    try {
      await rateDossier(platform, req.user, code, { overall: str(body.overall) || undefined, criteria, comment: values['rating-comment'] }, { ip: req.ip });
    } catch (err) {
      return refused(req, reply, code, err, 'rating', values);
    }
    return reply.redirect(`${pageUrl(code)}?gui=danh-gia#danh-gia`, 303);
  });

  app.post('/ho-so-cua-toi/:code/gop-y', async (req, reply) => {
    const { code } = req.params as { code: string };
    const message = str(((req.body ?? {}) as Record<string, unknown>)['feedback-message']);
    try {
      await sendFeedback(platform, req.user, code, message, { ip: req.ip });
    } catch (err) {
      return refused(req, reply, code, err, 'feedback', { 'feedback-message': message });
    }
    return reply.redirect(`${pageUrl(code)}?gui=gop-y#gop-y`, 303);
  });
}
