// Signing in: password, then (staff who enrolled) a TOTP code. Every attempt is audited, success or not. Guessing is
// throttled per source (guard.ts), never by locking the account; unknown usernames cost the same argon2 verification
// as known ones and get the same answer, so neither the answer nor its timing tells whether an account exists.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { createSession, destroySession, API_TOKEN_HOURS } from '../../platform/auth/sessions.ts';
import { isScope, scopesAllowed, type Scope } from '../../platform/auth/scopes.ts';
import { dummyHash, verifyPassword } from '../../platform/auth/password.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser, type AccountWithRoles } from './repo.ts';
import { describeAccount, loadAccount } from './agencies.ts';
import { normalisePhone } from './validate.ts';
import { matchTotpStep } from './totp.ts';
import { openTotpSecret } from './totp-secrets.ts';
import { mustSetUpTwoStep, twoStepSetupRequired } from '../../platform/auth/two-step.ts';
import { admit, recordGuessFailure, recordGuessSuccess, whoKey, type GuardContext } from './guard.ts';
import { invalid as m } from './messages.ts';

/** A token chosen on the tokens page or by the API lives at most this many days. */
export const MAX_TOKEN_DAYS = 90;
/** A session waiting for its second factor lives this long. */
const PENDING_HOURS = 10 / 60;

export interface RequestContext extends GuardContext {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: SessionUser;
  /** True when the session still needs the TOTP code (staff with two-step verification). */
  pending: boolean;
}

async function auditFailure(db: Kysely<PlatformTables>, a: AccountWithRoles | null, reason: string, ctx: RequestContext, extra: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(db, {
    actor: a ? { id: a.id, label: a.username } : null,
    action: 'account.sign_in_failed',
    entity: 'account',
    entityId: a?.id ?? null,
    agencyId: a?.agency_id ?? null,
    ip: ctx.ip,
    data: { reason, ...extra },
  });
}

/** Checks identifier (username, e-mail or phone) and password; throws (audited) on any failure. */
export async function checkPassword(platform: Platform, identifier: string, password: string, ctx: RequestContext): Promise<AccountWithRoles> {
  const db = platform.database.db;
  const id = identifier.trim();
  if (!id || !password) {
    throw AccountErrors.INVALID_INPUT({
      fields: [
        ...(!id ? [{ field: 'identifier', message: m.identifierRequired }] : []),
        ...(!password ? [{ field: 'password', message: m.passwordRequired }] : []),
      ],
    });
  }
  const who = whoKey(id);
  await admit(db, ctx, who, { proof: true });
  const adb = accountsDb(db);
  const row = id.length <= 254 ? await accountsRepo.findByIdentifier(adb, id.toLowerCase(), id.includes('@') ? id.toLowerCase() : null, normalisePhone(id)) : undefined;
  if (!row) {
    await verifyPassword(await dummyHash(), password);
    await recordGuessFailure(platform, ctx, who, null);
    await auditFailure(db, null, 'unknown_account', ctx, { identifier: id.slice(0, 100) });
    throw AccountErrors.INVALID_CREDENTIALS();
  }
  const account = await describeAccount(db, row);
  if (!(await verifyPassword(account.password_hash, password))) {
    await recordGuessFailure(platform, ctx, who, account);
    await auditFailure(db, account, 'bad_password', ctx);
    throw AccountErrors.INVALID_CREDENTIALS();
  }
  await recordGuessSuccess(db, ctx, who);
  if (account.disabled) {
    await auditFailure(db, account, 'disabled', ctx);
    throw AccountErrors.ACCOUNT_DISABLED();
  }
  return account;
}

export function needsSecondFactor(a: AccountWithRoles): boolean {
  return a.kind === 'staff' && a.totp_enabled && !!a.totp_secret;
}

/** Resets the failure count, audits the sign-in and opens the session, in one transaction. */
async function finishSignIn(db: Kysely<PlatformTables>, a: AccountWithRoles, ctx: RequestContext, opts: { api?: TokenOptions; secondFactor?: boolean } = {}): Promise<SignedIn> {
  const user = toSessionUser(a);
  return db.transaction().execute(async (trx) => {
    await accountsRepo.update(accountsDb(trx), a.id, { last_sign_in_at: new Date() });
    await recordAudit(trx, {
      actor: user,
      action: opts.api ? 'account.api_token' : 'account.sign_in',
      entity: 'account',
      entityId: a.id,
      agencyId: a.agency_id,
      ip: ctx.ip,
      data: { second_factor: opts.secondFactor ?? false, ...(opts.api ? { scopes: opts.api.scopes, hours: opts.api.hours } : {}) },
    });
    const s = await createSession(trx, user, {
      ...(opts.api ? { api: true, hours: opts.api.hours, scopes: opts.api.scopes, label: opts.api.label } : {}),
      ...(ctx.ip ? { ip: ctx.ip } : {}),
      ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}),
    });
    return { ...s, user, pending: false };
  });
}

