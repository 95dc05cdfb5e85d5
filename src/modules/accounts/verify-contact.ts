// A signed-in person proves a phone number or e-mail address of their account with a code sent there (issue 9): after a
// change of contacts (own-profile.ts leaves a new one unproven), or for the contact a registration did not prove. A
// citizen needs one proven contact to submit (requireVerifiedContact).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireUser, type Actor } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { refreshUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, isVerified, toSessionUser } from './repo.ts';
import { codesRepo } from './repo-codes.ts';
import { loadAccount } from './agencies.ts';
import { checkAllowance, checkCode, destinationFor, insertJourney, newCode, newFlowToken, openJourney, queueCode, type Destination } from './codes.ts';
import { verifyPage } from './messages-verify.ts';
import type { RequestContext } from './sign-in.ts';

export type ContactKind = 'phone' | 'email';

/** Issue 9: a citizen submits only with a proven phone number or e-mail; throws ACCOUNT_UNVERIFIED (403) otherwise. */
export async function requireVerifiedContact(db: Kysely<PlatformTables>, user: SessionUser): Promise<void> {
  if (user.kind !== 'citizen') return;
  const a = await accountsRepo.findById(accountsDb(db), user.id);
  if (a && isVerified(a)) return;
  throw AccountErrors.ACCOUNT_UNVERIFIED({ details: { link: { href: '/tai-khoan/xac-minh', text: verifyPage.link } } });
}

/** Sends a code to the account's phone (SMS) or e-mail; returns the flow token for the browser and where it went. */
export async function sendContactCode(platform: Platform, actor: Actor, which: ContactKind, ctx: RequestContext): Promise<{ token: string; destination: Destination }> {
  const user = requireUser(actor);
  const db = platform.database.db;
  const account = await loadAccount(db, user.id);
  if (!account) throw AccountErrors.ACCOUNT_NOT_FOUND();
  const destination = which === 'phone' ? destinationFor(account.phone, null) : destinationFor(null, account.email);
  if (!destination) throw AccountErrors.INVALID_INPUT({ fields: [{ field: which, message: which === 'phone' && account.phone ? verifyPage.notMobile : verifyPage.noContact }] });
  await checkAllowance(accountsDb(db), destination.to);
  const token = newFlowToken();
  await db.transaction().execute(async (trx) => {
    const code = newCode();
    await insertJourney(trx, { purpose: 'contact', token, accountId: user.id, destination, code });
    await queueCode(trx, platform, destination, 'contact', code);
    await recordAudit(trx, { actor: user, action: 'account.contact_code', entity: 'account', entityId: user.id, agencyId: user.agencyId, ip: ctx.ip, data: { channel: destination.channel } });
  });
  return { token, destination };
}

/** The browser's open contact verification of this account, if any. */
export async function pendingContact(db: Kysely<PlatformTables>, actor: Actor, token: string | undefined): Promise<Destination | undefined> {
  const user = requireUser(actor);
  const row = await openJourney(db, token, 'contact');
  return row && row.account_id === user.id ? { channel: row.channel, to: row.destination } : undefined;
}

/** The code came back: the contact is proven (if it is still the account's), the sessions learn it. */
export async function confirmContactCode(platform: Platform, actor: Actor, token: string | undefined, code: string, ctx: RequestContext): Promise<ContactKind> {
  const user = requireUser(actor);
  const db = platform.database.db;
  const open = await openJourney(db, token, 'contact');
  const row = await checkCode(db, open && open.account_id === user.id ? open : undefined, token ?? '', code);
  const invalid = AccountErrors.CODE_INVALID({ fields: [{ field: 'code', message: AccountErrors.CODE_INVALID().text }] });
  return db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx);
    if (!(await codesRepo.use(adb, row.id))) throw invalid;
    const account = await accountsRepo.lockById(adb, user.id);
    // The contact changed since the code was sent: the code proves the old one, which is no longer the account's.
    const which: ContactKind | null = row.channel === 'sms' ? (account?.phone === row.destination ? 'phone' : null) : account?.email === row.destination ? 'email' : null;
    if (!account || !which) throw invalid;
    await accountsRepo.update(adb, user.id, which === 'phone' ? { phone_verified_at: new Date() } : { email_verified_at: new Date() });
    await recordAudit(trx, { actor: user, action: 'account.contact_verified', entity: 'account', entityId: user.id, agencyId: user.agencyId, ip: ctx.ip, data: { contact: which } });
    const updated = await loadAccount(trx, user.id);
    if (updated) await refreshUserSessions(trx, toSessionUser(updated));
    return which;
  });
}
