// The report form's values as typed: each field parsed on its own, so that a refused value is named (vi/en) and kept
// out while the good ones are saved; what was typed comes back to the form as it was (NUL bytes dropped).
import type { FieldError } from '../../platform/http/errors.ts';
import { COUNT_FIELDS, type CountField, type ReportValues, type ValueField, VALUE_FIELDS } from './repo.ts';
import { FIELD_LABELS, fieldErrors } from './messages.ts';

export type Typed = Partial<Record<ValueField, string>>;

export interface Parsed {
  /** The fields typed and valid (null = emptied). A field not in the body is left as saved. */
  values: Partial<ReportValues>;
  typed: Typed;
  errors: FieldError[];
}

const MAX_COUNT = 10_000;
const MAX_BANDWIDTH = 100_000;
/** Longer than any number the form takes: not a value, and not shown back whole. */
const MAX_TYPED = 40;

function typedOf(raw: unknown): { text: string; ok: boolean } {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const s = typeof first === 'string' ? first : '';
  const text = s.replaceAll('\0', '').normalize('NFC');
  return { text: text.slice(0, 200), ok: typeof raw === 'string' && !s.includes('\0') && s.trim().length <= MAX_TYPED };
}

function count(text: string): number | null | undefined {
  const s = text.replace(/\s/g, '');
  if (s === '') return null;
  if (!/^\d{1,5}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= MAX_COUNT ? n : undefined;
}

function bandwidth(text: string): number | null | undefined {
  const s = text.replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(s)) return undefined;
  const n = Number(s);
  return n <= MAX_BANDWIDTH ? n : undefined;
}

export function parseValues(body: Record<string, unknown>): Parsed {
  const out: Parsed = { values: {}, typed: {}, errors: [] };
  for (const field of VALUE_FIELDS) {
    if (!(field in body)) continue;
    const { text, ok } = typedOf(body[field]);
    out.typed[field] = text;
    const label = FIELD_LABELS[field];
    if (field === 'internet') {
      const v = text === 'yes' ? true : text === 'no' ? false : text === '' ? null : undefined;
      if (!ok || v === undefined) out.errors.push({ field, message: fieldErrors.yesNo(label) });
      else out.values.internet = v;
    } else if (field === 'bandwidth_mbps') {
      const v = ok ? bandwidth(text) : undefined;
      if (v === undefined) out.errors.push({ field, message: fieldErrors.bandwidth(label) });
      else out.values.bandwidth_mbps = v;
    } else {
      const v = ok ? count(text) : undefined;
      if (v === undefined) out.errors.push({ field, message: fieldErrors.count(label) });
      else out.values[field as CountField] = v;
    }
  }
  return out;
}

/**
 * The rules between two fields, judged on the values as they would be saved. A broken rule refuses the typed fields
 * it involves, so the saved pair (which kept the rule) stays; the error is named on the rule's second field.
 */
const PAIR_RULES: { fields: [ValueField, ValueField]; holds: (v: ReportValues) => boolean; message: FieldError['message'] }[] = [
  { fields: ['computer_rooms', 'networked_rooms'], holds: (v) => v.networked_rooms === null || v.computer_rooms === null || v.networked_rooms <= v.computer_rooms, message: fieldErrors.networkedOverRooms },
  { fields: ['internet', 'bandwidth_mbps'], holds: (v) => v.internet !== false || !v.bandwidth_mbps, message: fieldErrors.bandwidthWithoutInternet },
];

export function applyPairRules(saved: ReportValues, parsed: Parsed): void {
  for (const rule of PAIR_RULES) {
    if (rule.holds({ ...saved, ...parsed.values })) continue;
    for (const f of rule.fields) delete parsed.values[f];
    parsed.errors.push({ field: rule.fields[1], message: rule.message });
  }
}

/** What submission still lacks: every value, the bandwidth only with Internet. */
export function missingValues(v: ReportValues): FieldError[] {
  const wanted: ValueField[] = [...COUNT_FIELDS, 'internet', ...(v.internet === true ? (['bandwidth_mbps'] as const) : [])];
  return wanted.filter((f) => v[f] === null).map((field) => ({ field, message: fieldErrors.missing(FIELD_LABELS[field]) }));
}

/** The saved values as the form shows them. */
export function typedFromValues(v: ReportValues): Typed {
  const out: Typed = {};
  for (const f of VALUE_FIELDS) {
    const x = v[f];
    out[f] = x === null ? '' : typeof x === 'boolean' ? (x ? 'yes' : 'no') : String(x);
  }
  return out;
}
