// Signing in: password, then (staff who enrolled) a TOTP code. Every attempt is audited, success or not.
// After 5 failures in a row the account is locked for 15 minutes; unknown usernames cost the same argon2
// verification as known ones, so the answer's timing tells nothing.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { createSession, destroySession, API_TOKEN_HOURS } from '../../platform/auth/sessions.ts';
import { dummyHash, verifyPassword } from '../../platform/auth/password.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser, type AccountWithRoles } from './repo.ts';
import { describeAccount, loadAccount } from './agencies.ts';
import { normalisePhone } from './validate.ts';
import { matchTotpStep } from './totp.ts';
import { invalid as m } from './messages.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** A session waiting for its second factor lives this long. */
const PENDING_HOURS = 10 / 60;

export interface RequestContext {
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

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return AccountErrors.ACCOUNT_LOCKED({
    vi: `Tài khoản tạm bị khóa do đăng nhập sai ${MAX_FAILURES} lần liên tiếp. Vui lòng thử lại sau ${minutes} phút.`,
    en: `The account is locked after ${MAX_FAILURES} failed sign-in attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    details: { retry_after_minutes: minutes },
  });
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

/** Counts a failed password or code; the fifth in a row locks the account. Returns the error to throw. */
async function recordFailure(db: Kysely<PlatformTables>, a: AccountWithRoles, reason: string, ctx: RequestContext, error: AppError): Promise<AppError> {
  return db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx);
    const failures = await accountsRepo.countFailure(adb, a.id);
    const locked = failures >= MAX_FAILURES;
    const until = new Date(Date.now() + LOCK_MINUTES * 60_000);
    if (locked) await accountsRepo.update(adb, a.id, { failed_logins: 0, locked_until: until });
    await auditFailure(trx, a, reason, ctx, { failures, locked });
    if (locked) {
      await recordAudit(trx, { actor: { id: a.id, label: a.username }, action: 'account.locked', entity: 'account', entityId: a.id, ip: ctx.ip, data: { until: until.toISOString() } });
    }
    return locked ? lockedError(until) : error;
  });
}

/** Checks identifier (username, e-mail or phone) and password; throws (audited) on any failure. */
export async function checkPassword(db: Kysely<PlatformTables>, identifier: string, password: string, ctx: RequestContext): Promise<AccountWithRoles> {
  const id = identifier.trim();
  if (!id || !password) {
    throw AccountErrors.INVALID_INPUT({
      fields: [
        ...(!id ? [{ field: 'identifier', message: m.identifierRequired }] : []),
        ...(!password ? [{ field: 'password', message: m.passwordRequired }] : []),
      ],
    });
  }
  const adb = accountsDb(db);
  const row = id.length <= 254 ? await accountsRepo.findByIdentifier(adb, id.toLowerCase(), id.includes('@') ? id.toLowerCase() : null, normalisePhone(id)) : undefined;
  if (!row) {
    await verifyPassword(await dummyHash(), password);
    await auditFailure(db, null, 'unknown_account', ctx, { identifier: id.slice(0, 100) });
    throw AccountErrors.INVALID_CREDENTIALS();
  }
  const account = await describeAccount(db, row);
  if (account.locked_until && account.locked_until > new Date()) {
    await verifyPassword(await dummyHash(), password);
    await auditFailure(db, account, 'locked', ctx);
    throw lockedError(account.locked_until);
  }
  if (!(await verifyPassword(account.password_hash, password))) {
    throw await recordFailure(db, account, 'bad_password', ctx, AccountErrors.INVALID_CREDENTIALS());
  }
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
async function finishSignIn(db: Kysely<PlatformTables>, a: AccountWithRoles, ctx: RequestContext, opts: { api?: boolean; secondFactor?: boolean } = {}): Promise<SignedIn> {
  const user = toSessionUser(a);
  return db.transaction().execute(async (trx) => {
    await accountsRepo.update(accountsDb(trx), a.id, { failed_logins: 0, locked_until: null, last_sign_in_at: new Date() });
    await recordAudit(trx, {
      actor: user,
      action: opts.api ? 'account.api_token' : 'account.sign_in',
      entity: 'account',
      entityId: a.id,
      agencyId: a.agency_id,
      ip: ctx.ip,
      data: { second_factor: opts.secondFactor ?? false },
    });
    const s = await createSession(trx, user, {
      ...(opts.api ? { api: true, hours: API_TOKEN_HOURS } : {}),
      ...(ctx.ip ? { ip: ctx.ip } : {}),
      ...(ctx.userAgent ? { userAgent: ctx.userAgent } : {}),
    });
    return { ...s, user, pending: false };
  });
}

/** The sign-in form: a full session, or a session pending its second factor. */
export async function signIn(db: Kysely<PlatformTables>, identifier: string, password: string, ctx: RequestContext): Promise<SignedIn> {
  const account = await checkPassword(db, identifier, password, ctx);
  if (!needsSecondFactor(account)) return finishSignIn(db, account, ctx);
  const user = toSessionUser(account);
  const s = await createSession(db, user, { secondFactorPending: true, hours: PENDING_HOURS, ...(ctx.ip ? { ip: ctx.ip } : {}) });
  return { ...s, user, pending: true };
}

/** Checks a TOTP code for the account; a wrong or replayed code counts as a failed sign-in. */
async function checkCode(db: Kysely<PlatformTables>, account: AccountWithRoles, code: string, ctx: RequestContext): Promise<void> {
  if (account.locked_until && account.locked_until > new Date()) {
    await auditFailure(db, account, 'locked', ctx);
    throw lockedError(account.locked_until);
  }
  const step = account.totp_secret ? matchTotpStep(account.totp_secret, code) : null;
  if (step === null || !(await accountsRepo.claimTotpStep(accountsDb(db), account.id, step))) {
    throw await recordFailure(db, account, step === null ? 'bad_totp' : 'replayed_totp', ctx, AccountErrors.TOTP_INVALID());
  }
}

/** Second step of the sign-in form: the pending session is replaced by a fresh, full one. */
export async function verifySecondFactor(db: Kysely<PlatformTables>, pendingSessionId: string, userId: number, code: string, ctx: RequestContext): Promise<SignedIn> {
  const account = await loadAccount(db, userId);
  if (!account || account.disabled) {
    await destroySession(db, pendingSessionId);
    throw AccountErrors.INVALID_CREDENTIALS();
  }
  try {
    await checkCode(db, account, code, ctx);
  } catch (err) {
    if ((err as AppError).code === 'ACCOUNT_LOCKED') await destroySession(db, pendingSessionId);
    throw err;
  }
  await destroySession(db, pendingSessionId);
  return finishSignIn(db, account, ctx, { secondFactor: true });
}

/** POST /api/v1/auth/token: the same checks, in one request; the token is a 24-hour API session. */
export async function issueApiToken(db: Kysely<PlatformTables>, input: { username: string; password: string; totp?: string | undefined }, ctx: RequestContext): Promise<SignedIn> {
  const account = await checkPassword(db, input.username, input.password, ctx);
  if (needsSecondFactor(account)) {
    if (!input.totp) throw AccountErrors.TOTP_REQUIRED();
    await checkCode(db, account, input.totp, ctx);
  }
  return finishSignIn(db, account, ctx, { api: true, secondFactor: needsSecondFactor(account) });
}
