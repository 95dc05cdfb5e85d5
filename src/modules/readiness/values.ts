// What a unit types into its form, checked by the type of each input (a number, yes/no, one of the categories):
// a bad value is named with its indicator and leaves the value saved before in place; the validation rules between
// values are warnings while drafting and refuse the submission. Messages in Vietnamese and English.
import type { FieldError } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { type BrokenRule, type UnitValues, type Value, valueOf } from './scoring.ts';
import { type InputField, inputsOf, type LoadedSet } from './sets.ts';

const YES = new Set(['true', 'yes', 'co', 'có', '1']);
const NO = new Set(['false', 'no', 'khong', 'không', '0']);
const NUMBER = /^[+-]?\d{1,15}([.,]\d{1,6})?$/;

export const MAX_EXPLANATION = 2000;

const label = (f: InputField): Text => ({ vi: `${f.code} (${f.name.vi})`, en: `${f.code} (${f.name.en})` });

export const valueMessages = {
  unknown: (code: string): Text => ({ vi: `Không có chỉ tiêu mã “${code}” trong bộ chỉ số.`, en: `The indicator set has no code “${code}”.` }),
  number: (f: InputField): Text => ({ vi: `${label(f).vi}: cần một số (ví dụ 12 hoặc 12,5).`, en: `${label(f).en}: a number is needed (e.g. 12 or 12.5).` }),
  boolean: (f: InputField): Text => ({ vi: `${label(f).vi}: chọn Có hoặc Không.`, en: `${label(f).en}: choose yes or no.` }),
  category: (f: InputField): Text => ({
    vi: `${label(f).vi}: chọn một trong các mức: ${(f.categories ?? []).join(', ')}.`,
    en: `${label(f).en}: choose one of: ${(f.categories ?? []).join(', ')}.`,
  }),
  explanationTooLong: (code: string): Text => ({ vi: `Giải trình của ${code} quá ${MAX_EXPLANATION} ký tự.`, en: `The explanation of ${code} is over ${MAX_EXPLANATION} characters.` }),
  missing: (f: InputField): Text => ({ vi: `${label(f).vi}: chưa có số liệu hoặc giải trình.`, en: `${label(f).en}: neither a value nor an explanation.` }),
  rule: (b: BrokenRule): Text => ({ vi: `${b.message.vi} (${b.left} ${b.op} ${b.right} không thỏa).`, en: `${b.message.en} (${b.left} ${b.op} ${b.right} does not hold).` }),
};

/** One typed value as stored: a number, a boolean, a category; null clears it; undefined when it does not parse. */
export function parseValue(f: InputField, raw: unknown): Value | undefined {
  if (raw === null || raw === '') return null;
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
  if (s === '') return null;
  if (f.type === 'number') {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
    return s !== null && NUMBER.test(s) ? Number(s.replace(',', '.')) : undefined;
  }
  if (f.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    return s !== null && YES.has(s) ? true : s !== null && NO.has(s) ? false : undefined;
  }
  return typeof raw === 'string' && (f.categories ?? []).includes(raw.trim()) ? raw.trim() : undefined;
}

export interface Merged {
  values: UnitValues;
  explanations: Record<string, string>;
  /** The codes whose value changed. */
  changed: string[];
  errors: FieldError[];
}

/**
 * The form's values and explanations with what was typed merged in. A value that does not parse is reported and the
 * value saved before is kept; an empty value clears it; an empty explanation removes it.
 */
export function mergeTyped(loaded: LoadedSet, before: { values: UnitValues; explanations: Record<string, string> }, typed: { values?: Record<string, unknown>; explanations?: Record<string, unknown> }): Merged {
  const fields = new Map(inputsOf(loaded).map((f) => [f.code, f]));
  const values: UnitValues = { ...before.values };
  const explanations: Record<string, string> = { ...before.explanations };
  const changed: string[] = [];
  const errors: FieldError[] = [];
  for (const [code, raw] of Object.entries(typed.values ?? {})) {
    const f = fields.get(code);
    if (!f) {
      errors.push({ field: code, message: valueMessages.unknown(code) });
      continue;
    }
    const v = parseValue(f, raw);
    if (v === undefined) {
      errors.push({ field: code, message: valueMessages[f.type === 'number' ? 'number' : f.type === 'boolean' ? 'boolean' : 'category'](f) });
      continue;
    }
    if (valueOf(values, code) === v || (v === null && valueOf(values, code) === undefined)) continue;
    if (v === null) delete values[code];
    else values[code] = v;
    changed.push(code);
  }
  const known = (code: string) => fields.has(code) || loaded.indicators.has(code);
  for (const [code, raw] of Object.entries(typed.explanations ?? {})) {
    if (!known(code)) {
      errors.push({ field: `explanation.${code}`, message: valueMessages.unknown(code) });
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text.length > MAX_EXPLANATION) {
      errors.push({ field: `explanation.${code}`, message: valueMessages.explanationTooLong(code) });
      continue;
    }
    if ((Object.hasOwn(explanations, code) ? explanations[code] : '') === text) continue;
    if (text === '') delete explanations[code];
    else explanations[code] = text;
    if (!changed.includes(code)) changed.push(code);
  }
  return { values, explanations, changed, errors };
}

/** The inputs with neither a value nor an explanation (a form is submitted only when there are none). */
export function missingInputs(loaded: LoadedSet, values: UnitValues, explanations: Record<string, string>): FieldError[] {
  return inputsOf(loaded)
    .filter((f) => valueOf(values, f.code) === undefined || valueOf(values, f.code) === null)
    .filter((f) => !(Object.hasOwn(explanations, f.code) && explanations[f.code]!.trim() !== ''))
    .map((f) => ({ field: f.code, message: valueMessages.missing(f) }));
}

export const ruleErrors = (broken: readonly BrokenRule[]): FieldError[] => broken.map((b) => ({ field: b.code, message: valueMessages.rule(b) }));
