// GET/POST /dang-nhap, the second step /dang-nhap/xac-thuc, and POST /dang-xuat.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppError } from '../../../platform/http/errors.ts';
import { createChallenge, encodeChallenge } from '../../../platform/auth/pow.ts';
import { proofNeeded } from '../guard.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { destroySession, loadSession, SESSION_COOKIE } from '../../../platform/auth/sessions.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { t } from '../../../platform/web/i18n.ts';
import { signIn, verifySecondFactor } from '../sign-in.ts';
import { str } from '../validate.ts';
import { invalid, signInPage } from '../messages.ts';
import { SignInPage, SecondFactorPage } from '../views/sign-in.tsx';
import { DemoAccountsPage } from '../views/demo-accounts.tsx';
import { demoDesks } from '../demo-desks.ts';
import { listAgencies } from '../../units/index.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import { landingFor } from '../landing.ts';
import { loadAccount } from '../agencies.ts';
import { openTotpSecret } from '../totp-secrets.ts';
import { totpCode } from '../totp.ts';
import { DEMO_TOTP_SECRET } from '../demo.ts';
import { LIMITS, clearSessionCookie, ctxOf, formErrorsOf, rateLimit, safeNext, setSessionCookie } from './http.ts';

export async function signInRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  // Every demo account, each agency's desks included (demo data only; 404 otherwise).
  app.get('/tai-khoan-trinh-dien', async (req, reply) => {
    if (!platform.demo()) throw HttpErrors.NOT_FOUND();
    return reply.html(DemoAccountsPage({ req, desks: demoDesks(await listAgencies(db)) }));
  });

  /** The proof-of-work challenge the form carries once this source has failed a few times (guard.ts). */
  async function challengeFor(req: FastifyRequest): Promise<{ challenge?: string }> {
    return (await proofNeeded(db, req.ip)) ? { challenge: encodeChallenge(await createChallenge(db)) } : {};
  }

  app.get('/dang-nhap', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const next = safeNext(q.next);
    if (req.user) return reply.redirect(next ?? landingFor(req.user), 303);
    const notice = q.reset === '1' ? t(req.lang, signInPage.resetDone) : undefined;
    return reply.html(SignInPage({ req, demo: platform.demo(), ...(await challengeFor(req)), ...(next ? { next } : {}), ...(notice ? { notice } : {}) }));
  });

  app.post('/dang-nhap', rateLimit(LIMITS.signIn), async (req, reply) => {
    const identifier = str(req.body, 'identifier');
    const next = safeNext(str(req.body, 'next'));
    // A new sign-in always gets a new session id (no session fixation).
    const hadSession = !!req.sessionId;
    if (req.sessionId) await destroySession(db, req.sessionId);
    req.user = null;
    req.sessionId = null;
    try {
      const s = await signIn(platform, identifier, str(req.body, 'password'), ctxOf(req));
      setSessionCookie(reply, platform, s.token, s.expiresAt);
      if (s.pending) return reply.redirect(`/dang-nhap/xac-thuc${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
      return reply.redirect(next ?? landingFor(s.user), 303);
    } catch (err) {
      const f = formErrorsOf(err, 'identifier');
      if (!f) throw err;
      if (hadSession) clearSessionCookie(reply, platform);
      if (f.status === 429) void reply.header('retry-after', String((err as AppError).details?.retry_after_seconds ?? 60));
      return reply.status(f.status).html(SignInPage({ req, identifier, errors: f.errors, demo: platform.demo(), ...(await challengeFor(req)), ...(next ? { next } : {}) }));
    }
  });

  /** Demo data only: an account still on the demo secret is shown that secret and its current code. */
  async function demoHint(userId: number): Promise<{ secret: string; code: string } | undefined> {
    if (!platform.demo()) return undefined;
    const account = await loadAccount(db, userId);
    if (!account || openTotpSecret(platform.secrets, account) !== DEMO_TOTP_SECRET) return undefined;
    return { secret: DEMO_TOTP_SECRET, code: totpCode(DEMO_TOTP_SECRET) };
  }

  async function pendingSession(req: FastifyRequest) {
    const token = req.cookies[SESSION_COOKIE];
    const s = token ? await loadSession(db, token) : null;
    return s?.secondFactorPending ? s : null;
  }

  app.get('/dang-nhap/xac-thuc', async (req, reply) => {
    const pending = req.secondFactorPending ? await pendingSession(req) : null;
    if (!pending) return reply.redirect(req.user ? '/tai-khoan' : '/dang-nhap', 303);
    return reply.html(SecondFactorPage({ req, demo: await demoHint(pending.user.id) }));
  });

  app.post('/dang-nhap/xac-thuc', rateLimit(LIMITS.secondFactor), async (req, reply) => {
    const pending = await pendingSession(req);
    if (!pending) return reply.redirect('/dang-nhap', 303);
    const code = str(req.body, 'code').replace(/\s/g, '');
    if (!code) return reply.status(400).html(SecondFactorPage({ req, errors: [{ field: 'code', message: invalid.codeRequired }], demo: await demoHint(pending.user.id) }));
    try {
      const s = await verifySecondFactor(platform, pending.id, pending.user.id, code, ctxOf(req));
      setSessionCookie(reply, platform, s.token, s.expiresAt);
      return reply.redirect(safeNext((req.query as Record<string, unknown>).next) ?? landingFor(s.user), 303);
    } catch (err) {
      const f = formErrorsOf(err, 'code');
      if (!f) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'INVALID_CREDENTIALS') {
        clearSessionCookie(reply, platform);
        return reply.status(f.status).html(SignInPage({ req, errors: f.errors.map((e) => ({ ...e, field: 'identifier' })), demo: platform.demo(), ...(await challengeFor(req)) }));
      }
      return reply.status(f.status).html(SecondFactorPage({ req, errors: f.errors, demo: await demoHint(pending.user.id) }));
    }
  });

  app.post('/dang-xuat', async (req, reply) => {
    if (req.sessionId) {
      await destroySession(db, req.sessionId);
      if (req.user) await recordAudit(db, { actor: req.user, action: 'account.sign_out', entity: 'account', entityId: req.user.id, ip: req.ip });
    }
    clearSessionCookie(reply, platform);
    return reply.redirect('/', 303);
  });
}
