// Transit accounts: one per person (TRANSPORT.md §1), linked to the citizen's account. A citizen opens their own; a
// transit officer may open one for any citizen, and blocks or unblocks accounts.
import type { Actor } from '../../../platform/auth/access.ts';
import { requireUser } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import { findAccountContact } from '../../accounts/index.ts';
import { requireOfficer, requireOwnerOrOfficer } from './access.ts';
import { RiderErrors } from './errors.ts';
import { Fields, pgError } from './input.ts';
import { asPlatformDb, ridersDb, ridersRepo, type TransitAccount } from './repo.ts';

/** Fare categories of a person (§1: priority = students and industrial-zone workers; group passes). Data: extend here. */
export const RIDER_CATEGORIES: readonly string[] = ['regular', 'priority', 'group'];

export async function openAccount(platform: Platform, actor: Actor, citizenAccountId: number, riderCategory: unknown = 'regular'): Promise<TransitAccount> {
  const user = requireUser(actor);
  const own = user.kind === 'citizen' && user.id === citizenAccountId;
  if (!own && !(user.kind === 'staff' && user.roles.includes(Role.transitOfficer))) throw HttpErrors.FORBIDDEN();
  const f = new Fields();
  f.id('citizenAccountId', citizenAccountId);
  const category = RIDER_CATEGORIES.find((c) => c === riderCategory);
  if (!category) f.add('riderCategory', 'Đối tượng hành khách không hợp lệ.', 'The rider category is not valid.');
  // Only an officer sets a fare category other than regular (it needs proof, e.g. a student card).
  else if (category !== 'regular' && own) f.add('riderCategory', 'Cán bộ trung tâm xác nhận đối tượng ưu tiên.', 'A centre officer confirms a priority category.');
  f.check();
  const contact = await findAccountContact(platform.database.db, citizenAccountId);
  if (!contact?.personalId) throw RiderErrors.NOT_A_CITIZEN();
  return ridersDb(platform.database.db).transaction().execute(async (trx) => {
    if (await ridersRepo.accountOfCitizen(trx, citizenAccountId)) throw RiderErrors.ACCOUNT_EXISTS();
    let account: TransitAccount;
    try {
      account = await trx.insertInto('transit_accounts').values({ citizen_account_id: citizenAccountId, rider_category: category, created_by: user.id }).returningAll().executeTakeFirstOrThrow();
    } catch (e) {
      if (pgError(e).code === '23505') throw RiderErrors.ACCOUNT_EXISTS();
      throw e;
    }
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.account.open', entity: 'transit_account', entityId: account.id, data: { citizenAccountId, riderCategory: category } });
    return account;
  });
}

/** The account of a citizen, for the citizen or an officer; undefined when there is none. */
export async function findAccountOfCitizen(platform: Platform, actor: Actor, citizenAccountId: number): Promise<TransitAccount | undefined> {
  const account = await ridersRepo.accountOfCitizen(ridersDb(platform.database.db), citizenAccountId);
  requireOwnerOrOfficer(actor, account ?? { citizen_account_id: citizenAccountId });
  return account;
}

/** Blocks or unblocks a whole account (disputes, fraud): the officer only. */
export async function setAccountStatus(platform: Platform, actor: Actor, accountId: number, status: 'active' | 'blocked'): Promise<void> {
  const user = requireOfficer(actor);
  if (status !== 'active' && status !== 'blocked') throw RiderErrors.INVALID();
  await ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const account = await ridersRepo.findAccount(trx, accountId, true);
    if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
    if (account.status === status) return;
    await trx.updateTable('transit_accounts').set({ status }).where('id', '=', account.id).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: `transit.account.${status === 'blocked' ? 'block' : 'unblock'}`, entity: 'transit_account', entityId: account.id });
  });
}
