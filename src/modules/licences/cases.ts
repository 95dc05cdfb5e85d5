// Penalty cases on a licence and its revocation or replacement, by the licence officer from the licence's page.
// A case open on a licence means "a violation is being processed": Circular 12/2025/TT-BCA Art. 21 refuses the
// renewal until it is closed (citizen.ts, renewal.ts). A licence is revoked (Law 36/2024 Art. 62: obtained by fraud,
// forged, or issued wrongly) or replaced (by another licence) with a reason; neither comes back. Each change locks
// the licence's row and writes its audit row in the same transaction; a refusal changes nothing.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { requireLicenceOfficer } from './access.ts';
import { LicenceErrors } from './errors.ts';
import { m } from './messages.ts';
import { found, isDay, numberOf, str } from './record.ts';
import { asPlatformDb, licencesDb } from './repo.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/;

function text(field: string, label: Text, raw: unknown, max: number, fields: FieldError[]): string {
  const v = str(raw);
  if (v.length < 1 || v.length > max || CONTROL.test(v)) fields.push({ field, message: { vi: `${label.vi}: cần 1 đến ${max} ký tự.`, en: `${label.en}: 1 to ${max} characters.` } });
  return v;
}

function dayField(field: string, label: Text, raw: unknown, today: string, fields: FieldError[]): string {
  const v = str(raw);
  if (!isDay(v)) fields.push({ field, message: { vi: `${label.vi}: cần một ngày dạng năm-tháng-ngày.`, en: `${label.en}: a date as year-month-day is needed.` } });
  else if (v > today) fields.push({ field, message: { vi: `${label.vi}: không được sau hôm nay.`, en: `${label.en}: may not be after today.` } });
  return v;
}

/** Opens a penalty case (the record's or decision's number and the day it was opened) on a licence in force. */
export async function openCase(platform: Platform, actor: Actor, rawNumber: unknown, raw: Record<string, unknown>, opts: { today?: string } = {}): Promise<void> {
  const user = requireLicenceOfficer(actor);
  const number = numberOf(rawNumber);
  const today = opts.today ?? vietnamDateOf(new Date());
  const fields: FieldError[] = [];
  const decision = text('caseDecision', m.caseDecision, raw.caseDecision, 60, fields);
  const openedOn = dayField('openedOn', m.openedOn, raw.openedOn, today, fields);
  const db = licencesDb(platform.database.db);
  await found(db, number);
  if (fields.length > 0) throw LicenceErrors.INVALID({ fields });
  await db.transaction().execute(async (trx) => {
    const licence = await found(trx, number, true);
    if (licence.status !== 'valid') throw LicenceErrors.NOT_VALID();
    const twice = await trx.selectFrom('licence_cases').select('id').where('licence_id', '=', licence.id).where('decision', '=', decision).executeTakeFirst();
    if (twice) throw LicenceErrors.DUPLICATE_CASE({ fields: [{ field: 'caseDecision', message: LicenceErrors.DUPLICATE_CASE().text }] });
    const c = await trx.insertInto('licence_cases').values({ licence_id: licence.id, decision, opened_on: openedOn, opened_by: user.id }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'licences.case-opened', entity: 'licence', entityId: licence.id, data: { case: c.id, decision, openedOn } });
  });
}

/** Closes an open case with its outcome (e.g. the fine paid, the decision annulled) and the day. */
export async function closeCase(platform: Platform, actor: Actor, rawNumber: unknown, rawCaseId: unknown, raw: Record<string, unknown>, opts: { today?: string } = {}): Promise<void> {
  const user = requireLicenceOfficer(actor);
  const number = numberOf(rawNumber);
  const today = opts.today ?? vietnamDateOf(new Date());
  const caseId = /^\d{1,12}$/.test(str(rawCaseId)) ? Number(str(rawCaseId)) : 0;
  const fields: FieldError[] = [];
  const outcome = text('outcome', m.outcome, raw.outcome, 500, fields);
  const closedOn = dayField('closedOn', m.closedOn, raw.closedOn, today, fields);
  const db = licencesDb(platform.database.db);
  await found(db, number);
  if (fields.length > 0) throw LicenceErrors.INVALID({ fields });
  await db.transaction().execute(async (trx) => {
    const licence = await found(trx, number, true);
    const c = await trx.selectFrom('licence_cases').select(['id', 'closed_on']).select((eb) => eb.fn<string>('to_char', [eb.ref('opened_on'), eb.val('YYYY-MM-DD')]).as('opened_on')).where('id', '=', caseId).where('licence_id', '=', licence.id).executeTakeFirst();
    if (!c) throw LicenceErrors.CASE_NOT_FOUND();
    if (c.closed_on !== null) throw LicenceErrors.CASE_CLOSED();
    if (closedOn < c.opened_on) throw LicenceErrors.INVALID({ fields: [{ field: 'closedOn', message: { vi: `${m.closedOn.vi}: không được trước ngày mở vụ việc.`, en: `${m.closedOn.en}: may not be before the day the case was opened.` } }] });
    await trx.updateTable('licence_cases').set({ closed_on: closedOn, outcome, closed_by: user.id }).where('id', '=', c.id).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'licences.case-closed', entity: 'licence', entityId: licence.id, data: { case: c.id, closedOn, outcome } });
  });
}

export type EndKind = 'revoked' | 'replaced';

/** What a revocation or replacement needs, checked before the confirmation page is shown and again when confirmed. */
export function checkEnd(raw: Record<string, unknown>): { reason: string; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const reason = text('reason', m.endReason, raw.reason, 500, fields);
  return { reason, fields };
}

/** Revokes or marks replaced a licence in force, with the reason; confirmed by the officer on the page before. */
export async function endLicence(platform: Platform, actor: Actor, rawNumber: unknown, kind: EndKind, raw: Record<string, unknown>, opts: { today?: string } = {}): Promise<void> {
  const user = requireLicenceOfficer(actor);
  const number = numberOf(rawNumber);
  const today = opts.today ?? vietnamDateOf(new Date());
  const db = licencesDb(platform.database.db);
  await found(db, number);
  const { reason, fields } = checkEnd(raw);
  if (fields.length > 0) throw LicenceErrors.INVALID({ fields });
  await db.transaction().execute(async (trx) => {
    const licence = await found(trx, number, true);
    if (licence.status !== 'valid') throw LicenceErrors.NOT_VALID();
    await trx.updateTable('licences').set({ status: kind, status_reason: reason, status_on: today }).where('id', '=', licence.id).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: kind === 'revoked' ? 'licences.revoked' : 'licences.replaced', entity: 'licence', entityId: licence.id, data: { reason, on: today } });
  });
}
