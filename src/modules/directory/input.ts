// The directory entry's fields as typed: normalised (NFC, spaces collapsed) and checked, every problem reported at
// once with the field it belongs to. Phones are kept as written (they are read by people) once they parse.
import type { FieldError } from '../../platform/http/errors.ts';
import { stripControl } from '../../platform/text/index.ts';
import { DirectoryErrors } from './errors.ts';
import { FIELDS as f, fieldErrors as m } from './messages.ts';

export interface EntryInput {
  fullName?: unknown;
  position?: unknown;
  department?: unknown;
  email?: unknown;
  officePhone?: unknown;
  mobile?: unknown;
  sortOrder?: unknown;
  public?: unknown;
  accountId?: unknown;
}

export interface EntryData {
  fullName: string;
  position: string;
  department: string;
  email: string;
  officePhone: string;
  mobile: string;
  sortOrder: number;
  public: boolean;
  accountId: number | null;
}

export const LIMITS = { fullName: 120, position: 150, department: 150, email: 254, phone: 40 } as const;

/** NFC, no control characters, runs of white space as one space, trimmed. */
export function clean(v: unknown): string {
  return typeof v === 'string' ? stripControl(v.normalize('NFC')).replace(/\s+/g, ' ').trim() : '';
}

// Letters of any script with their marks, spaces, full stops, hyphens and apostrophes ("Nguyễn Thị Minh Khai", "H'Hen Niê").
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;
const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?$/;
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Whether the address is in the official mail domain or one of its subdomains. */
export function inOfficialDomain(email: string, officialDomain: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domain === officialDomain || domain.endsWith(`.${officialDomain}`);
}

export function isEmailAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && LOCAL_PART.test(email.slice(0, at)) && !email.slice(0, at).includes('..') && DOMAIN.test(email.slice(at + 1));
}

export interface ParsedPhone {
  /** The national number, digits only: 0 and 9–10 digits, or a 1800/1900 service number. */
  national: string;
  extension: string | null;
}

// "024 3825 3536", "(024) 3825.3536", "+84 24 3825 3536", "024-3825-3536 máy lẻ 12", "… ext. 12", "… (ext 12)", "… ML 12"
const PHONE = /^(\+?[\d ().-]+?)\s*(?:[,;]?\s*\(?\s*(?:máy lẻ|ml|ext\.?|x)\s*(\d{1,6})\s*\)?)?$/iu;

/** A Vietnamese phone number with an optional extension, or null. */
export function parsePhone(raw: string): ParsedPhone | null {
  const x = PHONE.exec(raw.normalize('NFC'));
  if (!x) return null;
  const number = x[1] ?? '';
  if ((number.match(/\+/g) ?? []).length > (number.startsWith('+') ? 1 : 0)) return null;
  const digits = number.replace(/\D/g, '');
  let national: string;
  if (number.startsWith('+')) {
    if (!digits.startsWith('84')) return null;
    national = `0${digits.slice(2)}`;
  } else national = digits;
  if (!/^0\d{9,10}$/.test(national) && !/^1[89]00\d{4,6}$/.test(national)) return null;
  return { national, extension: x[2] ?? null };
}

/** The tel: URI (RFC 3966) of a number parsePhone accepts: global "+84…", or a service number in the +84 context. */
export function phoneUri(p: ParsedPhone): string {
  const ext = p.extension ? `;ext=${p.extension}` : '';
  if (p.national.startsWith('0')) return `tel:+84${p.national.slice(1)}${ext}`;
  return `tel:${p.national}${ext};phone-context=+84`;
}

/** The tel: URI of a stored phone, '' when blank or (for rows older than a rule) unparsable. */
export function telUri(stored: string): string {
  const p = stored === '' ? null : parsePhone(stored);
  return p ? phoneUri(p) : '';
}

const isMobile = (p: ParsedPhone): boolean => p.extension === null && /^0[35789]\d{8}$/.test(p.national);

function text(errors: FieldError[], field: keyof typeof LIMITS, name: (typeof f)[keyof typeof f], v: unknown, required: boolean): string {
  const s = clean(v);
  if (required && s === '') errors.push({ field, message: m.missing(name) });
  else if (s.length > LIMITS[field]) errors.push({ field, message: m.tooLong(name, LIMITS[field]) });
  return s;
}

/** Checks a typed entry against the rules and the official mail domain; throws INVALID_ENTRY listing every field. */
export function validateEntry(input: EntryInput, officialDomain: string): EntryData {
  const errors: FieldError[] = [];
  const fullName = text(errors, 'fullName', f.fullName, input.fullName, true);
  if (fullName !== '' && fullName.length <= LIMITS.fullName) {
    if (fullName.length < 2) errors.push({ field: 'fullName', message: m.tooShort(f.fullName, 2) });
    else if (!NAME.test(fullName)) errors.push({ field: 'fullName', message: m.name(f.fullName) });
  }
  const position = text(errors, 'position', f.position, input.position, false);
  const department = text(errors, 'department', f.department, input.department, false);
  const email = text(errors, 'email', f.email, input.email, true).toLowerCase();
  if (email !== '' && email.length <= LIMITS.email) {
    if (!isEmailAddress(email)) errors.push({ field: 'email', message: m.emailFormat(f.email) });
    else if (!inOfficialDomain(email, officialDomain)) errors.push({ field: 'email', message: m.emailDomain(f.email, officialDomain) });
  }
  const officePhone = clean(input.officePhone);
  if (officePhone !== '' && (officePhone.length > LIMITS.phone || !parsePhone(officePhone))) {
    errors.push({ field: 'officePhone', message: m.phone(f.officePhone) });
  }
  const mobile = clean(input.mobile);
  const parsedMobile = mobile === '' ? null : parsePhone(mobile);
  if (mobile !== '' && (mobile.length > LIMITS.phone || !parsedMobile || !isMobile(parsedMobile))) {
    errors.push({ field: 'mobile', message: m.mobile(f.mobile) });
  }
  const order = clean(input.sortOrder);
  const sortOrder = order === '' ? 0 : /^\d{1,4}$/.test(order) ? Number(order) : NaN;
  if (Number.isNaN(sortOrder)) errors.push({ field: 'sortOrder', message: m.sortOrder(f.sortOrder) });
  const account = clean(input.accountId);
  const accountId = account === '' ? null : /^\d{1,15}$/.test(account) ? Number(account) : NaN;
  if (Number.isNaN(accountId)) errors.push({ field: 'accountId', message: m.account(f.accountId) });
  if (errors.length > 0) throw DirectoryErrors.INVALID_ENTRY({ fields: errors });
  const pub = input.public;
  return {
    fullName,
    position,
    department,
    email,
    officePhone,
    mobile,
    sortOrder,
    public: pub === true || pub === 'on' || pub === '1' || pub === 'true',
    accountId,
  };
}

/** Family name and given names of a Vietnamese full name: the first word, then the rest ("Nguyễn" / "Văn An"). */
export function splitName(fullName: string): { family: string; given: string } {
  const i = fullName.indexOf(' ');
  return i < 0 ? { family: fullName, given: '' } : { family: fullName.slice(0, i), given: fullName.slice(i + 1) };
}
