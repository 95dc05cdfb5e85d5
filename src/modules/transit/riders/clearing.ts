// What the daily pricing (transit/taps) reads and writes on the riders' side (TRANSPORT.md §2: the back office holds
// balances, passes and concessions and prices the day centrally): an account's fare profile on a day, and the day's
// charge taken from the balance. Clearing staff only.
import type { Actor } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearing } from './access.ts';
import { RiderErrors } from './errors.ts';
import { pgError } from './input.ts';
import { asPlatformDb, type ConcessionCategory, type MediumKind, ridersDb, ridersRepo } from './repo.ts';

export interface FareProfile {
  accountId: number;
  riderCategory: string;
  concessions: ConcessionCategory[];
  passes: { productId: string; validFrom: string; validTo: string; routeId: string | null }[];
  /** Active media; a bank card is charged by the payment adapter instead of the balance. */
  media: { id: number; kind: MediumKind; key: string }[];
}

/** The account's category, concessions and active passes in force on `day` (YYYY-MM-DD). */
export async function fareProfile(platform: Platform, actor: Actor, accountId: number, day: string): Promise<FareProfile> {
  requireClearing(actor);
  const db = ridersDb(platform.database.db);
  const account = await ridersRepo.findAccount(db, accountId);
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  const concessions = await db
    .selectFrom('transit_concessions')
    .select('category')
    .where('account_id', '=', account.id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>=', day)]))
    .orderBy('category')
    .execute();
  const passes = await db
    .selectFrom('transit_passes')
    .select(['product_id', 'valid_from', 'valid_to', 'route_id'])
    .where('account_id', '=', account.id)
    .where('status', '=', 'active')
    .where('valid_from', '<=', day)
    .where('valid_to', '>=', day)
    .orderBy('id')
    .execute();
  const media = (await ridersRepo.mediaOf(db, account.id)).filter((m) => m.status === 'active');
  return {
    accountId: account.id,
    riderCategory: account.rider_category,
    concessions: concessions.map((c) => c.category),
    passes: passes.map((p) => ({ productId: p.product_id, validFrom: String(p.valid_from), validTo: String(p.valid_to), routeId: p.route_id })),
    media: media.map((m) => ({ id: m.id, kind: m.kind, key: m.media_key })),
  };
}

/**
 * Takes the day's total from the balance in one ledger row. A balance too low takes nothing and answers
 * `{ charged: false }` (the caller keeps the charge as debt); the ledger itself never goes below zero.
 */
export async function chargeBalance(platform: Platform, actor: Actor, input: { accountId: number; amount: number; reference: string }): Promise<{ charged: boolean; balance: number }> {
  const user = requireClearing(actor);
  return ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const account = await ridersRepo.findAccount(trx, input.accountId, true);
    if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
    const balance = await ridersRepo.balance(trx, account.id);
    if (input.amount <= 0) return { charged: true, balance };
    if (balance < input.amount) return { charged: false, balance };
    try {
      const row = await ridersRepo.addLedger(trx, { account_id: account.id, medium_id: null, kind: 'charge', amount: -input.amount, reference: input.reference, created_by: user.id });
      await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.balance.charge', entity: 'transit_account', entityId: account.id, data: { amount: input.amount, reference: input.reference, ledgerId: row.id } });
      return { charged: true, balance: Number(row.balance_after) };
    } catch (e) {
      if (pgError(e).code === '23514') return { charged: false, balance };
      throw e;
    }
  });
}
