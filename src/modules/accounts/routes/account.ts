// /tai-khoan: the signed-in person's profile, password change and (staff) two-step verification setup.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { t } from '../../../platform/web/i18n.ts';
import { changePassword, confirmTotpEnrolment, getOwnAccount, pendingTotpEnrolment, startTotpEnrolment } from '../profile.ts';
import { str } from '../validate.ts';
import { accountPage as m, invalid } from '../messages.ts';
import { AccountPage, TotpSetupPage, type ProfileValues } from '../views/account.tsx';
import { updateOwnProfile } from '../own-profile.ts';
import { ctxOf, formErrorsOf, signInFirst } from './http.ts';
import type { Errors } from '../views/form.tsx';
import { codePage } from '../messages-verify.ts';
import { mustSetUpTwoStep } from '../../../platform/auth/two-step.ts';
import { refreshUserSessions } from '../../../platform/auth/sessions.ts';
import { toSessionUser } from '../repo.ts';
import { provenContact } from '../views/contacts.tsx';

const NOTICES = { password: m.passwordChanged, totp: m.twoStepEnabled, profile: m.profileSaved } as const;

export async function accountRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  async function profile(req: FastifyRequest, reply: FastifyReply, status = 200, errors: Errors = [], refusedProfile?: { errors: Errors; values: ProfileValues }): Promise<FastifyReply> {
    const account = await getOwnAccount(db, req.user);
    const done = str(req.query, 'done');
    const notice =
      done === 'password' || done === 'totp' || done === 'profile'
        ? t(req.lang, NOTICES[done])
        : done === 'registered'
          ? t(req.lang, codePage.registered, { contact: provenContact(req.lang, account) })
          : undefined;
    const refused = refusedProfile ? { profileErrors: refusedProfile.errors, profileValues: refusedProfile.values } : {};
    reply.status(status).html(AccountPage({ req, account, errors, ...refused, ...(notice ? { notice } : {}) }));
    return reply;
  }

  app.post('/tai-khoan/thong-tin', async (req, reply) => {
    const values = { full_name: str(req.body, 'full_name'), phone: str(req.body, 'phone'), email: str(req.body, 'email') };
    try {
      const saved = await updateOwnProfile(platform, req.user, { ...values, profile_password: str(req.body, 'profile_password') }, ctxOf(req));
      return reply.redirect(saved ? '/tai-khoan?done=profile' : '/tai-khoan', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'full_name');
      if (!f) throw err;
      return profile(req, reply, f.status, [], { errors: f.errors, values });
    }
  });

  app.get('/tai-khoan', async (req, reply) => signInFirst(req, reply) ?? profile(req, reply));

  app.post('/tai-khoan/mat-khau', async (req, reply) => {
    const input = { current_password: str(req.body, 'current_password'), password: str(req.body, 'password'), password_confirm: str(req.body, 'password_confirm') };
    try {
      await changePassword(platform, req.user, input, { ...ctxOf(req), sessionId: req.sessionId });
      return reply.redirect('/tai-khoan?done=password', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'current_password');
      if (!f) throw err;
      return profile(req, reply, f.status, f.errors);
    }
  });

  app.post('/tai-khoan/xac-thuc-hai-buoc/bat-dau', async (req, reply) => {
    await startTotpEnrolment(platform, req.user);
    return reply.redirect('/tai-khoan/xac-thuc-hai-buoc', 303);
  });

  app.get('/tai-khoan/xac-thuc-hai-buoc', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const required = mustSetUpTwoStep(platform.config, req.user);
    let enrolment = await pendingTotpEnrolment(platform, req.user);
    // Mandatory for this account's roles (EGOV_2FA_ROLES): the setup starts at once, there is nothing else to do.
    if (!enrolment && required) {
      const account = await getOwnAccount(db, req.user);
      if (account.totp_enabled) {
        // Already in force, but this session was opened before it knew: every session of the account learns it.
        await refreshUserSessions(db, toSessionUser(account));
        return reply.redirect('/tai-khoan', 303);
      }
      await startTotpEnrolment(platform, req.user);
      enrolment = await pendingTotpEnrolment(platform, req.user);
    }
    if (!enrolment) return reply.redirect('/tai-khoan', 303);
    return reply.html(TotpSetupPage({ req, enrolment, required }));
  });

  app.post('/tai-khoan/xac-thuc-hai-buoc', async (req, reply) => {
    const code = str(req.body, 'code').replace(/\s/g, '');
    try {
      if (!code) return await rerender(req, reply, 400, [{ field: 'code', message: invalid.codeRequired }]);
      await confirmTotpEnrolment(platform, req.user, code, ctxOf(req));
      return reply.redirect('/tai-khoan?done=totp', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'code');
      if (!f) throw err;
      if ((err as { code?: string }).code === 'TOTP_NOT_STARTED') return reply.redirect('/tai-khoan', 303);
      return rerender(req, reply, f.status, f.errors);
    }
  });

  async function rerender(req: FastifyRequest, reply: FastifyReply, status: number, errors: Errors): Promise<FastifyReply> {
    const enrolment = await pendingTotpEnrolment(platform, req.user);
    if (!enrolment) return reply.redirect('/tai-khoan', 303);
    reply.status(status).html(TotpSetupPage({ req, enrolment, errors, required: mustSetUpTwoStep(platform.config, req.user) }));
    return reply;
  }
}
