// API tokens of the signed-in person (issue 10): issued with scopes and an expiry, listed and revoked by their owner;
// signing out everywhere ends every browser session and revokes every token of the account.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { hasRole, requireUser, type Actor } from '../../platform/auth/access.ts';
import { createSession, destroyUserSessions, listApiTokens, revokeApiToken, type ApiToken } from '../../platform/auth/sessions.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { tokenOptions, type RequestContext } from './sign-in.ts';
import { loadAccount } from './agencies.ts';

export async function listOwnTokens(db: Kysely<PlatformTables>, actor: Actor): Promise<ApiToken[]> {
  const user = requireUser(actor);
  return listApiTokens(db, user.id);
}

/** A token made on the tokens page by the signed-in person; the token itself is shown once and never stored. */
export async function createOwnToken(
  db: Kysely<PlatformTables>,
  actor: Actor,
  input: { scopes: string[]; label: string; expires_in_days: number },
  ctx: RequestContext,
): Promise<{ token: string; expiresAt: Date }> {
  const user = requireUser(actor);
  const opts = tokenOptions(user, input);
  if (!opts.scopes.length) throw AccountErrors.SCOPE_NOT_ALLOWED();
  return db.transaction().execute(async (trx) => {
    const s = await createSession(trx, user, { api: true, hours: opts.hours, scopes: opts.scopes, label: opts.label, ...(ctx.ip ? { ip: ctx.ip } : {}) });
    await recordAudit(trx, { actor: user, action: 'account.token_create', entity: 'account', entityId: user.id, agencyId: user.agencyId, ip: ctx.ip, data: { scopes: opts.scopes, hours: opts.hours, label: opts.label } });
    return s;
  });
}

export async function revokeOwnToken(db: Kysely<PlatformTables>, actor: Actor, handle: string, ctx: RequestContext): Promise<void> {
  const user = requireUser(actor);
  if (!(await revokeApiToken(db, user.id, handle))) throw AccountErrors.TOKEN_NOT_FOUND();
  await recordAudit(db, { actor: user, action: 'account.token_revoke', entity: 'account', entityId: user.id, agencyId: user.agencyId, ip: ctx.ip, data: { token: handle } });
}

/**
 * Signs an account out everywhere: every browser session and every API token end. The owner may do it, and an
 * administrator for anyone (by token only with the 'admin' scope).
 */
export async function signOutEverywhere(db: Kysely<PlatformTables>, actor: Actor, accountId: number, ctx: RequestContext & { tokenScopes?: string[] | null }): Promise<void> {
  const user = requireUser(actor);
  if (accountId !== user.id) {
    if (!hasRole(user, 'admin') || (ctx.tokenScopes && !ctx.tokenScopes.includes('admin'))) throw HttpErrors.FORBIDDEN();
    if (!(await loadAccount(db, accountId))) throw AccountErrors.ACCOUNT_NOT_FOUND();
  }
  await db.transaction().execute(async (trx) => {
    await destroyUserSessions(trx, accountId);
    await recordAudit(trx, { actor: user, action: 'account.sign_out_everywhere', entity: 'account', entityId: accountId, ip: ctx.ip });
  });
}
