// A comment as a reader typed it → the values stored, or the errors shown beside the fields. The platform's input hook
// has made every string NFC and refused NUL; here the other control characters go (tab and line feed stay in the
// text), runs of spaces in one-line fields collapse, and lengths are checked. Nothing is interpreted as markup: the
// pages escape what they show.
import type { FieldError } from '../../platform/http/errors.ts';
import { stripControl } from '../../platform/text/index.ts';
import { normalisePhone } from '../accounts/index.ts';
import { FIELDS, inputErrors as m } from './messages.ts';

export const LIMITS = { name: 100, title: 200, body: 4000, reason: 500 } as const;

/** What the form sends back, as typed: shown again when refused. */
export interface CommentForm {
  name: string;
  phone: string;
  title: string;
  body: string;
}
export const EMPTY_FORM: CommentForm = { name: '', phone: '', title: '', body: '' };

export interface CommentValues {
  name: string;
  phone: string | null;
  title: string;
  body: string;
}

const raw = (b: Record<string, unknown>, k: string): string => (typeof b[k] === 'string' ? b[k] : '');

export function commentForm(body: unknown): CommentForm {
  const b = (body ?? {}) as Record<string, unknown>;
  return { name: raw(b, 'name'), phone: raw(b, 'phone'), title: raw(b, 'title'), body: raw(b, 'body') };
}

/** One line: no control characters, one space between words. */
export const cleanLine = (s: string): string => stripControl(s).replace(/\s+/gu, ' ').trim();
/** Plain text of several lines: no control characters (CR goes, so CRLF is LF), at most one empty line in a row. */
export const cleanText = (s: string): string =>
  stripControl(s)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Checks `required` text against its limit, pushing the field's error. */
function need(errors: FieldError[], field: string, v: string, max: number): void {
  const name = FIELDS[field as keyof typeof FIELDS];
  if (v === '') errors.push({ field, message: m.missing(name) });
  else if (v.length > max) errors.push({ field, message: m.tooLong(name, max) });
}

/** The clean values, and the errors (empty when the comment may be stored). */
export function checkComment(f: CommentForm): { values: CommentValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: CommentValues = { name: cleanLine(f.name), phone: null, title: cleanLine(f.title), body: cleanText(f.body) };
  need(errors, 'name', values.name, LIMITS.name);
  const phone = f.phone.trim();
  if (phone !== '') {
    values.phone = phone.length <= 30 ? normalisePhone(phone) : null;
    if (!values.phone) errors.push({ field: 'phone', message: m.phone });
  }
  need(errors, 'title', values.title, LIMITS.title);
  need(errors, 'body', values.body, LIMITS.body);
  return { values, errors };
}

/** A moderator's edit: the same fields but the phone number. */
export function checkEdit(f: Pick<CommentForm, 'name' | 'title' | 'body'>): { values: Omit<CommentValues, 'phone'>; errors: FieldError[] } {
  const { values, errors } = checkComment({ ...f, phone: '' });
  return { values: { name: values.name, title: values.title, body: values.body }, errors };
}

export function checkReason(s: string, field = 'reason'): { value: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = cleanText(s);
  if (value === '') errors.push({ field, message: m.missing(FIELDS.reason) });
  else if (value.length > LIMITS.reason) errors.push({ field, message: m.tooLong(FIELDS.reason, LIMITS.reason) });
  return { value, errors };
}
