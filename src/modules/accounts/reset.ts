// Forgotten passwords: a single-use link, valid one hour, sent to the account's e-mail address; or, for an account
// without e-mail or when the phone number is what was typed, a 6-digit code by SMS (issue 9, reset-code.ts). The table
// keeps only the token's SHA-256. The answer to a request is the same whether or not the account exists, and whichever
// way it was reached: the browser always gets a flow token, the page always offers the code form.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { t } from '../../platform/web/i18n.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo } from './repo.ts';
import { checkNewPassword, collect, normalisePhone } from './validate.ts';
import { resetMail } from './messages.ts';
import type { RequestContext } from './sign-in.ts';
import { newFlowToken } from './codes.ts';
import { codesRepo } from './repo-codes.ts';
import { smsNumber } from '../../platform/notify/sms.ts';
import { sendResetCode } from './reset-code.ts';

export const RESET_HOURS = 1;

/**
 * Queues the mail (or the SMS code) in the same transaction as its token; returns the flow token for the browser's
 * cookie in every case (a decoy when no code went out), for the caller to flush the outboxes after the answer.
 */
export async function requestPasswordReset(platform: Platform, identifier: string, ctx: RequestContext): Promise<{ token: string }> {
  const db = platform.database.db;
  const token = newFlowToken();
  const id = identifier.trim().toLowerCase();
  if (!id || id.length > 254) return { token };
  const typedPhone = normalisePhone(id);
  const account = await accountsRepo.findByIdentifier(accountsDb(db), id, id.includes('@') ? id : null, typedPhone);
  const mobile = account?.phone ? smsNumber(account.phone) : null;
  if (account && !account.disabled && mobile && (!account.email || account.phone === typedPhone)) {
    await sendResetCode(platform, account, mobile, token, ctx);
    return { token };
  }
  if (!account?.email || account.disabled) {
    await recordAudit(db, { actor: null, action: 'account.password_reset_request', entity: 'account', entityId: account?.id ?? null, ip: ctx.ip, data: { sent: false } });
    return { token };
  }
  const email = account.email;
  const linkToken = randomToken(32);
  const link = `${platform.config.baseUrl}/dat-lai-mat-khau?token=${linkToken}`;
  await db.transaction().execute(async (trx) => {
    await accountsRepo.insertReset(accountsDb(trx), account.id, sha256(linkToken), new Date(Date.now() + RESET_HOURS * 3_600_000));
    const vars = { name: account.full_name, link, username: account.username };
    await platform.mailer.enqueue(trx, {
      to: email,
      subject: `${t('vi', resetMail.subject)} / ${t('en', resetMail.subject)}`,
      text: `${t('vi', resetMail.body, vars)}\n\n---\n\n${t('en', resetMail.body, vars)}\n`,
    });
    await recordAudit(trx, { actor: null, action: 'account.password_reset_request', entity: 'account', entityId: account.id, ip: ctx.ip, data: { sent: true } });
  });
  return { token };
}

/** Whether a reset link can still be used (for showing the form). */
export async function resetTokenUsable(db: Kysely<PlatformTables>, token: string): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return !!(await accountsRepo.findUsableReset(accountsDb(db), sha256(token)));
}

/**
 * Sets the new password, uses up every open link of the account, clears a lock-out and ends every session of
 * the account except the caller's own (`keepSessionId`).
 */
export async function resetPassword(
  db: Kysely<PlatformTables>,
  input: { token: string; password: string; password_confirm: string },
  ctx: RequestContext & { keepSessionId?: string | null },
): Promise<{ accountId: number; username: string }> {
  collect({}, checkNewPassword('password', input.password, 'password_confirm', input.password_confirm));
  if (!input.token || input.token.length > 100) throw AccountErrors.RESET_LINK_INVALID();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx);
    const reset = await accountsRepo.findUsableReset(adb, sha256(input.token), true);
    if (!reset) throw AccountErrors.RESET_LINK_INVALID();
    const account = await accountsRepo.lockById(adb, reset.account_id);
    if (!account || account.disabled) throw AccountErrors.RESET_LINK_INVALID();
    await accountsRepo.update(adb, account.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null });
    await accountsRepo.useResets(adb, account.id);
    await codesRepo.useAll(adb, account.id, 'reset');
    await destroyUserSessions(trx, account.id, ctx.keepSessionId ?? undefined);
    await recordAudit(trx, { actor: { id: account.id, label: account.username }, action: 'account.password_reset', entity: 'account', entityId: account.id, agencyId: account.agency_id, ip: ctx.ip });
    return { accountId: account.id, username: account.username };
  });
}
