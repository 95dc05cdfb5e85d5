// Normalisation and validation of what people type into the account forms. Each check returns the clean
// value or a field error in Vietnamese and English; `collect` gathers them so that a form shows every problem
// at once and nothing is saved while any remains.
import type { FieldError } from '../../platform/http/errors.ts';
import { stripControl, parsePersonalId } from '../../platform/text/index.ts';
import { isRole, type Role } from '../../platform/auth/roles.ts';
import { AccountErrors } from './errors.ts';
import { invalid as m } from './messages.ts';

export type Check<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(field: string, message: FieldError['message']): Check<T> => ({ ok: false, error: { field, message } });

/** Collapses runs of white space and drops control characters (a name pasted from a document often has both). */
export function cleanLine(s: string): string {
  return stripControl(s).replace(/\s+/gu, ' ').trim();
}

export function checkFullName(field: string, raw: string): Check<string> {
  const v = cleanLine(raw);
  if (!v) return fail(field, m.nameRequired);
  if (v.length > 150) return fail(field, m.nameTooLong);
  return ok(v);
}

/**
 * Vietnamese numbers are stored in E.164: '+84' and the national number without its trunk 0. Mobile numbers
 * have 9 digits after the 0 (09x, 08x, 07x, 05x, 03x), landlines 10 (02x). Spaces, dots, dashes and
 * brackets are ignored.
 */
export function normalisePhone(raw: string): string | null {
  const s = raw.replace(/[\s.\-()]/g, '');
  const m1 = /^(?:\+84|84|0)([1-9][0-9]{8,9})$/.exec(s);
  return m1 ? `+84${m1[1]}` : null;
}

/** The number as Vietnamese people write it: 0912 345 678. */
export function displayPhone(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return national.length === 10 ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}` : national;
}

export function checkPhone(field: string, raw: string): Check<string | null> {
  if (!raw.trim()) return ok(null);
  const p = normalisePhone(raw);
  return p ? ok(p) : fail(field, m.phoneInvalid);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;

export function checkEmail(field: string, raw: string): Check<string | null> {
  const v = raw.trim().toLowerCase();
  if (!v) return ok(null);
  if (v.length > 254 || !EMAIL.test(v)) return fail(field, m.emailInvalid);
  return ok(v);
}

export function checkPersonalId(field: string, raw: string): Check<string> {
  if (!raw.trim()) return fail(field, m.personalIdRequired);
  const r = parsePersonalId(raw);
  return r.ok ? ok(r.personalId) : fail(field, r.message);
}

/** At least 8 characters with a letter and a digit (NIST SP 800-63B asks for length; the letter+digit rule is the city's). */
export function checkNewPassword(field: string, password: string, confirmField: string, confirm: string): FieldError[] {
  const out: FieldError[] = [];
  if (!password) out.push({ field, message: m.passwordRequired });
  else if (password.length < 8 || password.length > 200 || !/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    out.push({ field, message: m.passwordWeak });
  if (password && confirm !== password) out.push({ field: confirmField, message: m.passwordMismatch });
  return out;
}

export const USERNAME = /^[a-z0-9](?:[a-z0-9._-]{1,62}[a-z0-9])$/;

export function checkUsername(field: string, raw: string): Check<string> {
  const v = raw.trim().toLowerCase();
  if (!v) return fail(field, m.usernameRequired);
  return USERNAME.test(v) ? ok(v) : fail(field, m.usernameInvalid);
}

export function checkRoles(field: string, raw: readonly string[]): Check<Role[]> {
  const roles = [...new Set(raw.map((r) => r.trim()).filter(Boolean))];
  if (roles.length === 0) return fail(field, m.rolesRequired);
  const bad = roles.find((r) => !isRole(r));
  if (bad !== undefined) return fail(field, { vi: `${m.roleUnknown.vi}: ${bad}`, en: `${m.roleUnknown.en}: ${bad}` });
  return ok(roles as Role[]);
}

/** Gathers checks; throws INVALID_INPUT with every field error if any failed, otherwise returns the values. */
export function collect<T extends Record<string, Check<unknown>>>(
  checks: T,
  extra: FieldError[] = [],
): { [K in keyof T]: T[K] extends Check<infer V> ? V : never } {
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(checks)) {
    if (c.ok) values[k] = c.value;
    else errors.push(c.error);
  }
  errors.push(...extra);
  if (errors.length) throw AccountErrors.INVALID_INPUT({ fields: errors });
  return values as { [K in keyof T]: T[K] extends Check<infer V> ? V : never };
}

/** A form field as one string (a repeated field keeps its first value). */
export function str(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | null | undefined)?.[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** A form field as a list (checkboxes). */
export function list(body: unknown, key: string): string[] {
  const v = (body as Record<string, unknown> | null | undefined)?.[key];
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return arr.filter((x): x is string => typeof x === 'string');
}
