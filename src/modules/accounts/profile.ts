// The signed-in person's own account: profile, password change, and two-step verification for staff.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { requireStaff, requireUser, type Actor } from '../../platform/auth/access.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Platform } from '../../platform/http/context.ts';
import { checkCurrentPassword } from './guard.ts';
import { destroyUserSessions, refreshUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser, type AccountWithRoles } from './repo.ts';
import { loadAccount } from './agencies.ts';
import { checkNewPassword, collect } from './validate.ts';
import { matchTotpStep, newTotpSecret, totpQrDataUrl, totpUri } from './totp.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secrets.ts';
import { invalid as m } from './messages.ts';
import type { RequestContext } from './sign-in.ts';

export async function getOwnAccount(db: Kysely<PlatformTables>, actor: Actor): Promise<AccountWithRoles> {
  const user = requireUser(actor);
  const a = await loadAccount(db, user.id);
  if (!a) throw AccountErrors.ACCOUNT_NOT_FOUND();
  return a;
}

/** Changes the password after checking the current one; every other session of the account ends. */
export async function changePassword(
  platform: Platform,
  actor: Actor,
  input: { current_password: string; password: string; password_confirm: string },
  ctx: RequestContext & { sessionId: string | null },
): Promise<void> {
  const user = requireUser(actor);
  collect({}, [
    ...(!input.current_password ? [{ field: 'current_password', message: m.passwordRequired }] : []),
    ...checkNewPassword('password', input.password, 'password_confirm', input.password_confirm),
  ]);
  const db = platform.database.db;
  const account = await getOwnAccount(db, user);
  await checkCurrentPassword(platform, account, input.current_password, ctx, 'current_password');
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await accountsRepo.update(accountsDb(trx), user.id, { password_hash: passwordHash });
    await destroyUserSessions(trx, user.id, ctx.sessionId ?? undefined);
    await recordAudit(trx, { actor: user, action: 'account.password_change', entity: 'account', entityId: user.id, agencyId: user.agencyId, ip: ctx.ip });
  });
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
  qr: string;
}

/** Starts (or restarts) enrolment: a new secret, not yet in force until a code from it is confirmed. */
export async function startTotpEnrolment(platform: Platform, actor: Actor): Promise<void> {
  const user = requireStaff(actor);
  const account = await getOwnAccount(platform.database.db, user);
  if (account.totp_enabled) return;
  await accountsRepo.update(accountsDb(platform.database.db), user.id, { totp_secret: sealTotpSecret(platform.secrets, user.id, newTotpSecret()), totp_last_step: null });
}

/** What the enrolment page shows: null when there is nothing to show (not started, or already enabled). */
export async function pendingTotpEnrolment(platform: Platform, actor: Actor): Promise<TotpEnrolment | null> {
  const user = requireStaff(actor);
  const account = await getOwnAccount(platform.database.db, user);
  const secret = account.totp_enabled ? null : openTotpSecret(platform.secrets, account);
  if (!secret) return null;
  const uri = totpUri(secret, account.username);
  return { secret, uri, qr: await totpQrDataUrl(uri) };
}

/** Turns two-step verification on once the person proves their app produces the right code; the account's sessions learn it. */
export async function confirmTotpEnrolment(platform: Platform, actor: Actor, code: string, ctx: RequestContext): Promise<void> {
  const user = requireStaff(actor);
  await platform.database.db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx);
    const account = await accountsRepo.lockById(adb, user.id);
    const secret = account && !account.totp_enabled ? openTotpSecret(platform.secrets, account) : null;
    if (!secret) throw AccountErrors.TOTP_NOT_STARTED();
    const step = matchTotpStep(secret, code);
    if (step === null) throw AccountErrors.TOTP_INVALID({ fields: [{ field: 'code', message: AccountErrors.TOTP_INVALID().text }] });
    await accountsRepo.update(adb, user.id, { totp_enabled: true, totp_last_step: step });
    const updated = await loadAccount(trx, user.id);
    if (updated) await refreshUserSessions(trx, toSessionUser(updated));
    await recordAudit(trx, {
      actor: user,
      action: 'account.totp_enable',
      entity: 'account',
      entityId: user.id,
      agencyId: user.agencyId,
      ip: ctx.ip,
      data: { before: { totp_enabled: false }, after: { totp_enabled: true } },
    });
  });
}
