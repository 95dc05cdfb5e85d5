// The reviewed processing times of data/procedures/processing-time-overrides.csv: for procedures whose published time
// has no unit ("1") or is missing, and whose other text does not state one the parser can read. Columns:
//   code     procedure code
//   amount   number of days or hours; empty for within_day
//   unit     working_days | calendar_days | hours | within_day
//   rule     the rule in words, as the page shows it beside the time
//   source   what the row was read from: the sentence of the procedure's text, or the legal provision
//   check    quoted: every quotation of a field of the record in `source` ("trinh_tu_thuc_hien: "…"") is found in the
//            shipped record (corpus test); unverified: read from a legal provision or inferred (a sum of steps, the
//            unit a law uses for the field), to be checked against the law before it is relied on
// A row never replaces a unit the time text states (the import reports such rows as not needed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvRows } from '../reader.ts';
import { PROCEDURE_CODE, TIME_UNITS, type ProcessingTime, type TimeUnit } from '../schema.ts';

export const SHIPPED_TIME_OVERRIDES = fileURLToPath(new URL('../../../../data/procedures/processing-time-overrides.csv', import.meta.url));

export interface TimeOverride {
  code: string;
  amount: number | null;
  unit: TimeUnit;
  rule: string;
  source: string;
  check: OverrideCheck;
}

export const OVERRIDE_CHECKS = ['quoted', 'unverified'] as const;
export type OverrideCheck = (typeof OVERRIDE_CHECKS)[number];

export type TimeOverrides = ReadonlyMap<string, TimeOverride>;

const HEADER = ['code', 'amount', 'unit', 'rule', 'source', 'check'];

/** The table, or an error naming the first bad line (the file ships with the app: a bad row is a bug). */
export function parseTimeOverrides(text: string): TimeOverrides {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  const [head, ...body] = rows;
  if (!head || head.cells.join(',') !== HEADER.join(',')) throw new Error(`processing-time overrides: the header must be ${HEADER.join(',')}`);
  const out = new Map<string, TimeOverride>();
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === '')) continue;
    const [code = '', amountText = '', unit = '', rule = '', source = '', checkText = ''] = cells.map((c) => c.trim());
    const check = OVERRIDE_CHECKS.find((c) => c === checkText);
    const amount = amountText === '' ? null : Number(amountText);
    const typed = TIME_UNITS.find((u) => u === unit);
    const ok =
      PROCEDURE_CODE.test(code) &&
      typed !== undefined &&
      (typed === 'within_day' ? amount === null : amount !== null && Number.isFinite(amount) && amount > 0) &&
      rule !== '' &&
      source !== '' &&
      check !== undefined &&
      !out.has(code);
    if (!ok || typed === undefined || check === undefined) {
      throw new Error(`processing-time overrides, line ${line}: expected ${HEADER.join(',')} (unit one of ${TIME_UNITS.join('|')}, check one of ${OVERRIDE_CHECKS.join('|')}), once per code`);
    }
    out.set(code, { code, amount, unit: typed, rule, source, check });
  }
  return out;
}

let shipped: TimeOverrides | undefined;

export function shippedTimeOverrides(): TimeOverrides {
  shipped ??= parseTimeOverrides(readFileSync(SHIPPED_TIME_OVERRIDES, 'utf8'));
  return shipped;
}

/** The overridden time, keeping the published text; the rule and its source become the basis. */
export function applyOverride(time: ProcessingTime, o: TimeOverride): ProcessingTime {
  return { amount: o.amount, unit: o.unit, text: time.text, basis: `${o.rule} (${o.source})` };
}
