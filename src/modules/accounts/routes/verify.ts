// /tai-khoan/xac-minh: a signed-in person proves their phone number or e-mail with a code (verify-contact.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { t } from '../../../platform/web/i18n.ts';
import { confirmContactCode, pendingContact, sendContactCode } from '../verify-contact.ts';
import { getOwnAccount } from '../profile.ts';
import { flushMessages, showDestination } from '../codes.ts';
import { str } from '../validate.ts';
import { common } from '../messages.ts';
import { verifyPage } from '../messages-verify.ts';
import { VerifyPage } from '../views/verify.tsx';
import type { Errors } from '../views/form.tsx';
import { LIMITS, clearFlowCookie, ctxOf, flowToken, formErrorsOf, rateLimit, setFlowCookie, signInFirst } from './http.ts';

const PAGE = '/tai-khoan/xac-minh';

export async function verifyRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  async function page(req: FastifyRequest, reply: FastifyReply, status = 200, errors: Errors = []): Promise<FastifyReply> {
    const account = await getOwnAccount(db, req.user);
    const pending = await pendingContact(db, req.user, flowToken(req));
    const done = str(req.query, 'xong');
    const notice = done === 'phone' || done === 'email' ? t(req.lang, verifyPage.done, { contact: t(req.lang, common[done]) }) : undefined;
    reply
      .status(status)
      .header('cache-control', 'private, no-store')
      .html(VerifyPage({ req, account, pending: pending ? showDestination(pending) : undefined, errors, notice }));
    return reply;
  }

  app.get(PAGE, async (req, reply) => signInFirst(req, reply) ?? page(req, reply));

  app.post(`${PAGE}/gui`, rateLimit(LIMITS.sendCode), async (req, reply) => {
    const which = str(req.body, 'contact') === 'email' ? 'email' : 'phone';
    try {
      const { token } = await sendContactCode(platform, req.user, which, ctxOf(req));
      setFlowCookie(reply, platform, token);
      flushMessages(platform, req.log);
      return reply.redirect(PAGE, 303);
    } catch (err) {
      const f = formErrorsOf(err, `send-${which}`);
      if (!f) throw err;
      return page(req, reply, f.status, f.errors.map((e) => ({ ...e, field: `send-${which}` })));
    }
  });

  app.post(PAGE, rateLimit(LIMITS.code), async (req, reply) => {
    try {
      const which = await confirmContactCode(platform, req.user, flowToken(req), str(req.body, 'code'), ctxOf(req));
      clearFlowCookie(reply, platform);
      return reply.redirect(`${PAGE}?xong=${which}`, 303);
    } catch (err) {
      const f = formErrorsOf(err, 'code');
      if (!f) throw err;
      return page(req, reply, f.status, f.errors);
    }
  });
}
