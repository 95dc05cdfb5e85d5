// Balances and passes. The balance lives in the append-only ledger and never goes below zero (the database refuses it
// too: migrations/0047). Pass prices come from the caller until the fare engine (built separately) supplies them.
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/access.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireOfficer, requireOwnerOrOfficer } from './access.ts';
import { RiderErrors } from './errors.ts';
import { Fields, pgError } from './input.ts';
import { asPlatformDb, type PassRow, type RidersDb, ridersDb, ridersRepo } from './repo.ts';

/** A sanity bound on one top-up or one pass price (đồng), not a rule of the network. */
export const MAX_AMOUNT = 10_000_000;

async function lockAccount(trx: RidersDb, actor: Actor, accountId: number) {
  const account = Number.isSafeInteger(accountId) && accountId > 0 ? await ridersRepo.findAccount(trx, accountId, true) : undefined;
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  const user = requireOwnerOrOfficer(actor, account);
  if (account.status !== 'active') throw RiderErrors.ACCOUNT_BLOCKED();
  return { account, user };
}

/** The medium a movement is recorded on: the one named (which must be the account's and active) or the active card. */
async function purseMedium(trx: RidersDb, accountId: number, mediumId: number | undefined): Promise<number | null> {
  if (mediumId === undefined) return (await ridersRepo.activeCard(trx, accountId))?.id ?? null;
  const medium = await ridersRepo.findMedium(trx, mediumId);
  if (!medium || medium.account_id !== accountId) throw RiderErrors.MEDIUM_NOT_FOUND();
  if (medium.status !== 'active') throw RiderErrors.MEDIUM_BLOCKED();
  return medium.id;
}

export async function balanceOf(platform: Platform, actor: Actor, accountId: number): Promise<number> {
  const db = ridersDb(platform.database.db);
  const account = await ridersRepo.findAccount(db, accountId);
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  requireOwnerOrOfficer(actor, account);
  return ridersRepo.balance(db, account.id);
}

/** Adds money to the balance; `within` runs it inside the caller's transaction (a confirmed VietQR payment). */
export async function topUp(platform: Platform, actor: Actor, input: { accountId: number; amount: unknown; mediumId?: number; reference?: string }, within?: Kysely<PlatformTables>): Promise<{ balance: number; ledgerId: number }> {
  const f = new Fields();
  const amount = f.money('amount', input.amount, 1, MAX_AMOUNT);
  const reference = input.reference === undefined ? null : f.text('reference', input.reference, /^.{1,200}$/su, 'Mã tham chiếu tối đa 200 ký tự.', 'The reference is at most 200 characters.');
  f.check();
  const run = async (trx: RidersDb) => {
    const { account, user } = await lockAccount(trx, actor, input.accountId);
    const mediumId = await purseMedium(trx, account.id, input.mediumId);
    const row = await ridersRepo.addLedger(trx, { account_id: account.id, medium_id: mediumId, kind: 'top_up', amount, reference, created_by: user.id });
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.balance.top_up', entity: 'transit_account', entityId: account.id, data: { amount, mediumId, ledgerId: row.id, reference } });
    return { balance: Number(row.balance_after), ledgerId: row.id };
  };
  return within ? run(ridersDb(within)) : ridersDb(platform.database.db).transaction().execute(run);
}

export interface PassInput {
  accountId: number;
  productId: unknown;
  /** Đồng, from the fare engine or the caller. */
  price: unknown;
  validFrom: unknown;
  validTo: unknown;
  /** GTFS route_id of a one-route pass; absent for an all-routes pass. */
  routeId?: unknown;
}

/** Buys a pass from the balance; a balance too low is refused and nothing is written. `within`: the caller's transaction. */
export async function buyPass(platform: Platform, actor: Actor, input: PassInput, within?: Kysely<PlatformTables>): Promise<{ pass: PassRow; balance: number }> {
  const f = new Fields();
  const productId = f.text('productId', input.productId, /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'Mã sản phẩm vé không hợp lệ.', 'The product id is not valid.');
  const price = f.money('price', input.price, 0, MAX_AMOUNT);
  const validFrom = f.date('validFrom', input.validFrom);
  const validTo = f.date('validTo', input.validTo);
  if (f.ok && validTo < validFrom) f.add('validTo', 'Ngày hết hạn phải sau ngày bắt đầu.', 'The end date must not be before the start date.');
  const routeId = input.routeId === undefined || input.routeId === null || input.routeId === '' ? null : f.text('routeId', input.routeId, /^[\p{L}\p{N}_.:+-]{1,64}$/u, 'Mã tuyến (route_id) không hợp lệ.', 'The route_id is not valid.');
  f.check();
  const run = async (trx: RidersDb) => {
    const { account, user } = await lockAccount(trx, actor, input.accountId);
    let ledgerId: number | null = null;
    if (price > 0) {
      if ((await ridersRepo.balance(trx, account.id)) < price) throw RiderErrors.INSUFFICIENT_BALANCE();
      try {
        ledgerId = (await ridersRepo.addLedger(trx, { account_id: account.id, medium_id: null, kind: 'charge', amount: -price, reference: `pass ${productId}`, created_by: user.id })).id;
      } catch (e) {
        if (pgError(e).code === '23514') throw RiderErrors.INSUFFICIENT_BALANCE();
        throw e;
      }
    }
    const pass = await trx
      .insertInto('transit_passes')
      .values({ account_id: account.id, product_id: productId, route_id: routeId, valid_from: validFrom, valid_to: validTo, price_paid: price, ledger_id: ledgerId, created_by: user.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.pass.buy', entity: 'transit_pass', entityId: pass.id, data: { accountId: account.id, productId, routeId, price, validFrom, validTo } });
    return { pass, balance: await ridersRepo.balance(trx, account.id) };
  };
  return within ? run(ridersDb(within)) : ridersDb(platform.database.db).transaction().execute(run);
}

/**
 * Gives money back to the balance (a disputed trip, issue 15): the centre's officer only, a `refund` row on the
 * append-only ledger and an audit row. `within` runs it inside the caller's transaction, so the caller's own change
 * (the dispute's status) and the refund are saved together or not at all. A blocked account still gets its refund.
 */
export async function refund(platform: Platform, actor: Actor, input: { accountId: number; amount: unknown; reference: string }, within?: Kysely<PlatformTables>): Promise<{ ledgerId: number; balance: number }> {
  const user = requireOfficer(actor);
  const f = new Fields();
  const amount = f.money('amount', input.amount, 1, MAX_AMOUNT);
  const reference = f.text('reference', input.reference, /^.{1,200}$/su, 'Mã tham chiếu tối đa 200 ký tự.', 'The reference is at most 200 characters.');
  f.check();
  const run = async (trx: RidersDb) => {
    const account = Number.isSafeInteger(input.accountId) && input.accountId > 0 ? await ridersRepo.findAccount(trx, input.accountId, true) : undefined;
    if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
    const row = await ridersRepo.addLedger(trx, { account_id: account.id, medium_id: null, kind: 'refund', amount, reference, created_by: user.id });
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.balance.refund', entity: 'transit_account', entityId: account.id, data: { amount, reference, ledgerId: row.id } });
    return { ledgerId: row.id, balance: Number(row.balance_after) };
  };
  return within ? run(ridersDb(within)) : ridersDb(platform.database.db).transaction().execute(run);
}
