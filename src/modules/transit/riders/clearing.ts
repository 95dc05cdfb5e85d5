// What the daily pricing (transit/taps) reads and writes on the riders' side (TRANSPORT.md §2: the back office holds
// balances, passes and concessions and prices the day centrally): an account's fare profile on a day, and the day's
// charge taken from the balance. Clearing staff only.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../../platform/auth/access.ts';
import { recordAudit, recordAudits } from '../../../platform/audit/index.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearing } from './access.ts';
import { RiderErrors } from './errors.ts';
import { pgError } from './input.ts';
import { asPlatformDb, type ConcessionCategory, type MediumKind, type RidersDb, ridersDb, ridersRepo } from './repo.ts';

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
export async function chargeBalance(platform: Platform, actor: Actor, input: { accountId: number; amount: number; reference: string }, within?: Kysely<PlatformTables>): Promise<{ charged: boolean; balance: number }> {
  const user = requireClearing(actor);
  const run = async (trx: RidersDb) => {
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
  };
  return within ? run(ridersDb(within)) : ridersDb(platform.database.db).transaction().execute(run);
}

/** A fare profile without the media: what the fare engine needs of an account on a day. */
export type DayProfile = Omit<FareProfile, 'media'>;

/**
 * The fare profiles of many accounts on `day` (the day's pricing, a chunk of accounts at a time) in three set-based
 * reads, inside the caller's transaction: the same rules as fareProfile. Accounts not found or blocked are left out.
 */
export async function fareProfiles(db: Kysely<PlatformTables>, actor: Actor, accountIds: readonly number[], day: string): Promise<Map<number, DayProfile>> {
  requireClearing(actor);
  const out = new Map<number, DayProfile>();
  if (accountIds.length === 0) return out;
  // One round trip: each account with its concessions and passes in force as JSON arrays.
  const rows = await sql<{ id: number; rider_category: string; concessions: ConcessionCategory[]; passes: { productId: string; validFrom: string; validTo: string; routeId: string | null }[] }>`
    select a.id, a.rider_category,
      coalesce((select json_agg(c.category order by c.category) from transit_concessions c
        where c.account_id = a.id and c.revoked_at is null and (c.expires_at is null or c.expires_at >= ${day}::date)), '[]') as concessions,
      coalesce((select json_agg(json_build_object('productId', p.product_id, 'validFrom', p.valid_from, 'validTo', p.valid_to, 'routeId', p.route_id) order by p.id) from transit_passes p
        where p.account_id = a.id and p.status = 'active' and p.valid_from <= ${day}::date and p.valid_to >= ${day}::date), '[]') as passes
    from transit_accounts a where a.id = any(${[...accountIds]}::bigint[]) and a.status = 'active'`.execute(db);
  for (const a of rows.rows) out.set(Number(a.id), { accountId: Number(a.id), riderCategory: a.rider_category, concessions: a.concessions, passes: a.passes });
  return out;
}

/**
 * Takes many accounts' day totals from their balances at once, inside the caller's transaction (chargeBalance for a
 * chunk of accounts): the accounts' rows locked in id order, their last balances read, one ledger row for each
 * balance that covers its amount (one multi-row insert; the trigger still computes balance_after row by row) and
 * one `transit.balance.charge` audit row each. A balance too low takes nothing: that account answers charged false.
 */
export async function chargeBalances(db: Kysely<PlatformTables>, actor: Actor, items: readonly { accountId: number; amount: number; reference: string }[]): Promise<Map<number, { charged: boolean; balance: number }>> {
  const user = requireClearing(actor);
  const out = new Map<number, { charged: boolean; balance: number }>();
  if (items.length === 0) return out;
  const r = ridersDb(db);
  const ids = [...new Set(items.map((i) => i.accountId))].sort((a, b) => a - b);
  // The accounts' rows locked in id order and their last balances, in one statement.
  const last = await sql<{ id: number; balance: number | null }>`select a.id, (select l.balance_after from transit_ledger l where l.account_id = a.id order by l.id desc limit 1) as balance
    from transit_accounts a where a.id = any(${ids}::bigint[]) order by a.id for update of a`.execute(r);
  const balance = new Map(last.rows.map((x) => [Number(x.id), Number(x.balance ?? 0)]));
  const take = items.filter((i) => i.amount > 0 && (balance.get(i.accountId) ?? 0) >= i.amount);
  for (const i of items) out.set(i.accountId, { charged: i.amount <= 0, balance: balance.get(i.accountId) ?? 0 });
  if (take.length === 0) return out;
  const rows = take.map((i) => ({ account_id: i.accountId, kind: 'charge', amount: -i.amount, reference: i.reference, created_by: user.id }));
  const added = await sql<{ id: number; account_id: number; balance_after: number }>`insert into transit_ledger (account_id, kind, amount, reference, created_by)
    select account_id, kind, amount, reference, created_by from json_to_recordset(${JSON.stringify(rows)}::json)
      as x(account_id bigint, kind text, amount bigint, reference text, created_by bigint)
    returning id, account_id, balance_after`.execute(r);
  const ledgerOf = new Map(added.rows.map((x) => [Number(x.account_id), x]));
  const audits = [];
  for (const i of take) {
    const row = ledgerOf.get(i.accountId);
    if (!row) continue;
    out.set(i.accountId, { charged: true, balance: Number(row.balance_after) });
    audits.push({ actor: user, action: 'transit.balance.charge', entity: 'transit_account', entityId: i.accountId, data: { amount: i.amount, reference: i.reference, ledgerId: Number(row.id) } });
  }
  await recordAudits(asPlatformDb(r), audits);
  return out;
}
