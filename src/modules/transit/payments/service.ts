// Paying the transit centre by bank transfer (issue 15): a rider starts a payment (a top-up, or a pass at the fare
// table's price) and gets a reference to write as the transfer's memo; the payment is confirmed once — by the bank's
// signed callback, by a centre officer reading the statement, or in the demo by the simulated bank — and then, in one
// transaction, the balance is credited (and for a pass, the pass bought from it) and the payment marked paid. A second
// confirmation of the same reference changes nothing; a wrong amount, an unknown reference or an expired payment is
// refused, with an audit row for the refusal.
import { randomInt } from 'node:crypto';
import type { Actor } from '../../../platform/auth/access.ts';
import { requireUser } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireOfficer, requireOwnerOrOfficer } from '../riders/access.ts';
import { buyPass, findAccountOfCitizen, MAX_AMOUNT, topUp, type TransitAccount } from '../riders/index.ts';
import { Fields } from '../riders/input.ts';
import { demoConfirmation, paymentAdapter, type PaymentInstructions } from './adapter.ts';
import { PaymentErrors } from './errors.ts';
import { asPlatformDb, type ConfirmedVia, type PaymentRow, paymentsDb, paymentsRepo } from './repo.ts';

export type PaymentPurposeInput = { kind: 'top_up' } | { kind: 'pass'; productId: string; routeId: string | undefined; validFrom: string; validTo: string };

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** VE + 10 characters without I and O (read aloud or typed into a bank app without confusion). */
export function newReference(): string {
  let s = 'VE';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
export const REFERENCE = /^VE[0-9A-Z]{8,20}$/;

/** Starts a payment for the account's own rider (or an officer on their behalf): pending, with its reference. */
export async function createPayment(platform: Platform, actor: Actor, account: TransitAccount, purpose: PaymentPurposeInput, amountIn: unknown, now = new Date()): Promise<PaymentRow> {
  const user = requireOwnerOrOfficer(actor, account);
  const f = new Fields();
  const amount = f.money('amount', amountIn, 1, MAX_AMOUNT);
  f.check();
  const adapter = paymentAdapter();
  return paymentsDb(platform.database.db).transaction().execute(async (trx) => {
    const row = await paymentsRepo.insert(trx, {
      reference: newReference(),
      account_id: account.id,
      purpose: purpose.kind,
      amount,
      product_id: purpose.kind === 'pass' ? purpose.productId : null,
      route_id: purpose.kind === 'pass' ? (purpose.routeId ?? null) : null,
      valid_from: purpose.kind === 'pass' ? purpose.validFrom : null,
      valid_to: purpose.kind === 'pass' ? purpose.validTo : null,
      adapter: adapter.name,
      expires_at: new Date(now.getTime() + platform.config.transitPaymentMinutes * 60_000),
      created_by: user.id,
    });
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.payment.create', entity: 'transit_payment', entityId: row.reference, data: { accountId: account.id, purpose: purpose.kind, amount, productId: row.product_id } });
    return row;
  });
}

/** A payment of this account with what its page shows (the VietQR code while it waits); another account's is 404. */
export async function paymentOf(platform: Platform, actor: Actor, account: TransitAccount, reference: string, now = new Date()): Promise<{ payment: PaymentRow; instructions: PaymentInstructions | undefined; demo: boolean }> {
  requireOwnerOrOfficer(actor, account);
  const payment = REFERENCE.test(reference) ? await paymentsRepo.byReference(paymentsDb(platform.database.db), reference) : undefined;
  if (!payment || payment.account_id !== account.id) throw PaymentErrors.NOT_FOUND();
  const waiting = payment.status === 'pending' && payment.expires_at > now;
  return {
    payment: waiting || payment.status !== 'pending' ? payment : { ...payment, status: 'expired' },
    instructions: waiting ? await paymentAdapter().instructions(platform, payment) : undefined,
    demo: waiting && demoConfirmation(platform),
  };
}

export async function paymentsOfAccount(platform: Platform, actor: Actor, account: TransitAccount): Promise<PaymentRow[]> {
  requireOwnerOrOfficer(actor, account);
  return paymentsRepo.ofAccount(paymentsDb(platform.database.db), account.id);
}

export interface Confirmation {
  reference: string;
  amount: unknown;
  /** The bank's transaction id (or the statement line the officer read). */
  bankRef?: string;
  via: ConfirmedVia;
}

/** Who may confirm how: the system for the signed callback, a centre officer from the statement, the rider in the demo. */
function confirmer(platform: Platform, actor: Actor, via: ConfirmedVia) {
  if (via === 'officer' || via === 'callback') return requireOfficer(actor);
  const user = requireUser(actor);
  if (!demoConfirmation(platform)) throw PaymentErrors.DEMO_ONLY();
  return user;
}

async function refused(platform: Platform, actor: Actor, reference: string, reason: string, data: Record<string, unknown>): Promise<void> {
  await recordAudit(platform.database.db, { actor, action: 'transit.payment.refused', entity: 'transit_payment', entityId: reference.slice(0, 40), data: { reason, ...data } });
}

/**
 * Records the transfer: once per reference. 'paid' the first time, 'already' after (nothing written again).
 * Refused: an unknown reference (404), a wrong amount or an expired payment (409, the payment expired on the way).
 */
export async function confirmPayment(platform: Platform, actor: Actor, c: Confirmation, now = new Date()): Promise<{ outcome: 'paid' | 'already'; payment: PaymentRow }> {
  const user = confirmer(platform, actor, c.via);
  const f = new Fields();
  const reference = f.text('reference', c.reference, REFERENCE, 'Mã tham chiếu có dạng VE và 10 chữ cái hoặc chữ số.', 'The reference is VE and 10 letters or digits.');
  const amount = f.money('amount', c.amount, 1, MAX_AMOUNT);
  const bankRef = c.bankRef === undefined || c.bankRef === '' ? null : f.text('bankRef', c.bankRef, /^[\p{L}\p{N} ._:/#-]{1,100}$/u, 'Mã giao dịch ngân hàng tối đa 100 ký tự.', 'The bank transaction id is at most 100 characters.');
  f.check();
  const db = paymentsDb(platform.database.db);
  const found = await paymentsRepo.byReference(db, reference);
  if (!found) {
    await refused(platform, user, reference, 'unknown', { amount, via: c.via });
    throw PaymentErrors.NOT_FOUND();
  }
  // The rider confirms (demo) only their own payment; the system and officers any.
  if (c.via === 'demo' && !(user.kind === 'staff' && user.roles.includes(Role.transitOfficer))) {
    const account = user.kind === 'citizen' ? await findAccountOfCitizen(platform, user, user.id) : undefined;
    if (!account || account.id !== found.account_id) throw PaymentErrors.NOT_FOUND();
  }
  if (found.status === 'paid') return { outcome: 'already', payment: found };
  if (found.status === 'expired' || found.expires_at <= now) {
    await db.transaction().execute(async (trx) => {
      if ((await paymentsRepo.markExpired(trx, found.id)).numUpdatedRows > 0n) await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.payment.expire', entity: 'transit_payment', entityId: reference, data: { amount: found.amount } });
    });
    await refused(platform, user, reference, 'expired', { amount, via: c.via });
    throw PaymentErrors.EXPIRED();
  }
  if (amount !== Number(found.amount)) {
    await refused(platform, user, reference, 'wrong_amount', { amount, expected: Number(found.amount), via: c.via });
    throw PaymentErrors.WRONG_AMOUNT({ details: { expected: Number(found.amount), received: amount } });
  }
  return db.transaction().execute(async (trx) => {
    const p = await paymentsRepo.byReference(trx, reference, true);
    if (!p || p.status === 'paid') return { outcome: 'already' as const, payment: p ?? found };
    if (p.status !== 'pending') throw PaymentErrors.EXPIRED();
    const platformTrx = asPlatformDb(trx);
    const credited = await topUp(platform, user, { accountId: p.account_id, amount: Number(p.amount), reference: `VietQR ${p.reference}` }, platformTrx);
    let passId: number | null = null;
    if (p.purpose === 'pass' && p.product_id && p.valid_from && p.valid_to) {
      passId = (await buyPass(platform, user, { accountId: p.account_id, productId: p.product_id, price: Number(p.amount), validFrom: p.valid_from, validTo: p.valid_to, routeId: p.route_id ?? undefined }, platformTrx)).pass.id;
    }
    const paid = { confirmed_via: c.via, bank_ref: bankRef, ledger_id: credited.ledgerId, pass_id: passId, confirmed_by: user.id, paid_at: now };
    await paymentsRepo.markPaid(trx, p.id, paid);
    await recordAudit(platformTrx, { actor: user, action: 'transit.payment.paid', entity: 'transit_payment', entityId: p.reference, data: { accountId: p.account_id, amount: Number(p.amount), purpose: p.purpose, via: c.via, bankRef, ledgerId: credited.ledgerId, passId } });
    return { outcome: 'paid' as const, payment: { ...p, ...paid, status: 'paid' as const } };
  });
}

/** The hourly sweep: pending payments past their time expire (a later transfer is refused and returned). */
export async function expirePayments(platform: Platform, actor: Actor, now = new Date()): Promise<{ expired: number }> {
  const user = requireOfficer(actor);
  const db = paymentsDb(platform.database.db);
  let expired = 0;
  for (const p of await paymentsRepo.dueToExpire(db, now)) {
    await db.transaction().execute(async (trx) => {
      if ((await paymentsRepo.markExpired(trx, p.id)).numUpdatedRows === 0n) return;
      expired++;
      await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.payment.expire', entity: 'transit_payment', entityId: p.reference, data: { amount: Number(p.amount) } });
    });
  }
  return { expired };
}
