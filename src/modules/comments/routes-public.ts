// Readers' addresses under an article: /trang/:site/tin/:slug/binh-luan (the form, with a proof of work, and the
// published comments, each with a report button), …/binh-luan/da-gui (after sending) and …/binh-luan/:id/bao-cao (a
// report). The article page itself stays a kept public page: it only shows the comments (index.ts adds the section).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createChallenge, encodeChallenge } from '../../platform/auth/pow.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { CommentErrors } from './errors.ts';
import { type CommentForm, commentForm, EMPTY_FORM } from './input.ts';
import { articleOrNotFound, LIST_MAX, publishedComments, reportComment, submitComment } from './service.ts';
import { CommentPage, commentsUrl, SentPage } from './views/public.tsx';

type Params = Record<string, string>;
/** A coarse per-address cap of the framework in front of the service's own limits (which count stored comments). */
const POST_LIMIT = { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } } as const;
/** Where an error that is not about one field points (the form itself). */
export const FORM_ANCHOR = 'comment-form';

const target = (req: FastifyRequest) => {
  const p = req.params as Params;
  return { site: p.site ?? '', slug: p.slug ?? '' };
};

function idOf(req: FastifyRequest): number {
  const id = (req.params as Params).id ?? '';
  if (!/^\d{1,15}$/.test(id)) throw CommentErrors.COMMENT_NOT_FOUND();
  return Number(id);
}

/** The errors a refused comment shows, or undefined for errors that are not about the form (404, 403 of CSRF…). */
function formErrors(err: unknown): { status: number; fields: FieldError[]; retryAfter?: number } | undefined {
  if (!(err instanceof AppError)) return undefined;
  if (err.code === 'INVALID_COMMENT') return { status: err.status, fields: err.fields };
  if (err.code === 'BLOCKED') return { status: err.status, fields: [{ field: FORM_ANCHOR, message: err.text }] };
  if (err.code === 'TOO_MANY') return { status: err.status, fields: [{ field: FORM_ANCHOR, message: err.text }], retryAfter: Number(err.details?.retry_after_seconds) };
  return undefined;
}

export async function commentsPublicRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const render = async (req: FastifyRequest, reply: FastifyReply, form: CommentForm, errors: FieldError[], status = 200) => {
    const { site, article } = await articleOrNotFound(platform, target(req).site, target(req).slug);
    const { comments } = await publishedComments(platform, article, LIST_MAX);
    const challenge = encodeChallenge(await createChallenge(platform.database.db));
    const q = (req.query as Record<string, string | undefined>)['bao-cao'];
    const notice = q === 'da-nhan' ? 'reported' : q === 'da-bao-cao' ? 'again' : undefined;
    return reply.status(status).html(CommentPage({ req, view: { site, article, comments, form, errors, challenge, notice } }));
  };

  app.get('/trang/:site/tin/:slug/binh-luan', (req, reply) => render(req, reply, { ...EMPTY_FORM }, []));

  app.post('/trang/:site/tin/:slug/binh-luan', POST_LIMIT, async (req, reply) => {
    const form = commentForm(req.body);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field = (k: string): string | undefined => (typeof body[k] === 'string' ? body[k] : undefined);
    try {
      const sent = await submitComment(platform, target(req), form, { challenge: field('altcha_challenge'), number: field('altcha_number') }, req.ip ?? null);
      const result = sent.comment.status === 'published' ? 'da-dang' : 'cho-duyet';
      return reply.redirect(`${commentsUrl(sent.site, sent.article)}/da-gui?ket-qua=${result}`, 303);
    } catch (err) {
      const e = formErrors(err);
      if (!e) throw err;
      if (e.retryAfter) reply.header('retry-after', String(e.retryAfter));
      return render(req, reply, form, e.fields, e.status);
    }
  });

  app.get('/trang/:site/tin/:slug/binh-luan/da-gui', async (req, reply) => {
    const { site, article } = await articleOrNotFound(platform, target(req).site, target(req).slug);
    const published = (req.query as Record<string, string | undefined>)['ket-qua'] === 'da-dang';
    return reply.html(SentPage({ req, site, article, published }));
  });

  app.post('/trang/:site/tin/:slug/binh-luan/:id/bao-cao', POST_LIMIT, async (req, reply) => {
    const id = idOf(req);
    const result = await reportComment(platform, target(req), id, req.ip ?? null);
    const { site, slug } = target(req);
    return reply.redirect(`/trang/${site}/tin/${slug}/binh-luan?bao-cao=${result === 'reported' ? 'da-nhan' : 'da-bao-cao'}`, 303);
  });
}
