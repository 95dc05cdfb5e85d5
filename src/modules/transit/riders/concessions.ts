// Free riders (TRANSPORT.md §1: meritorious service, aged ≥ 60, disability, under 6, poor households). Only the answer
// is kept — a category per person, how it was proven and until when (§2, as Cal-ITP's eligibility server does): never a
// document, its number or a date of birth.
import type { Actor } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { vietnamDateOf } from '../../../platform/calendar/dates.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { findAccountContact } from '../../accounts/index.ts';
import { requireOfficer, requireOwnerOrOfficer } from './access.ts';
import { birthdayAt, checkCccd } from './cccd.ts';
import { RiderErrors } from './errors.ts';
import { Fields } from './input.ts';
import { asPlatformDb, type ConcessionCategory, type RidersDb, ridersDb, ridersRepo } from './repo.ts';

export const CONCESSION_CATEGORIES: readonly ConcessionCategory[] = ['meritorious', 'senior_60', 'disability', 'under_6', 'poor_household'];
/** The age from which riders travel free (§1: "aged ≥ 60"). */
export const SENIOR_AGE = 60;

async function upsert(trx: RidersDb, accountId: number, c: { category: ConcessionCategory; source: string; expiresAt: string | null; by: number }): Promise<number> {
  const held = await trx.selectFrom('transit_concessions').select('id').where('account_id', '=', accountId).where('category', '=', c.category).where('revoked_at', 'is', null).forUpdate().executeTakeFirst();
  if (held) {
    await trx.updateTable('transit_concessions').set({ source: c.source, expires_at: c.expiresAt, verified_at: new Date(), granted_by: c.by }).where('id', '=', held.id).execute();
    return held.id;
  }
  const row = await trx.insertInto('transit_concessions').values({ account_id: accountId, category: c.category, source: c.source, expires_at: c.expiresAt, granted_by: c.by, revoked_at: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Proves the senior concession from the chip citizen-ID: the number's structure must agree with the date of birth
 * (cccd.ts), it must be the account holder's own number when the citizen account knows it, and the 60th birthday must
 * have come (on it, the rider is 60). Keeps senior_60, source 'cccd', no expiry; the number and the date are dropped.
 */
export async function proveAge(platform: Platform, actor: Actor, accountId: number, cccdNumber: unknown, dateOfBirth: unknown, opts: { today?: string } = {}): Promise<{ category: 'senior_60' }> {
  const db = ridersDb(platform.database.db);
  const account = Number.isSafeInteger(accountId) ? await ridersRepo.findAccount(db, accountId) : undefined;
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  const user = requireOwnerOrOfficer(actor, account);
  const number = typeof cccdNumber === 'string' ? cccdNumber.trim() : '';
  const dob = typeof dateOfBirth === 'string' ? dateOfBirth.trim() : '';
  if (!checkCccd(number, dob).ok) throw RiderErrors.CCCD_INVALID();
  const holder = await findAccountContact(platform.database.db, account.citizen_account_id);
  if (holder?.personalId && holder.personalId !== number) throw RiderErrors.CCCD_NOT_OWNER();
  const today = opts.today ?? vietnamDateOf(new Date());
  if (birthdayAt(dob, SENIOR_AGE) > today) throw RiderErrors.NOT_YET_60();
  await db.transaction().execute(async (trx) => {
    const id = await upsert(trx, account.id, { category: 'senior_60', source: 'cccd', expiresAt: null, by: user.id });
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.concession.grant', entity: 'transit_concession', entityId: id, data: { accountId: account.id, category: 'senior_60', source: 'cccd' } });
  });
  return { category: 'senior_60' };
}

/** An officer grants a category after checking it (a list from the labour office, a document seen at the counter). */
export async function grantConcession(platform: Platform, actor: Actor, accountId: number, input: { category: unknown; source: unknown; expiresAt: unknown }, opts: { today?: string } = {}): Promise<number> {
  const user = requireOfficer(actor);
  const f = new Fields();
  const category = CONCESSION_CATEGORIES.find((c) => c === input.category);
  if (!category) f.add('category', 'Diện miễn vé không hợp lệ.', 'The concession category is not valid.');
  const source = f.text('source', input.source, /^[a-z][a-z0-9_]{1,39}$/, 'Nguồn xác minh không hợp lệ (ví dụ labour_office_list, officer_check).', 'The source is not valid (e.g. labour_office_list, officer_check).');
  const expiresAt = f.date('expiresAt', input.expiresAt);
  if (f.ok && expiresAt <= (opts.today ?? vietnamDateOf(new Date()))) f.add('expiresAt', 'Ngày hết hạn phải sau hôm nay.', 'The expiry must be after today.');
  f.check();
  return ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const account = await ridersRepo.findAccount(trx, accountId, true);
    if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
    const id = await upsert(trx, account.id, { category: category as ConcessionCategory, source, expiresAt, by: user.id });
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.concession.grant', entity: 'transit_concession', entityId: id, data: { accountId: account.id, category, source, expiresAt } });
    return id;
  });
}

/** The categories in force for the account today (no expiry, or an expiry not yet passed). */
export async function concessionsOf(platform: Platform, actor: Actor, accountId: number, opts: { today?: string } = {}): Promise<ConcessionCategory[]> {
  const db = ridersDb(platform.database.db);
  const account = await ridersRepo.findAccount(db, accountId);
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  requireOwnerOrOfficer(actor, account);
  const today = opts.today ?? vietnamDateOf(new Date());
  const rows = await db
    .selectFrom('transit_concessions')
    .select('category')
    .where('account_id', '=', account.id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>=', today)]))
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category);
}
