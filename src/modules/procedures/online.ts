// The one rule of which procedures a citizen may submit online. A procedure is offered online when it publishes an
// online channel AND states a processing time the calendar can count: an online dossier is received without an
// officer, so its return appointment must be computed on receipt (Decree 61/2018 Art. 19 as amended by Decree
// 107/2021: the receipt gives the date to return the result; DOMAIN §4). A procedure whose time has no unit ("1",
// "Không có thông tin") after the procedure's text and data/procedures/processing-time-overrides.csv is taken at the
// counter only, where the receiving officer sets the number of working days (backoffice workflow, processing_days).
import type { TimeUnit } from './schema.ts';

/** What the rule needs from a procedure version (ProcedureVersion, the dossiers module's DossierProcedure). */
export interface OnlineCandidate {
  channels: readonly string[];
  processingTime: { amount: number | null; unit: TimeUnit | null };
}

/** A processing time the calendar counts: the whole days or hours to add, or the same-day rule. */
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

/**
 * The limit a deadline is computed from, or undefined when the procedure states none. Days are rounded up ("1,5 ngày"
 * gives the whole second day); 'within_day' needs no amount (0).
 */
export function timeLimitOf(time: OnlineCandidate['processingTime']): TimeLimit | undefined {
  const { amount, unit } = time;
  if (unit === null) return undefined;
  if (unit === 'within_day') return { amount: 0, unit };
  if (amount === null || !Number.isFinite(amount) || amount <= 0) return undefined;
  return { amount: unit === 'hours' ? amount : Math.ceil(amount), unit };
}

export type OnlineSubmission = { ok: true; limit: TimeLimit } | { ok: false; reason: 'NOT_ONLINE' | 'NO_TIME_LIMIT' };

/** Whether the procedure can be submitted online, and if not, why (the error code the pages and the API give). */
export function onlineSubmission(p: OnlineCandidate): OnlineSubmission {
  if (!p.channels.includes('online')) return { ok: false, reason: 'NOT_ONLINE' };
  const limit = timeLimitOf(p.processingTime);
  return limit ? { ok: true, limit } : { ok: false, reason: 'NO_TIME_LIMIT' };
}
