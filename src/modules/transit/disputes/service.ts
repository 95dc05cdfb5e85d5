// Disputes on priced trips (issue 15; TRANSPORT.md §2: fares are computed centrally, so a rider may question one):
// the rider files a reason against their own trip; the centre's officer rejects it with a reason or refunds up to the
// trip's price, the ledger's refund row and the dispute's status saved in one transaction, each with an audit row.
import type { Actor } from '../../../platform/auth/access.ts';
import { requireUser } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { type FieldError, HttpErrors } from '../../../platform/http/errors.ts';
import { findAccountOfCitizen, refund, type TransitAccount } from '../riders/index.ts';
import { requireOfficer, requireOwnerOrOfficer } from '../riders/access.ts';
import { routeLabels, showTrip, type TapRow, type TripShown, tripWithTaps } from '../taps/index.ts';
import { DisputeErrors } from './errors.ts';
import { asPlatformDb, type DisputeRow, disputesDb, disputesRepo } from './repo.ts';

export const MAX_TEXT = 1000;

function text(field: string, v: unknown, required: boolean, errors: FieldError[]): string {
  const s = typeof v === 'string' ? v.replaceAll('\0', '').normalize('NFC').trim() : '';
  if (required && s.length === 0) errors.push({ field, message: { vi: 'Hãy ghi lý do.', en: 'Give the reason.' } });
  else if (s.length > MAX_TEXT) errors.push({ field, message: { vi: `Tối đa ${MAX_TEXT} ký tự (đang có ${s.length}).`, en: `At most ${MAX_TEXT} characters (${s.length} now).` } });
  return s;
}

const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === '23505';

