// Importing licences from a CSV file (the platform's RFC 4180 reader): a header line, then one licence a line. All or
// nothing: a file with any bad line imports nothing, and every bad line is named with its number and its reason in
// Vietnamese and English (malformed number, a class that does not exist, bad dates, a number twice or already held).
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import { insertJsonRows } from '../../platform/db/bulk.ts';
import type { Platform } from '../../platform/http/context.ts';
import { parseCsv, parsePersonalId, withHeader } from '../../platform/text/index.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { requireLicenceOfficer } from './access.ts';
import { asPlatformDb, licencesDb, licencesRepo } from './repo.ts';
import { expiryOf, isClass, isOldClass } from './rules/classes.ts';
import { parseLicenceNumber } from './rules/number.ts';

export const COLUMNS = ['so', 'so_dinh_danh', 'ho_ten', 'ngay_sinh', 'hang', 'hang_cu', 'ngay_cap', 'ngay_het_han', 'han_che'] as const;
export const MAX_LINES = 20_000;
const CHUNK = 1_000;

export interface LineError {
  line: number;
  message: Text;
}
export type ImportResult = { ok: true; imported: number } | { ok: false; errors: LineError[] };

export interface LicenceInput {
  number: string;
  holderPin: string;
  fullName: string;
  birthDate: string;
  licenceClass: string;
  old: boolean;
  issuedOn: string;
  expiresOn: string | null;
  restriction: string | null;
}

/** A random verify token for the e-licence's QR code (24 bytes, base64url): it tells nothing of the licence. */
export const newVerifyToken = (): string => randomBytes(24).toString('base64url');

const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const OLD_FLAGS = new Set(['x', '1', 'có', 'co', 'true', 'yes']);
const NEW_FLAGS = new Set(['', '0', 'không', 'khong', 'false', 'no']);

/** One line's licence, or the reasons it is refused. */
export function licenceOfLine(v: Record<string, string>, today: string): { value: LicenceInput | null; errors: Text[] } {
  const errors: Text[] = [];
  const number = parseLicenceNumber(v.so ?? '');
  if (!number.ok) errors.push({ vi: `số giấy phép "${v.so}": ${number.message.vi}`, en: `licence number "${v.so}": ${number.message.en}` });
  const pin = parsePersonalId(v.so_dinh_danh ?? '');
  if (!pin.ok) errors.push({ vi: `số định danh: ${pin.message.vi}`, en: `citizen-ID number: ${pin.message.en}` });
  const fullName = (v.ho_ten ?? '').trim();
  // eslint-disable-next-line no-control-regex
  if (fullName.length < 2 || fullName.length > 120 || /[\u0000-\u001f<>]/.test(fullName)) errors.push({ vi: 'họ và tên: cần 2 đến 120 ký tự, không có ký tự đặc biệt.', en: 'full name: 2 to 120 characters, no special characters.' });
  const flag = (v.hang_cu ?? '').trim().toLowerCase();
  const old = OLD_FLAGS.has(flag);
  if (!old && !NEW_FLAGS.has(flag)) errors.push({ vi: `cột hang_cu "${v.hang_cu}": ghi x nếu là hạng cũ, để trống nếu là hạng mới.`, en: `column hang_cu "${v.hang_cu}": x for an old class, empty for a new one.` });
  const licenceClass = (v.hang ?? '').trim().toUpperCase();
  const classOk = old ? isOldClass(licenceClass) : isClass(licenceClass);
  if (!classOk) {
    errors.push(
      old
        ? { vi: `hạng cũ "${v.hang}" không tồn tại.`, en: `old class "${v.hang}" does not exist.` }
        : { vi: `hạng "${v.hang}" không có trong Luật 36/2024 (hạng cũ thì ghi x ở cột hang_cu).`, en: `class "${v.hang}" does not exist under Law 36/2024 (for an old class put x in hang_cu).` },
    );
  }
  const birthDate = (v.ngay_sinh ?? '').trim();
  const issuedOn = (v.ngay_cap ?? '').trim();
  const expiresRaw = (v.ngay_het_han ?? '').trim();
  const badDay = (label: Text, s: string): Text => ({ vi: `${label.vi} "${s}": cần một ngày dạng năm-tháng-ngày (2025-03-14).`, en: `${label.en} "${s}": a date as year-month-day (2025-03-14) is needed.` });
  if (!isDay(birthDate)) errors.push(badDay({ vi: 'ngày sinh', en: 'date of birth' }, birthDate));
  if (!isDay(issuedOn)) errors.push(badDay({ vi: 'ngày cấp', en: 'issue date' }, issuedOn));
  else if (issuedOn > today) errors.push({ vi: `ngày cấp ${issuedOn} ở tương lai.`, en: `issue date ${issuedOn} is in the future.` });
  if (isDay(birthDate) && isDay(issuedOn) && birthDate >= issuedOn) errors.push({ vi: 'ngày sinh phải trước ngày cấp.', en: 'the date of birth must be before the issue date.' });
  if (expiresRaw !== '' && !isDay(expiresRaw)) errors.push(badDay({ vi: 'ngày hết hạn', en: 'expiry date' }, expiresRaw));
  else if (expiresRaw !== '' && isDay(issuedOn) && expiresRaw <= issuedOn) errors.push({ vi: 'ngày hết hạn phải sau ngày cấp.', en: 'the expiry date must be after the issue date.' });
  let expiresOn: string | null = expiresRaw === '' ? null : expiresRaw;
  if (classOk && !old && isClass(licenceClass) && isDay(issuedOn)) {
    const computed = expiryOf(licenceClass, issuedOn);
    if (computed === null && expiresOn !== null) errors.push({ vi: `hạng ${licenceClass} không có thời hạn: để trống ngày hết hạn.`, en: `class ${licenceClass} does not expire: leave the expiry date empty.` });
    if (expiresOn === null) expiresOn = computed;
  }
  const restriction = (v.han_che ?? '').trim();
  if (restriction.length > 500) errors.push({ vi: 'hạn chế: tối đa 500 ký tự.', en: 'restriction: 500 characters at most.' });
  if (errors.length > 0 || !number.ok || !pin.ok) return { value: null, errors };
  return { value: { number: number.number, holderPin: pin.personalId, fullName, birthDate, licenceClass, old, issuedOn, expiresOn, restriction: restriction || null }, errors };
}