/** The sign-in form: a full session, or a session pending its second factor. */
export async function signIn(platform: Platform, identifier: string, password: string, ctx: RequestContext): Promise<SignedIn> {
  const db = platform.database.db;
  const account = await checkPassword(platform, identifier, password, ctx);
  if (!needsSecondFactor(account)) return finishSignIn(db, account, ctx);
  const user = toSessionUser(account);
  const s = await createSession(db, user, { secondFactorPending: true, hours: PENDING_HOURS, ...(ctx.ip ? { ip: ctx.ip } : {}) });
  return { ...s, user, pending: true };
}

/** Checks a TOTP code for the account; a wrong or replayed code counts as a failed guess (guard.ts). */
async function checkCode(platform: Platform, account: AccountWithRoles, code: string, ctx: RequestContext): Promise<void> {
  const db = platform.database.db;
  const who = `#totp:${account.id}`;
  await admit(db, ctx, who, { proof: false });
  const secret = openTotpSecret(platform.secrets, account, platform.log);
  const step = secret ? matchTotpStep(secret, code) : null;
  if (step === null || !(await accountsRepo.claimTotpStep(accountsDb(db), account.id, step))) {
    await recordGuessFailure(platform, ctx, who, account);
    await auditFailure(db, account, step === null ? 'bad_totp' : 'replayed_totp', ctx);
    throw AccountErrors.TOTP_INVALID();
  }
  await recordGuessSuccess(db, ctx, who);
}

/** Second step of the sign-in form: the pending session is replaced by a fresh, full one. */
export async function verifySecondFactor(platform: Platform, pendingSessionId: string, userId: number, code: string, ctx: RequestContext): Promise<SignedIn> {
  const db = platform.database.db;
  const account = await loadAccount(db, userId);
  if (!account || account.disabled) {
    await destroySession(db, pendingSessionId);
    throw AccountErrors.INVALID_CREDENTIALS();
  }
  await checkCode(platform, account, code, ctx);
  await destroySession(db, pendingSessionId);
  return finishSignIn(db, account, ctx, { secondFactor: true });
}

export interface TokenOptions {
  scopes: Scope[];
  hours: number;
  label: string;
}

/** The scopes asked for, checked against what the account may have (all of those when none are asked for). */
export function tokenOptions(user: SessionUser, input: { scopes?: string[] | undefined; label?: string | undefined; expires_in_days?: number | undefined }): TokenOptions {
  const allowed = scopesAllowed(user);
  const asked = input.scopes?.length ? [...new Set(input.scopes)] : allowed;
  if (!asked.every((s) => isScope(s) && allowed.includes(s))) throw AccountErrors.SCOPE_NOT_ALLOWED({ details: { allowed } });
  const days = Math.min(Math.max(Math.trunc(input.expires_in_days ?? 1), 1), MAX_TOKEN_DAYS);
  return { scopes: asked as Scope[], hours: input.expires_in_days ? days * 24 : API_TOKEN_HOURS, label: (input.label ?? '').trim().slice(0, 100) };
}

/** POST /api/v1/auth/token: the same checks, in one request; the token is an API session with the scopes chosen. */
export async function issueApiToken(
  platform: Platform,
  input: { username: string; password: string; totp?: string | undefined; scopes?: string[] | undefined; label?: string | undefined; expires_in_days?: number | undefined },
  ctx: RequestContext,
): Promise<SignedIn & { scopes: Scope[] }> {
  const db = platform.database.db;
  const account = await checkPassword(platform, input.username, input.password, ctx);
  // Staff who must use two-step verification get no token before they have set it up.
  if (mustSetUpTwoStep(platform.config, toSessionUser(account))) throw twoStepSetupRequired();
  const token = tokenOptions(toSessionUser(account), input);
  if (needsSecondFactor(account)) {
    if (!input.totp) throw AccountErrors.TOTP_REQUIRED();
    await checkCode(platform, account, input.totp, ctx);
  }
  const s = await finishSignIn(db, account, ctx, { api: token, secondFactor: needsSecondFactor(account) });
  return { ...s, scopes: token.scopes };
}
