// Taking a day's charge and recovering debt (TRANSPORT.md §2): a stored-value account is charged from its balance; a
// bank card through the payment adapter, once for the day's total. A balance too low or a decline leaves debt and
// puts the account's bank cards on the deny list (riders' denyForDebt); retries follow the card schemes' limit of 6
// resubmissions in 14 days; once paid, clearDebt takes the card off the deny list.
import type { Actor } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { chargeBalance, clearDebt, denyForDebt } from '../riders/index.ts';
import { asPlatformDb, type ChargeRow, dayText, type TapsDb, tapsDb, tapsRepo } from './repo.ts';

/** What the payment platform does for a bank-card charge; src/platform/payments has no card adapter yet. */
export interface CardPayments {
  charge(input: { mediumKey: string; amount: number; reference: string }): Promise<'paid' | 'declined'>;
}
/** Days after the first attempt at which each of the 6 resubmissions is made (§2: up to 6 in 14 days). */
export const RETRY_DAYS: readonly number[] = [1, 3, 5, 8, 11, 14];
const DAY_MS = 86_400_000;

export interface ChargeOptions {
  payments?: CardPayments;
  now?: Date;
}

async function clearQuietly(platform: Platform, actor: Actor, accountId: number): Promise<void> {
  try {
    await clearDebt(platform, actor, accountId);
  } catch (e) {
    if ((e as { code?: string }).code !== 'NOT_IN_DEBT') throw e;
  }
}

/** The reference a day's charge carries on the ledger and to the payment adapter: unique per charge (migration 0052). */
export const chargeReference = (charge: Pick<ChargeRow, 'id' | 'service_day'>): string => `transit day ${dayText(charge.service_day)} #${charge.id}`;

/** The charge's new status and its audit row, inside the caller's transaction. */
async function settle(trx: TapsDb, actor: Actor, charge: ChargeRow, outcome: 'paid' | 'declined', now: Date): Promise<void> {
  const attempts = charge.attempts + 1;
  if (outcome === 'paid') {
    await tapsRepo.updateCharge(trx, charge.id, { status: 'paid', attempts, paid_at: now, next_attempt_at: null, last_error: null });
    await recordAudit(asPlatformDb(trx), { actor, action: 'transit.charge.paid', entity: 'transit_charge', entityId: charge.id, data: { amount: charge.amount, attempts } });
    return;
  }
  // Declined: the first attempt starts the schedule from now; after the 6th resubmission nothing more is tried.
  const nextDays = RETRY_DAYS[attempts - 1];
  const next = nextDays === undefined ? null : new Date(now.getTime() + (nextDays - (RETRY_DAYS[attempts - 2] ?? 0)) * DAY_MS);
  const error = charge.method === 'balance' ? 'balance too low' : 'card declined';
  await tapsRepo.updateCharge(trx, charge.id, { status: 'declined', attempts, next_attempt_at: next, last_error: error });
  await recordAudit(asPlatformDb(trx), { actor, action: 'transit.charge.declined', entity: 'transit_charge', entityId: charge.id, data: { amount: charge.amount, attempts, next: next?.toISOString() ?? null } });
}

/**
 * One attempt at the charge; answers its new status. A balance charge takes the ledger row and records the charge's
 * new status in ONE transaction, so a crash between them cannot charge twice on a retry. A bank card goes through the
 * payment adapter with the charge's reference (its idempotency key); with no adapter it waits, nothing counted.
 */
export async function attemptCharge(platform: Platform, actor: Actor, charge: ChargeRow, opts: ChargeOptions = {}): Promise<ChargeRow['status']> {
  const now = opts.now ?? new Date();
  const reference = chargeReference(charge);
  const db = tapsDb(platform.database.db);
  let outcome: 'paid' | 'declined' | 'wait';
  if (charge.amount === 0) {
    outcome = 'paid';
    await db.transaction().execute((trx) => settle(trx, actor, charge, 'paid', now));
  } else if (charge.method === 'balance') {
    outcome = await db.transaction().execute(async (trx) => {
      const taken = await chargeBalance(platform, actor, { accountId: charge.account_id, amount: charge.amount, reference }, asPlatformDb(trx));
      const o = taken.charged ? 'paid' : 'declined';
      await settle(trx, actor, charge, o, now);
      return o;
    });
  } else if (opts.payments && charge.medium_key !== null) {
    outcome = await opts.payments.charge({ mediumKey: charge.medium_key, amount: charge.amount, reference });
    await db.transaction().execute((trx) => settle(trx, actor, charge, outcome as 'paid' | 'declined', now));
  } else outcome = 'wait';
  if (outcome === 'wait') return charge.status;
  const wasDebt = charge.attempts > 0;
  if (outcome === 'paid') {
    if (wasDebt) await clearQuietly(platform, actor, charge.account_id);
    return 'paid';
  }
  if (!wasDebt) await denyForDebt(platform, actor, charge.account_id);
  return 'declined';
}

/** Retries the pending and declined charges that are due; answers how many were paid and how many still owe. */
export async function retryCharges(platform: Platform, actor: Actor, now: Date = new Date(), opts: Omit<ChargeOptions, 'now'> = {}): Promise<{ paid: number; declined: number; waiting: number }> {
  const out = { paid: 0, declined: 0, waiting: 0 };
  for (const c of await tapsRepo.dueCharges(tapsDb(platform.database.db), now)) {
    const s = await attemptCharge(platform, actor, c, { ...opts, now });
    if (s === 'paid') out.paid++;
    else if (s === 'declined') out.declined++;
    else out.waiting++;
  }
  return out;
}

/** The account's charges, oldest day first (for the rider's history and the tests). */
export async function chargesOf(platform: Platform, accountId: number): Promise<ChargeRow[]> {
  return tapsRepo.chargesOf(tapsDb(platform.database.db), accountId);
}