export async function importLicences(platform: Platform, actor: Actor, text: string, opts: { today?: string } = {}): Promise<ImportResult> {
  const user = requireLicenceOfficer(actor);
  const today = opts.today ?? vietnamDateOf(new Date());
  const fail = (vi: string, en: string): ImportResult => ({ ok: false, errors: [{ line: 0, message: { vi, en } }] });
  if (text.includes('\u0000')) return fail('Tệp không phải văn bản CSV (có ký tự NUL).', 'The file is not CSV text (it holds NUL characters).');
  const { header, rows } = withHeader(parseCsv(text.normalize('NFC'), { delimiter: 'auto' }));
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, errors: [{ line: 1, message: { vi: `dòng tiêu đề thiếu cột: ${missing.join(', ')}.`, en: `the header line lacks the columns: ${missing.join(', ')}.` } }] };
  if (rows.length === 0) return fail('Tệp không có dòng giấy phép nào.', 'The file has no licence lines.');
  if (rows.length > MAX_LINES) return fail(`Tệp có quá ${MAX_LINES} dòng.`, `The file has more than ${MAX_LINES} lines.`);
  const errors: LineError[] = [];
  const good: { line: number; value: LicenceInput }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.fieldCount !== header.length) {
      errors.push({ line: r.line, message: { vi: `cần ${header.length} cột, có ${r.fieldCount}.`, en: `${header.length} columns are needed, found ${r.fieldCount}.` } });
      continue;
    }
    const { value, errors: why } = licenceOfLine(r.values, today);
    for (const message of why) errors.push({ line: r.line, message });
    if (!value) continue;
    const first = seen.get(value.number);
    if (first !== undefined) errors.push({ line: r.line, message: { vi: `số ${value.number} trùng với dòng ${first}.`, en: `number ${value.number} repeats line ${first}.` } });
    else seen.set(value.number, r.line);
    good.push({ line: r.line, value });
  }
  const db = licencesDb(platform.database.db);
  const numbers = [...seen.keys()];
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const held = await licencesRepo.existingNumbers(db, numbers.slice(i, i + CHUNK));
    for (const n of held) errors.push({ line: seen.get(n) ?? 0, message: { vi: `số ${n} đã có trong cơ sở dữ liệu.`, en: `number ${n} is already in the registry.` } });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const licences = good.map((g) => g.value);
  try {
    await insertAll(platform, user, licences, today);
  } catch (err) {
    // A number imported meanwhile by someone else fails the unique key: the whole file was rolled back.
    if ((err as { code?: string }).code === '23505') return fail('Một số giấy phép trong tệp vừa được nhập bởi người khác; không giấy phép nào được nhập. Vui lòng tải lên lại để xem các dòng trùng.', 'A licence number in the file was imported by someone else meanwhile; nothing was imported. Please upload it again to see the repeated lines.');
    throw err;
  }
  return { ok: true, imported: licences.length };
}

async function insertAll(platform: Platform, user: SessionUser, licences: readonly LicenceInput[], today: string): Promise<void> {
  await licencesDb(platform.database.db).transaction().execute(async (trx) => {
    for (let i = 0; i < licences.length; i += CHUNK) {
      const rowsOut = licences.slice(i, i + CHUNK).map((l) => ({
        number: l.number, holder_pin: l.holderPin, full_name: l.fullName, birth_date: l.birthDate, licence_class: l.licenceClass, old: l.old,
        issued_on: l.issuedOn, expires_on: l.expiresOn, province_code: l.number.slice(0, 2), restriction: l.restriction, points_as_of: today, verify_token: newVerifyToken(), imported_by: user.id,
      }));
      await insertJsonRows(asPlatformDb(trx), 'licences', LICENCE_COLUMNS, rowsOut);
    }
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'licences.import', entity: 'licence_import', data: { licences: licences.length, first: licences[0]?.number, last: licences.at(-1)?.number } });
  });
}

const LICENCE_COLUMNS = [
  ['number', 'text'], ['holder_pin', 'text'], ['full_name', 'text'], ['birth_date', 'date'], ['licence_class', 'text'], ['old', 'boolean'],
  ['issued_on', 'date'], ['expires_on', 'date'], ['province_code', 'text'], ['restriction', 'text'], ['points_as_of', 'date'], ['verify_token', 'text'], ['imported_by', 'bigint'],
] as const;