/** Files a dispute on one of the citizen's own trips; someone else's trip is "not found" (nothing about it is told). */
export async function fileDispute(platform: Platform, actor: Actor, tripId: number, reasonInput: unknown): Promise<DisputeRow> {
  const user = requireUser(actor);
  if (user.kind !== 'citizen') throw HttpErrors.FORBIDDEN();
  const account = await findAccountOfCitizen(platform, user, user.id);
  const found = await tripWithTaps(platform, tripId);
  if (!account || !found || Number(found.trip.account_id) !== account.id) throw DisputeErrors.TRIP_NOT_FOUND();
  const errors: FieldError[] = [];
  const reason = text('reason', reasonInput, true, errors);
  if (errors.length > 0) throw DisputeErrors.INVALID({ fields: errors });
  const trip = found.trip;
  try {
    return await disputesDb(platform.database.db).transaction().execute(async (trx) => {
      const earlier = await disputesRepo.ofTrip(trx, Number(trip.id));
      // The bad input: a second dispute while one is open, and any dispute on a trip already refunded.
      if (earlier.some((d) => d.status === 'refunded')) throw DisputeErrors.ALREADY_REFUNDED();
      if (earlier.some((d) => d.status === 'open')) throw DisputeErrors.ALREADY_OPEN();
      const row = await disputesRepo.insert(trx, { trip_id: Number(trip.id), account_id: account.id, reason, filed_by: user.id });
      await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.dispute.file', entity: 'transit_dispute', entityId: row.id, data: { tripId: Number(trip.id), accountId: account.id } });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw DisputeErrors.ALREADY_OPEN(); // a concurrent filing won the race
    throw e;
  }
}

export interface AnswerInput {
  decision: unknown;
  answer: unknown;
  amount: unknown;
}

/** The officer's answer: `reject` with a reason, or `refund` of 1 đồng up to the trip's price to the balance. */
export async function answerDispute(platform: Platform, actor: Actor, disputeId: number, input: AnswerInput): Promise<DisputeRow> {
  const user = requireOfficer(actor);
  const errors: FieldError[] = [];
  const decision = input.decision === 'reject' || input.decision === 'refund' ? input.decision : undefined;
  if (!decision) errors.push({ field: 'decision', message: { vi: 'Hãy chọn hoàn tiền hoặc từ chối.', en: 'Choose refund or reject.' } });
  const answer = text('answer', input.answer, decision === 'reject', errors);
  const dispute = Number.isSafeInteger(disputeId) && disputeId > 0 ? await disputesRepo.find(disputesDb(platform.database.db), disputeId) : undefined;
  if (!dispute) throw DisputeErrors.NOT_FOUND();
  const found = await tripWithTaps(platform, Number(dispute.trip_id));
  if (!found) throw DisputeErrors.TRIP_NOT_FOUND();
  const price = Number(found.trip.amount);
  let amount = 0;
  if (decision === 'refund') {
    const raw = typeof input.amount === 'string' ? input.amount.trim() : input.amount;
    amount = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[0-9]{1,12}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > price)
      errors.push({ field: 'amount', message: price < 1 ? { vi: 'Chuyến đi này không mất tiền; không có gì để hoàn.', en: 'This trip cost nothing; there is nothing to refund.' } : { vi: `Số tiền hoàn là số nguyên đồng từ 1 đến ${price} (giá chuyến đi).`, en: `The refund is a whole number of đồng from 1 to ${price} (the trip's price).` } });
  }
  if (errors.length > 0) throw DisputeErrors.INVALID({ fields: errors });
  return disputesDb(platform.database.db).transaction().execute(async (trx) => {
    const locked = await disputesRepo.find(trx, dispute.id, true);
    if (locked?.status !== 'open') throw DisputeErrors.ALREADY_ANSWERED();
    let ledgerId: number | null = null;
    if (decision === 'refund') ledgerId = (await refund(platform, user, { accountId: Number(locked.account_id), amount, reference: `dispute #${locked.id} trip #${locked.trip_id}` }, asPlatformDb(trx))).ledgerId;
    const status = decision === 'refund' ? 'refunded' : 'rejected';
    const set = { status, answer: answer || null, refund_amount: decision === 'refund' ? amount : null, ledger_id: ledgerId, answered_by: user.id, answered_at: new Date() } as const;
    await disputesRepo.answer(trx, locked.id, set);
    await recordAudit(asPlatformDb(trx), { actor: user, action: `transit.dispute.${status === 'refunded' ? 'refund' : 'reject'}`, entity: 'transit_dispute', entityId: locked.id, data: { tripId: Number(locked.trip_id), amount: set.refund_amount, ledgerId } });
    return { ...locked, ...set };
  });
}

export interface DisputeShown {
  dispute: DisputeRow;
  trip: TripShown;
  day: string;
  taps: TapRow[];
}

async function shown(platform: Platform, rows: DisputeRow[]): Promise<DisputeShown[]> {
  const routes = await routeLabels(platform);
  const out: DisputeShown[] = [];
  for (const d of rows) {
    const found = await tripWithTaps(platform, Number(d.trip_id));
    if (!found) continue;
    out.push({ dispute: d, trip: await showTrip(platform, found.trip, found.taps, routes), day: String(found.trip.service_day).slice(0, 10), taps: found.taps });
  }
  return out;
}

/** The officer's queue: open disputes, oldest first, each with its trip and the trip's taps. */
export async function openDisputes(platform: Platform, actor: Actor): Promise<DisputeShown[]> {
  requireOfficer(actor);
  return shown(platform, await disputesRepo.open(disputesDb(platform.database.db)));
}

/** An account's disputes, newest first, for its holder or the officer. */
export async function disputesOf(platform: Platform, actor: Actor, account: TransitAccount): Promise<DisputeShown[]> {
  requireOwnerOrOfficer(actor, account);
  return shown(platform, await disputesRepo.ofAccount(disputesDb(platform.database.db), account.id));
}

/** One of the citizen's own trips, for the dispute form; someone else's is "not found". */
export async function ownTrip(platform: Platform, actor: Actor, tripId: number): Promise<{ trip: TripShown; day: string }> {
  const user = requireUser(actor);
  if (user.kind !== 'citizen') throw HttpErrors.FORBIDDEN();
  const account = await findAccountOfCitizen(platform, user, user.id);
  const found = await tripWithTaps(platform, tripId);
  if (!account || !found || Number(found.trip.account_id) !== account.id) throw DisputeErrors.TRIP_NOT_FOUND();
  return { trip: await showTrip(platform, found.trip, found.taps, await routeLabels(platform)), day: String(found.trip.service_day).slice(0, 10) };
}

/** One dispute with its trip and taps, for the officer's answer page. */
export async function disputeFor(platform: Platform, actor: Actor, disputeId: number): Promise<DisputeShown> {
  requireOfficer(actor);
  const d = Number.isSafeInteger(disputeId) && disputeId > 0 ? await disputesRepo.find(disputesDb(platform.database.db), disputeId) : undefined;
  const [one] = d ? await shown(platform, [d]) : [];
  if (!one) throw DisputeErrors.NOT_FOUND();
  return one;
}
