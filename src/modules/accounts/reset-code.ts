// Password reset by SMS code (issue 9): for an account with a phone number and no e-mail, or when the phone number is
// what was typed. The code goes to the account's own number; with the right code the new password is set, every
// session and open reset ends, a lock-out is lifted, and the phone counts as proven (the code came back from it).
import type { Platform } from '../../platform/http/context.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, type Account } from './repo.ts';
import { codesRepo } from './repo-codes.ts';
import { checkCode, insertJourney, mayMessage, newCode, openJourney, queueCode, type Destination } from './codes.ts';
import { checkNewPassword, collect } from './validate.ts';
import type { RequestContext } from './sign-in.ts';

/** Queues the code on the journey of `token`; beyond the number's allowance nothing is sent (the answer stays the same). */
export async function sendResetCode(platform: Platform, account: Account, mobile: string, token: string, ctx: RequestContext): Promise<void> {
  const db = platform.database.db;
  const destination: Destination = { channel: 'sms', to: mobile };
  const allowed = await mayMessage(accountsDb(db), mobile);
  await db.transaction().execute(async (trx) => {
    if (allowed) {
      const code = newCode();
      await insertJourney(trx, { purpose: 'reset', token, accountId: account.id, destination, code });
      await queueCode(trx, platform, destination, 'reset', code);
    }
    await recordAudit(trx, { actor: null, action: 'account.password_reset_request', entity: 'account', entityId: account.id, ip: ctx.ip, data: { sent: allowed, channel: 'sms' } });
  });
}

export async function resetPasswordByCode(
  platform: Platform,
  token: string | undefined,
  input: { code: string; password: string; password_confirm: string },
  ctx: RequestContext,
): Promise<{ accountId: number; username: string }> {
  collect({}, checkNewPassword('password', input.password, 'password_confirm', input.password_confirm));
  const db = platform.database.db;
  const row = await checkCode(db, await openJourney(db, token, 'reset'), token ?? '', input.code);
  const passwordHash = await hashPassword(input.password);
  const invalid = AccountErrors.CODE_INVALID({ fields: [{ field: 'code', message: AccountErrors.CODE_INVALID().text }] });
  return db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx);
    if (!(await codesRepo.use(adb, row.id)) || row.account_id === null) throw invalid;
    const account = await accountsRepo.lockById(adb, row.account_id);
    // A number changed since the code was sent no longer speaks for the account.
    if (!account || account.disabled || account.phone !== row.destination) throw invalid;
    const now = new Date();
    await accountsRepo.update(adb, account.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, phone_verified_at: account.phone_verified_at ?? now });
    await accountsRepo.useResets(adb, account.id);
    await codesRepo.useAll(adb, account.id, 'reset');
    await destroyUserSessions(trx, account.id);
    await recordAudit(trx, { actor: { id: account.id, label: account.username }, action: 'account.password_reset', entity: 'account', entityId: account.id, agencyId: account.agency_id, ip: ctx.ip, data: { via: 'sms' } });
    return { accountId: account.id, username: account.username };
  });
}
