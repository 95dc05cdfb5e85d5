// The officer's look-up and the 12-point record's changes (Law 36/2024 Art. 58): a deduction by a penalty decision
// (2, 4, 6 or 10 points; one per decision and licence), and a knowledge test passed (only at zero, from 6 months after
// reaching it). Each change locks the licence's row, adds its event, writes the cached points recomputed from all the
// events by pointsOn, and an audit row, in one transaction; a refusal changes nothing.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { requireLicenceOfficer } from './access.ts';
import { LicenceErrors } from './errors.ts';
import { m } from './messages.ts';
import { asPlatformDb, type CaseRow, type EventRow, type LicenceRow, type LicencesDb, licencesDb, licencesRepo } from './repo.ts';
import { parseLicenceNumber } from './rules/number.ts';
import { isDeduction, type PointsEvent, pointsOn, type PointsState } from './rules/points.ts';
import { validityOf, type Validity } from './validity.ts';

export interface LicenceView {
  licence: LicenceRow;
  province: string;
  validity: Validity;
  /** Recomputed from the events for today (the cached column may be a night old). */
  state: PointsState;
  events: (EventRow & { ignored: boolean })[];
  /** Penalty cases, open ones first (cases.ts). */
  cases: CaseRow[];
  today: string;
}

export const str = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
export const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export const asPointsEvent = (e: EventRow): PointsEvent =>
  e.kind === 'deduction' ? { kind: 'deduction', on: e.effective_on, points: e.points ?? 0, decision: e.decision ?? '' } : { kind: 'test-passed', on: e.effective_on };

export function numberOf(raw: unknown): string {
  const n = parseLicenceNumber(raw);
  if (!n.ok) throw LicenceErrors.INVALID({ fields: [{ field: 'number', message: n.message }] });
  return n.number;
}

export async function found(db: LicencesDb, number: string, lock = false): Promise<LicenceRow> {
  const l = await licencesRepo.byNumber(db, number, lock);
  if (!l) throw LicenceErrors.NOT_FOUND();
  return l;
}

/** The officer's look-up by number: class, validity, points and the events. */
export async function lookupLicence(platform: Platform, actor: Actor, rawNumber: unknown, opts: { today?: string } = {}): Promise<LicenceView> {
  requireLicenceOfficer(actor);
  const db = licencesDb(platform.database.db);
  const licence = await found(db, numberOf(rawNumber));
  const today = opts.today ?? vietnamDateOf(new Date());
  const events = await licencesRepo.eventsOf(db, licence.id);
  const state = pointsOn(events.map(asPointsEvent), today);
  const ignored = new Set(state.ignored.map((i) => i.event.on));
  const province = parseLicenceNumber(licence.number);
  return {
    licence,
    province: province.ok ? province.province : licence.province_code,
    validity: validityOf({ ...licence, points: state.points }, today),
    state,
    events: events.map((e) => ({ ...e, ignored: e.kind === 'test_passed' && ignored.has(e.effective_on) })),
    cases: (await licencesRepo.casesOf(db, licence.id)).sort((a, b) => Number(a.closed_on !== null) - Number(b.closed_on !== null)),
    today,
  };
}

/** Adds the event and rewrites the cached points, inside the caller's transaction on the locked licence. */
async function addEvent(trx: LicencesDb, licence: LicenceRow, e: { kind: 'deduction' | 'test_passed'; effective_on: string; points: number | null; decision: string | null; recorded_by: number }, today: string): Promise<PointsState> {
  await trx.insertInto('licence_points_events').values({ licence_id: licence.id, ...e }).execute();
  const state = pointsOn((await licencesRepo.eventsOf(trx, licence.id)).map(asPointsEvent), today);
  await licencesRepo.setPoints(trx, licence.id, state.points, today);
  return state;
}

