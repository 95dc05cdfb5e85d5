// GET/POST /dang-ky: citizen registration; then /dang-ky/xac-minh for the code sent to the phone or e-mail, and
// /dang-ky/gui-lai for a new one. The same next step whether the details were free or taken (register.ts). With the
// code the account is created, signed in and sent to /tai-khoan with the success message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { destroySession } from '../../../platform/auth/sessions.ts';
import { t } from '../../../platform/web/i18n.ts';
import { confirmRegistration, pendingRegistration, resendRegistrationCode, startRegistration } from '../register.ts';
import { flushMessages, showDestination } from '../codes.ts';
import { str } from '../validate.ts';
import { codePage } from '../messages-verify.ts';
import { RegisterCodePage, RegisterPage } from '../views/register.tsx';
import type { Errors } from '../views/form.tsx';
import { LIMITS, clearFlowCookie, ctxOf, flowToken, formErrorsOf, rateLimit, setFlowCookie, setSessionCookie } from './http.ts';

export async function registerRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  /** The code page of the browser's waiting registration, or back to the form when there is none. */
  async function codePageFor(req: FastifyRequest, reply: FastifyReply, status = 200, errors: Errors = [], notice?: string): Promise<FastifyReply> {
    const d = await pendingRegistration(db, flowToken(req));
    if (!d) return reply.redirect('/dang-ky', 303);
    reply.status(status).html(RegisterCodePage({ req, destination: showDestination(d), errors, ...(notice ? { notice } : {}) }));
    return reply;
  }

  app.get('/dang-ky', async (req, reply) => {
    if (req.user) return reply.redirect('/tai-khoan', 303);
    return reply.html(RegisterPage({ req }));
  });

  app.post('/dang-ky', rateLimit(LIMITS.register), async (req, reply) => {
    const input = {
      full_name: str(req.body, 'full_name'),
      personal_id: str(req.body, 'personal_id'),
      phone: str(req.body, 'phone'),
      email: str(req.body, 'email'),
      password: str(req.body, 'password'),
      password_confirm: str(req.body, 'password_confirm'),
      consent: str(req.body, 'consent') === '1',
    };
    try {
      const started = await startRegistration(platform, input, ctxOf(req));
      setFlowCookie(reply, platform, started.token);
      flushMessages(platform, req.log);
      return reply.redirect('/dang-ky/xac-minh', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'full_name');
      if (!f) throw err;
      const { password: _p, password_confirm: _c, ...values } = input;
      return reply.status(f.status).html(RegisterPage({ req, values, errors: f.errors }));
    }
  });

  app.get('/dang-ky/xac-minh', async (req, reply) => {
    if (req.user) return reply.redirect('/tai-khoan', 303);
    const d = await pendingRegistration(db, flowToken(req));
    const notice = d && str(req.query, 'gui-lai') === '1' ? t(req.lang, codePage.resent, { destination: showDestination(d) }) : undefined;
    return codePageFor(req, reply, 200, [], notice);
  });

  app.post('/dang-ky/xac-minh', rateLimit(LIMITS.code), async (req, reply) => {
    try {
      const s = await confirmRegistration(platform, flowToken(req), str(req.body, 'code'), ctxOf(req));
      if (req.sessionId) await destroySession(db, req.sessionId);
      setSessionCookie(reply, platform, s.token, s.expiresAt);
      clearFlowCookie(reply, platform);
      return reply.redirect('/tai-khoan?done=registered', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'code');
      if (!f) throw err;
      return codePageFor(req, reply, f.status, f.errors);
    }
  });

  app.post('/dang-ky/gui-lai', rateLimit(LIMITS.sendCode), async (req, reply) => {
    try {
      await resendRegistrationCode(platform, flowToken(req));
      flushMessages(platform, req.log);
      return reply.redirect('/dang-ky/xac-minh?gui-lai=1', 303);
    } catch (err) {
      if ((err as { code?: string }).code === 'FLOW_EXPIRED') return reply.redirect('/dang-ky', 303);
      const f = formErrorsOf(err, 'code');
      if (!f) throw err;
      return codePageFor(req, reply, f.status, f.errors);
    }
  });
}
