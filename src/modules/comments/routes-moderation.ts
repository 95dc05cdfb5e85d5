// Moderators' addresses under /quan-tri/trang/:site/binh-luan. Access is checked by the service functions; a refused
// decision (a rejection without its reason, an edit that empties a field) shows the comment's page again with the
// errors beside the fields and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { REPORT_THRESHOLD_MAX, setCommentSettings } from '../sites/index.ts';
import { CommentErrors } from './errors.ts';
import { inputErrors } from './messages.ts';
import { approveComment, blockSender, commentForModerator, editComment, moderationView, rejectComment, unblockSender } from './moderation.ts';
import { CommentModerationPage } from './views/comment-moderation.tsx';
import { DONE, type Done, ModerationPage, moderationUrl } from './views/moderation.tsx';

type Params = Record<string, string>;

function num(req: FastifyRequest, key: string): number {
  const v = (req.params as Params)[key] ?? '';
  if (!/^\d{1,15}$/.test(v)) throw CommentErrors.COMMENT_NOT_FOUND();
  return Number(v);
}

const doneOf = (req: FastifyRequest): Done | undefined => {
  const v = (req.query as Record<string, string | undefined>).xong;
  return v && v in DONE ? (v as Done) : undefined;
};

const fieldsOf = (err: unknown): FieldError[] | undefined => (err instanceof AppError && err.code === 'INVALID_DECISION' ? err.fields : undefined);

export async function commentsModerationRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const site = (req: FastifyRequest): string => (req.params as Params).site ?? '';
  const body = (req: FastifyRequest): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;
  const str = (req: FastifyRequest, k: string): string => {
    const v = body(req)[k];
    return typeof v === 'string' ? v : '';
  };
  const ip = (req: FastifyRequest): string | null => req.ip ?? null;

  app.get('/quan-tri/trang/:site/binh-luan', async (req, reply) => {
    const view = await moderationView(platform, req.user, site(req));
    return reply.html(ModerationPage({ req, view, errors: [], done: doneOf(req) }));
  });

  app.post('/quan-tri/trang/:site/binh-luan/cai-dat', async (req, reply) => {
    const typed = str(req, 'threshold').trim();
    const threshold = /^\d{1,3}$/.test(typed) ? Number(typed) : NaN;
    if (!(threshold >= 1 && threshold <= REPORT_THRESHOLD_MAX)) {
      const view = await moderationView(platform, req.user, site(req));
      const errors = [{ field: 'threshold', message: inputErrors.threshold(REPORT_THRESHOLD_MAX) }];
      return reply.status(400).html(ModerationPage({ req, view, errors, threshold: typed, done: undefined }));
    }
    await setCommentSettings(platform, req.user, site(req), { preModeration: str(req, 'pre_moderation') === 'on', reportThreshold: threshold }, ip(req));
    return reply.redirect(`${moderationUrl({ slug: site(req) })}?xong=settings`, 303);
  });

  const renderComment = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldError[]; edit?: { name: string; title: string; body: string }; reason?: string; blockReason?: string } = {}, status = 200) => {
    const v = await commentForModerator(platform, req.user, site(req), num(req, 'id'));
    return reply.status(status).html(CommentModerationPage({ req, view: { site: v.site, comment: v.comment, article: v.article, errors: extra.errors ?? [], edit: extra.edit, reason: extra.reason, blockReason: extra.blockReason, done: doneOf(req) } }));
  };
  const commentUrl = (req: FastifyRequest, done: Done) => `${moderationUrl({ slug: site(req) })}/${num(req, 'id')}?xong=${done}`;

  app.get('/quan-tri/trang/:site/binh-luan/:id', (req, reply) => renderComment(req, reply));

  app.post('/quan-tri/trang/:site/binh-luan/:id/duyet', async (req, reply) => {
    await approveComment(platform, req.user, site(req), num(req, 'id'), ip(req));
    return reply.redirect(`${moderationUrl({ slug: site(req) })}?xong=approved`, 303);
  });

  app.post('/quan-tri/trang/:site/binh-luan/:id/tu-choi', async (req, reply) => {
    const reason = str(req, 'reason');
    try {
      await rejectComment(platform, req.user, site(req), num(req, 'id'), reason, ip(req));
      return reply.redirect(`${moderationUrl({ slug: site(req) })}?xong=rejected`, 303);
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      return renderComment(req, reply, { errors, reason }, 400);
    }
  });

  app.post('/quan-tri/trang/:site/binh-luan/:id/sua', async (req, reply) => {
    const edit = { name: str(req, 'name'), title: str(req, 'title'), body: str(req, 'body') };
    try {
      await editComment(platform, req.user, site(req), num(req, 'id'), edit, ip(req));
      return reply.redirect(commentUrl(req, 'edited'), 303);
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      return renderComment(req, reply, { errors, edit }, 400);
    }
  });

  app.post('/quan-tri/trang/:site/binh-luan/:id/chan', async (req, reply) => {
    const choice = { byPhone: str(req, 'by_phone') === 'on', byAddress: str(req, 'by_address') === 'on', everywhere: str(req, 'everywhere') === 'on', reason: str(req, 'reason') };
    try {
      await blockSender(platform, req.user, site(req), num(req, 'id'), choice, ip(req));
      return reply.redirect(commentUrl(req, 'blocked'), 303);
    } catch (err) {
      const errors = fieldsOf(err);
      if (!errors) throw err;
      return renderComment(req, reply, { errors, blockReason: choice.reason }, 400);
    }
  });

  app.post('/quan-tri/trang/:site/binh-luan/chan/:blockId/bo-chan', async (req, reply) => {
    await unblockSender(platform, req.user, site(req), num(req, 'blockId'), ip(req));
    return reply.redirect(`${moderationUrl({ slug: site(req) })}?xong=unblocked`, 303);
  });
}
