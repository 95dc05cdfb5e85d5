// GET/POST /quen-mat-khau (ask for a link or an SMS code), POST /quen-mat-khau/ma (the code and a new password), and
// GET/POST /dat-lai-mat-khau (the e-mailed link's page). The answer to a request is the same for every identifier.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { requestPasswordReset, resetPassword, resetTokenUsable } from '../reset.ts';
import { resetPasswordByCode } from '../reset-code.ts';
import { flushMessages } from '../codes.ts';
import { str } from '../validate.ts';
import { ForgotPage, ResetInvalidPage, ResetPage } from '../views/password-reset.tsx';
import { LIMITS, clearFlowCookie, ctxOf, flowToken, formErrorsOf, rateLimit, setFlowCookie } from './http.ts';

export async function resetRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/quen-mat-khau', async (req, reply) => reply.html(ForgotPage({ req })));

  app.post('/quen-mat-khau', rateLimit(LIMITS.resetRequest), async (req, reply) => {
    const { token } = await requestPasswordReset(platform, str(req.body, 'identifier'), ctxOf(req));
    // Every answer carries a flow token, and the messages leave after the answer: neither tells whether the account exists.
    setFlowCookie(reply, platform, token);
    flushMessages(platform, req.log);
    return reply.html(ForgotPage({ req, sent: true }));
  });

  app.get('/quen-mat-khau/ma', async (_req, reply) => reply.redirect('/quen-mat-khau', 303));

  app.post('/quen-mat-khau/ma', rateLimit(LIMITS.code), async (req, reply) => {
    const input = { code: str(req.body, 'code'), password: str(req.body, 'password'), password_confirm: str(req.body, 'password_confirm') };
    try {
      await resetPasswordByCode(platform, flowToken(req), input, ctxOf(req));
      clearFlowCookie(reply, platform);
      return reply.redirect('/dang-nhap?reset=1', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'code');
      if (!f) throw err;
      return reply.status(f.status).html(ForgotPage({ req, sent: true, codeErrors: f.errors }));
    }
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
