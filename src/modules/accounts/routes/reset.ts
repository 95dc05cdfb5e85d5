// GET/POST /quen-mat-khau (ask for a link) and GET/POST /dat-lai-mat-khau (choose a new password).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { requestPasswordReset, resetPassword, resetTokenUsable } from '../reset.ts';
import { str } from '../validate.ts';
import { ForgotPage, ResetInvalidPage, ResetPage } from '../views/password-reset.tsx';
import { LIMITS, ctxOf, formErrorsOf, rateLimit } from './http.ts';

export async function resetRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/quen-mat-khau', async (req, reply) => reply.html(ForgotPage({ req })));

  app.post('/quen-mat-khau', rateLimit(LIMITS.resetRequest), async (req, reply) => {
    const queued = await requestPasswordReset(platform, str(req.body, 'identifier'), ctxOf(req));
    // Sent after the answer, so that how long the answer takes does not tell whether the account exists.
    if (queued) void platform.mailer.flush(db).catch((err: unknown) => req.log.warn({ err }, 'password reset mail not sent yet'));
    return reply.html(ForgotPage({ req, sent: true }));
  });

  app.get('/dat-lai-mat-khau', async (req, reply) => {
    const token = str(req.query, 'token');
    if (!(await resetTokenUsable(db, token))) return reply.status(400).html(ResetInvalidPage({ req }));
    return reply.html(ResetPage({ req, token }));
  });

  app.post('/dat-lai-mat-khau', rateLimit(LIMITS.resetConfirm), async (req, reply) => {
    const token = str(req.body, 'token');
    try {
      await resetPassword(db, { token, password: str(req.body, 'password'), password_confirm: str(req.body, 'password_confirm') }, { ...ctxOf(req), keepSessionId: req.sessionId });
      return reply.redirect('/dang-nhap?reset=1', 303);
    } catch (err) {
      if ((err as { code?: string }).code === 'RESET_LINK_INVALID') return reply.status(400).html(ResetInvalidPage({ req }));
      const f = formErrorsOf(err, 'password');
      if (!f) throw err;
      return reply.status(f.status).html(ResetPage({ req, token, errors: f.errors }));
    }
  });
}