export async function recordDeduction(platform: Platform, actor: Actor, rawNumber: unknown, raw: Record<string, unknown>, opts: { today?: string } = {}): Promise<PointsState> {
  const user = requireLicenceOfficer(actor);
  const number = numberOf(rawNumber);
  const today = opts.today ?? vietnamDateOf(new Date());
  const fields: FieldError[] = [];
  const decision = str(raw.decision);
  // eslint-disable-next-line no-control-regex
  if (decision.length < 1 || decision.length > 60 || /[\u0000-\u001f]/.test(decision)) fields.push({ field: 'decision', message: { vi: `${m.decision.vi}: cần 1 đến 60 ký tự.`, en: `${m.decision.en}: 1 to 60 characters.` } });
  const pointsText = str(raw.points);
  const points = /^\d{1,2}$/.test(pointsText) ? Number(pointsText) : NaN;
  if (!isDeduction(points)) fields.push({ field: 'points', message: { vi: `${m.deductPoints.vi}: chỉ trừ 2, 4, 6 hoặc 10 điểm.`, en: `${m.deductPoints.en}: only 2, 4, 6 or 10 points are deducted.` } });
  const on = str(raw.effectiveOn);
  if (!isDay(on)) fields.push({ field: 'effectiveOn', message: { vi: `${m.effectiveOn.vi}: cần một ngày dạng năm-tháng-ngày.`, en: `${m.effectiveOn.en}: a date as year-month-day is needed.` } });
  else if (on > today) fields.push({ field: 'effectiveOn', message: { vi: `${m.effectiveOn.vi}: không được sau hôm nay.`, en: `${m.effectiveOn.en}: may not be after today.` } });
  const db = licencesDb(platform.database.db);
  await found(db, number);
  if (fields.length > 0) throw LicenceErrors.INVALID({ fields });
  return db.transaction().execute(async (trx) => {
    const licence = await found(trx, number, true);
    if (licence.status !== 'valid') throw LicenceErrors.NOT_VALID();
    const twice = await trx.selectFrom('licence_points_events').select('id').where('licence_id', '=', licence.id).where('decision', '=', decision).executeTakeFirst();
    if (twice) throw LicenceErrors.DUPLICATE_DECISION({ fields: [{ field: 'decision', message: LicenceErrors.DUPLICATE_DECISION().text }] });
    const state = await addEvent(trx, licence, { kind: 'deduction', effective_on: on, points, decision, recorded_by: user.id }, today);
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'licences.deduction', entity: 'licence', entityId: licence.id, data: { decision, points, effectiveOn: on, pointsAfter: state.points } });
    return state;
  });
}

/** A road-law knowledge test passed: counts only at zero and from 6 months after reaching it; refused otherwise. */
export async function recordTestPassed(platform: Platform, actor: Actor, rawNumber: unknown, raw: Record<string, unknown>, opts: { today?: string } = {}): Promise<PointsState> {
  const user = requireLicenceOfficer(actor);
  const number = numberOf(rawNumber);
  const today = opts.today ?? vietnamDateOf(new Date());
  const on = str(raw.testOn);
  const db = licencesDb(platform.database.db);
  await found(db, number);
  if (!isDay(on)) throw LicenceErrors.INVALID({ fields: [{ field: 'testOn', message: { vi: `${m.testDate.vi}: cần một ngày dạng năm-tháng-ngày.`, en: `${m.testDate.en}: a date as year-month-day is needed.` } }] });
  if (on > today) throw LicenceErrors.INVALID({ fields: [{ field: 'testOn', message: { vi: `${m.testDate.vi}: không được sau hôm nay.`, en: `${m.testDate.en}: may not be after today.` } }] });
  return db.transaction().execute(async (trx) => {
    const licence = await found(trx, number, true);
    if (licence.status !== 'valid') throw LicenceErrors.NOT_VALID();
    const before = pointsOn((await licencesRepo.eventsOf(trx, licence.id)).map(asPointsEvent), on);
    if (before.points > 0) throw LicenceErrors.NOT_AT_ZERO({ fields: [{ field: 'testOn', message: LicenceErrors.NOT_AT_ZERO().text }] });
    if (before.testFrom !== null && on < before.testFrom) {
      const d = before.testFrom.split('-').reverse().join('/');
      const message = { vi: `Chưa đủ 6 tháng kể từ ngày bị trừ hết điểm: được kiểm tra từ ngày ${d}; không có gì bị thay đổi.`, en: `Six months have not passed since the licence reached zero: the test counts from ${before.testFrom}; nothing was changed.` };
      throw LicenceErrors.TEST_TOO_EARLY({ ...message, fields: [{ field: 'testOn', message }], details: { testFrom: before.testFrom } });
    }
    const state = await addEvent(trx, licence, { kind: 'test_passed', effective_on: on, points: null, decision: null, recorded_by: user.id }, today);
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'licences.test-passed', entity: 'licence', entityId: licence.id, data: { testOn: on, pointsAfter: state.points } });
    return state;
  });
}
