// /tai-khoan/ma-truy-cap: the signed-in person creates, lists and revokes API tokens, and signs out everywhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { scopesAllowed } from '../../../platform/auth/scopes.ts';
import { requireUser } from '../../../platform/auth/access.ts';
import { t } from '../../../platform/web/i18n.ts';
import { createOwnToken, listOwnTokens, revokeOwnToken, signOutEverywhere } from '../tokens.ts';
import { list, str } from '../validate.ts';
import { tokensPage as m } from '../messages-tokens.ts';
import { TokensPage } from '../views/tokens.tsx';
import type { Errors } from '../views/form.tsx';
import { clearSessionCookie, ctxOf, formErrorsOf, signInFirst } from './http.ts';

export async function tokenRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  async function show(req: FastifyRequest, reply: FastifyReply, extra: { status?: number; created?: string; errors?: Errors } = {}): Promise<FastifyReply> {
    const user = requireUser(req.user);
    const notice = str(req.query, 'done') === 'revoked' ? t(req.lang, m.revoked) : undefined;
    const page = TokensPage({ req, tokens: await listOwnTokens(db, user), allowed: scopesAllowed(user), ...(extra.created ? { created: extra.created } : {}), ...(extra.errors ? { errors: extra.errors } : {}), ...(notice ? { notice } : {}) });
    reply.status(extra.status ?? 200).header('cache-control', 'no-store').html(page);
    return reply;
  }

  app.get('/tai-khoan/ma-truy-cap', async (req, reply) => signInFirst(req, reply) ?? show(req, reply));

  app.post('/tai-khoan/ma-truy-cap', async (req, reply) => {
    const scopes = list(req.body, 'scopes');
    if (!scopes.length) return show(req, reply, { status: 400, errors: [{ field: 'scopes', message: m.scopeRequired }] });
    try {
      const s = await createOwnToken(db, req.user, { scopes, label: str(req.body, 'label'), expires_in_days: Number(str(req.body, 'days')) || 30 }, ctxOf(req));
      return await show(req, reply, { created: s.token });
    } catch (err) {
      const f = formErrorsOf(err, 'scopes');
      if (!f) throw err;
      return show(req, reply, { status: f.status, errors: f.errors });
    }
  });

  app.post('/tai-khoan/ma-truy-cap/:id/thu-hoi', async (req, reply) => {
    await revokeOwnToken(db, req.user, (req.params as { id: string }).id, ctxOf(req));
    return reply.redirect('/tai-khoan/ma-truy-cap?done=revoked', 303);
  });

  app.post('/tai-khoan/dang-xuat-moi-noi', async (req, reply) => {
    const user = requireUser(req.user);
    await signOutEverywhere(db, user, user.id, ctxOf(req));
    clearSessionCookie(reply, platform);
    return reply.redirect('/dang-nhap', 303);
  });
}
