// ingestTaps: validators store and forward their taps (TRANSPORT.md §2: they work offline, so batches arrive late and
// out of order). A batch is accepted whole or refused whole; a replayed tap id is acknowledged again, never stored twice.
import type { Platform } from '../../../platform/http/context.ts';
import { findValidatorWithSecret, markValidatorSeen } from '../network/index.ts';
import { MEDIUM_KINDS } from '../riders/index.ts';
import { type TapBatch, type TapInput, signatureMatches } from './canonical.ts';
import { TapErrors } from './errors.ts';
import { asPlatformDb, type NewTap, tapsDb, tapsRepo } from './repo.ts';

export interface IngestOptions {
  now?: Date;
  /** Minutes a tap may run ahead of the server clock before it is flagged clock_skew [U: no published figure]. */
  maxFutureMinutes?: number;
  /** Most taps in one batch. */
  maxBatch?: number;
}
export const TAP_DEFAULTS = { maxFutureMinutes: 5, maxBatch: 500 } as const;
/** Beyond this a batch is refused, not flagged: the validator's clock is wrong, not just drifting. */
const REFUSE_AHEAD_MS = 24 * 3600_000;

export interface IngestResult {
  /** Ids stored by this batch. */
  stored: string[];
  /** Ids stored before (a replay): acknowledged, not stored again. */
  duplicates: string[];
  /** Ids flagged clock_skew (ahead of the server by more than maxFutureMinutes). */
  skewed: string[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/;
const KEY = /^[\x21-\x7b\x7d\x7e]{4,128}$/; // printable ASCII without "|"
const STOP = /^[\p{L}\p{N}_.:+-]{1,64}$/u;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

function invalid(i: number | null, vi: string, en: string): never {
  const where = i === null ? { vi: '', en: '' } : { vi: ` (lượt thứ ${i + 1})`, en: ` (tap ${i + 1})` };
  throw TapErrors.BATCH_INVALID({ vi: `Lô lượt quẹt không hợp lệ${where.vi}: ${vi} Không lượt nào được lưu.`, en: `The batch is not valid${where.en}: ${en} No tap was stored.`, details: { tap: i } });
}

function checkTap(t: TapInput, i: number): Date {
  if (typeof t !== 'object' || t === null) invalid(i, 'thiếu dữ liệu.', 'it is missing.');
  if (typeof t.id !== 'string' || !ID.test(t.id)) invalid(i, 'mã lượt quẹt sai định dạng.', 'the tap id is badly formed.');
  if (!MEDIUM_KINDS.includes(t.mediumKind as never)) invalid(i, 'loại thẻ không được hỗ trợ.', 'the medium kind is not supported.');
  if (typeof t.mediumKey !== 'string' || !KEY.test(t.mediumKey)) invalid(i, 'mã thẻ sai định dạng.', 'the medium key is badly formed.');
  if (t.direction !== 'on' && t.direction !== 'off') invalid(i, 'chiều quẹt phải là "on" hoặc "off".', 'the direction must be "on" or "off".');
  if (t.decision !== 'admit' && t.decision !== 'deny') invalid(i, 'quyết định phải là "admit" hoặc "deny".', 'the decision must be "admit" or "deny".');
  if (t.stopId !== undefined && (typeof t.stopId !== 'string' || !STOP.test(t.stopId))) invalid(i, 'mã điểm dừng sai định dạng.', 'the stop id is badly formed.');
  const at = typeof t.at === 'string' && ISO.test(t.at) ? new Date(t.at) : null;
  if (!at || Number.isNaN(at.getTime())) invalid(i, 'thời điểm quẹt phải theo ISO 8601 có múi giờ.', 'the tap time must be ISO 8601 with an offset.');
  return at;
}

/** One batch checked and ready to store (its validator known and active, its signature right). */
interface Prepared {
  validatorId: string;
  sentAt: Date;
  rows: NewTap[];
  skewed: string[];
}

async function prepareBatch(platform: Platform, batch: TapBatch, now: Date, opts: IngestOptions): Promise<Prepared> {
  const maxBatch = opts.maxBatch ?? TAP_DEFAULTS.maxBatch;
  const aheadMs = (opts.maxFutureMinutes ?? TAP_DEFAULTS.maxFutureMinutes) * 60_000;
  if (typeof batch !== 'object' || batch === null || typeof batch.validatorId !== 'string' || !Array.isArray(batch.taps)) invalid(null, 'thiếu mã máy hoặc danh sách lượt quẹt.', 'the validator id or the taps are missing.');
  if (batch.taps.length === 0) invalid(null, 'lô không có lượt quẹt nào.', 'the batch has no taps.');
  if (batch.taps.length > maxBatch) throw TapErrors.BATCH_TOO_LARGE({ details: { max: maxBatch, got: batch.taps.length } });
  // One read of the validator with its sealed secret (not one read for the row and another for the secret).
  const found = await findValidatorWithSecret(platform.database.db, platform.secrets, batch.validatorId);
  if (!found) throw TapErrors.VALIDATOR_UNKNOWN({ details: { validatorId: batch.validatorId } });
  const { validator, secret } = found;
  if (!validator.active) throw TapErrors.VALIDATOR_BLOCKED({ details: { validatorId: validator.id } });
  if (!signatureMatches(secret, batch)) throw TapErrors.BAD_SIGNATURE({ details: { validatorId: validator.id } });
  const sentAt = typeof batch.sentAt === 'string' && ISO.test(batch.sentAt) ? new Date(batch.sentAt) : null;
  if (!sentAt || Number.isNaN(sentAt.getTime())) invalid(null, 'thời điểm gửi phải theo ISO 8601 có múi giờ.', 'sentAt must be ISO 8601 with an offset.');
  const seen = new Set<string>();
  const rows: NewTap[] = [];
  const skewed: string[] = [];
  batch.taps.forEach((t, i) => {
    const at = checkTap(t, i);
    if (seen.has(t.id)) invalid(i, 'mã lượt quẹt lặp lại trong lô.', 'the tap id repeats within the batch.');
    seen.add(t.id);
    const stopId = validator.kind === 'gate' ? validator.stationId : (t.stopId ?? null);
    if (!stopId) invalid(i, 'lượt quẹt trên xe phải có điểm dừng.', 'a tap on a vehicle needs its stop.');
    if (validator.kind === 'gate' && t.stopId !== undefined && t.stopId !== validator.stationId) invalid(i, 'nhà ga không khớp với cổng soát vé.', 'the station does not match the gate.');
    const ahead = at.getTime() - now.getTime();
    if (ahead > REFUSE_AHEAD_MS) throw TapErrors.CLOCK_SKEW({ details: { tap: i, aheadMinutes: Math.round(ahead / 60_000) } });
    const flags = ahead > aheadMs ? ['clock_skew'] : [];
    if (flags.length > 0) skewed.push(t.id);
    rows.push({
      tap_id: t.id, validator_id: validator.id, operator_code: validator.operator, medium_kind: t.mediumKind,
      medium_key: t.mediumKind === 'operator_card' ? t.mediumKey.toUpperCase() : t.mediumKey, tapped_at: at, received_at: now,
      direction: t.direction, route_id: validator.routeId, stop_id: stopId, decision: t.decision, signature_ok: true, flags,
    });
  });
  return { validatorId: validator.id, sentAt, rows, skewed };
}

/** Rows in one insert at most: 13 bound parameters a tap, well under the 65,535 one statement may bind. */
const INSERT_SLICE = 2000;

/**
 * Stores several batches in one transaction (the centre hands over the batches waiting on the broker together: one
 * commit for all of them instead of one each). Each batch is checked on its own and answered on its own, in order:
 * a batch refused (BATCH_INVALID, BAD_SIGNATURE…) refuses only itself. Taps are inserted in tap id order and the
 * validators' last-seen rows updated in id order, so two of these running at once (a batch sent twice) cannot
 * deadlock. A database failure rejects the whole call: nothing is acknowledged and the validators resend.
 */
export async function ingestTapBatches(platform: Platform, batches: readonly TapBatch[], opts: IngestOptions = {}): Promise<PromiseSettledResult<IngestResult>[]> {
  const now = opts.now ?? new Date();
  const prepared: PromiseSettledResult<Prepared>[] = [];
  for (const b of batches) prepared.push(await prepareBatch(platform, b, now, opts).then((value) => ({ status: 'fulfilled', value }) as const, (reason: unknown) => ({ status: 'rejected', reason }) as const));
  const ok = prepared.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
  const byId = new Map<string, NewTap>();
  for (const p of ok) for (const r of p.rows) byId.set(r.tap_id, r); // the same tap in two waiting batches: stored once
  const rows = [...byId.values()].sort((a, b) => (a.tap_id < b.tap_id ? -1 : a.tap_id > b.tap_id ? 1 : 0));
  const lastSeen = new Map<string, Date>();
  for (const p of ok) if ((lastSeen.get(p.validatorId)?.getTime() ?? -Infinity) < p.sentAt.getTime()) lastSeen.set(p.validatorId, p.sentAt);
  const fresh = new Set<string>();
  if (ok.length > 0) {
    await tapsDb(platform.database.db).transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += INSERT_SLICE) for (const id of await tapsRepo.insertTaps(trx, rows.slice(i, i + INSERT_SLICE))) fresh.add(id);
      for (const id of [...lastSeen.keys()].sort()) await markValidatorSeen(asPlatformDb(trx), id, lastSeen.get(id) as Date, now);
    });
  }
  // A tap stored by this call counts as stored for the first batch that carried it, as a duplicate for any other.
  const claimed = new Set<string>();
  return prepared.map((p) => {
    if (p.status === 'rejected') return p;
    const stored: string[] = [];
    const duplicates: string[] = [];
    for (const r of p.value.rows) {
      if (fresh.has(r.tap_id) && !claimed.has(r.tap_id)) {
        claimed.add(r.tap_id);
        stored.push(r.tap_id);
      } else duplicates.push(r.tap_id);
    }
    return { status: 'fulfilled', value: { stored, duplicates, skewed: p.value.skewed } };
  });
}

export async function ingestTaps(platform: Platform, batch: TapBatch, opts: IngestOptions = {}): Promise<IngestResult> {
  const [r] = await ingestTapBatches(platform, [batch], opts);
  if (r?.status !== 'fulfilled') throw r?.reason;
  return r.value;
}
