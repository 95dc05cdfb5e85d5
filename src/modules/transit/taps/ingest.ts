// ingestTaps: validators store and forward their taps (TRANSPORT.md §2: they work offline, so batches arrive late and
// out of order). A batch is accepted whole or refused whole; a replayed tap id is acknowledged again, never stored twice.
import type { Platform } from '../../../platform/http/context.ts';
import { findValidator, recordValidatorSeen, validatorSecret } from '../network/index.ts';
import { MEDIUM_KINDS } from '../riders/index.ts';
import { type TapBatch, type TapInput, signatureMatches } from './canonical.ts';
import { TapErrors } from './errors.ts';
import { type NewTap, tapsDb, tapsRepo } from './repo.ts';

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

export async function ingestTaps(platform: Platform, batch: TapBatch, opts: IngestOptions = {}): Promise<IngestResult> {
  const now = opts.now ?? new Date();
  const maxBatch = opts.maxBatch ?? TAP_DEFAULTS.maxBatch;
  const aheadMs = (opts.maxFutureMinutes ?? TAP_DEFAULTS.maxFutureMinutes) * 60_000;
  if (typeof batch !== 'object' || batch === null || typeof batch.validatorId !== 'string' || !Array.isArray(batch.taps)) invalid(null, 'thiếu mã máy hoặc danh sách lượt quẹt.', 'the validator id or the taps are missing.');
  if (batch.taps.length === 0) invalid(null, 'lô không có lượt quẹt nào.', 'the batch has no taps.');
  if (batch.taps.length > maxBatch) throw TapErrors.BATCH_TOO_LARGE({ details: { max: maxBatch, got: batch.taps.length } });
  const db = platform.database.db;
  const validator = await findValidator(db, batch.validatorId);
  if (!validator) throw TapErrors.VALIDATOR_UNKNOWN({ details: { validatorId: batch.validatorId } });
  if (!validator.active) throw TapErrors.VALIDATOR_BLOCKED({ details: { validatorId: validator.id } });
  if (!signatureMatches(await validatorSecret(db, platform.secrets, validator.id), batch)) throw TapErrors.BAD_SIGNATURE({ details: { validatorId: validator.id } });
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
  const stored = await tapsDb(db).transaction().execute((trx) => tapsRepo.insertTaps(trx, rows));
  await recordValidatorSeen(db, validator.id, sentAt, now);
  const fresh = new Set(stored);
  return { stored, duplicates: rows.map((r) => r.tap_id).filter((id) => !fresh.has(id)), skewed };
}
