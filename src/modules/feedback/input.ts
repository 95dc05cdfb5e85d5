// Reading and checking the feedback form (every error at once, each beside its field) and the lookup's contact.
import type { FieldError } from '../../platform/http/errors.ts';
import { nfc, stripControl } from '../../platform/text/index.ts';
import { FIELDS, fieldErrors as m } from './messages.ts';
import { type Category, EMPTY_INPUT, type FeedbackInput, isCategory } from './schema.ts';

/** One line: control characters and line breaks become nothing or a space. */
const text = (v: unknown): string => (typeof v === 'string' ? nfc(stripControl(v)).replace(/\s+/g, ' ').trim() : '');
/** Multi-line text keeps its line breaks (stripControl keeps LF and tab). */
const multiline = (v: unknown): string => (typeof v === 'string' ? nfc(stripControl(v)).trim() : '');

/** The form's fields as typed (kept when the form is shown again). */
export function feedbackValues(body: unknown): FeedbackInput {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    category: text(b.category),
    subcategory: text(b.subcategory),
    title: text(b.title),
    description: multiline(b.description),
    unitCode: text(b.unitCode),
    address: text(b.address),
    senderName: text(b.senderName),
    phone: text(b.phone),
    email: text(b.email),
  };
}

/** +84… from the ways Vietnamese numbers are written (0912 345 678, +84 912-345-678), or null. */
export function normalisePhone(raw: string): string | null {
  const m1 = /^(?:\+84|84|0)([1-9][0-9]{8,9})$/.exec(raw.replace(/[\s.\-()]/g, ''));
  return m1 ? `+84${m1[1]}` : null;
}

const EMAIL = /^[^\s@<>()",;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export function normaliseEmail(raw: string): string | null {
  const e = raw.trim().toLowerCase();
  return e.length <= 254 && EMAIL.test(e) ? e : null;
}

export interface CheckedFeedback {
  category: Category;
  subcategory: string | null;
  title: string;
  description: string;
  unitCode: string;
  address: string;
  senderName: string;
  phone: string | null;
  email: string | null;
}

/** Checks the values against the subcategories and units offered; returns the case's fields or the errors. */
export function checkFeedback(v: FeedbackInput, subcategories: ReadonlyMap<string, Category>, unitCodes: ReadonlySet<string>): { ok: CheckedFeedback; errors: [] } | { ok: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const need = (field: keyof FeedbackInput & keyof typeof FIELDS, max: number): void => {
    if (v[field] === '') errors.push({ field, message: m.missing(FIELDS[field]) });
    else if (v[field].length > max) errors.push({ field, message: m.tooLong(FIELDS[field], max) });
  };
  if (!isCategory(v.category)) errors.push({ field: 'category', message: m.choose(FIELDS.category) });
  const sub = v.subcategory === '' ? null : v.subcategory;
  if (sub !== null && (!subcategories.has(sub) || (isCategory(v.category) && subcategories.get(sub) !== v.category))) {
    errors.push({ field: 'subcategory', message: m.choose(FIELDS.subcategory) });
  }
  need('title', 200);
  need('description', 5000);
  if (!unitCodes.has(v.unitCode)) errors.push({ field: 'unitCode', message: m.choose(FIELDS.unitCode) });
  if (v.address.length > 300) errors.push({ field: 'address', message: m.tooLong(FIELDS.address, 300) });
  need('senderName', 100);
  const phone = v.phone === '' ? null : normalisePhone(v.phone);
  const email = v.email === '' ? null : normaliseEmail(v.email);
  if (v.phone === '' && v.email === '') errors.push({ field: 'phone', message: m.contact });
  if (v.phone !== '' && phone === null) errors.push({ field: 'phone', message: m.phone });
  if (v.email !== '' && email === null) errors.push({ field: 'email', message: m.email });
  if (errors.length > 0 || !isCategory(v.category)) return { ok: null, errors };
  return { ok: { category: v.category, subcategory: sub, title: v.title, description: v.description, unitCode: v.unitCode, address: v.address, senderName: v.senderName, phone, email }, errors: [] };
}

export { EMPTY_INPUT };
