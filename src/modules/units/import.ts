// Reading units files (the formats of provinces_2025.csv, wards_2025.csv and old_to_new_ward_mapping.csv):
// detect the format by its header, clean every field (legacy TCVN3/VNI text → Unicode NFC), and check each
// row, collecting one clear problem per bad row instead of stopping at the first.
import { detectEncoding, toUnicode, type TextEncoding } from '../../platform/text/index.ts';
import { t, type Text } from '../../platform/web/i18n.ts';
import { parseCsv, withHeader } from '../../platform/text/index.ts';
import { importIssues as m } from './messages.ts';
import type { UnitHistoryInsert, UnitInsert } from './repo.ts';
import { COMMUNE_CODE, COMMUNE_TYPES, OLD_UNIT_CODE, PROVINCE_CODE, PROVINCE_TYPES, type UnitTypeName } from './schema.ts';

export type UnitFileKind = 'provinces' | 'wards' | 'mapping';

export interface ImportIssue {
  line: number;
  message: Text;
}

/** `all`, or a 2-digit province code whose wards and mapping rows are kept. */
export type ProvinceScope = 'all' | string;

interface PreparedBase {
  /** Data rows in the file. */
  total: number;
  /** Rows of other provinces, left out. */
  skipped: number;
  /** Fields converted from TCVN3/VNI. */
  converted: number;
  issues: ImportIssue[];
}
export type PreparedFile =
  | (PreparedBase & { kind: 'provinces'; rows: { line: number; unit: UnitInsert }[] })
  | (PreparedBase & { kind: 'wards'; rows: { line: number; unit: UnitInsert }[] })
  | (PreparedBase & { kind: 'mapping'; rows: { line: number; entry: UnitHistoryInsert }[] });

const REQUIRED: Record<UnitFileKind, string[]> = {
  provinces: ['province_code', 'name', 'full_name', 'unit_type'],
  wards: ['ward_code', 'name', 'full_name', 'unit_type', 'province_code'],
  mapping: ['old_province_code', 'old_ward_code', 'old_ward_name', 'merge_type', 'new_ward_code'],
};

export function detectKind(header: readonly string[]): UnitFileKind | undefined {
  const has = (c: string): boolean => header.includes(c);
  if (has('old_ward_code') || has('new_ward_code')) return 'mapping';
  if (has('ward_code')) return 'wards';
  if (has('province_code') && has('full_name')) return 'provinces';
  return undefined;
}

export function issueText(issue: ImportIssue): string {
  return `dòng ${issue.line} / line ${issue.line}: ${issue.message.vi} — ${issue.message.en}`;
}

function fill(text: Text, vars: Record<string, string | number>): Text {
  return { vi: t('vi', text, vars), en: t('en', text, vars) };
}

const MAX = { name: 200, text: 4000 } as const;

/** Row reader: cleans fields on demand and collects the first problem of the row. */
class RowReader {
  problem: Text | undefined;
  converted = 0;
  /** A legacy file row is legacy throughout: the encoding is judged on all its text at once (surer, and faster). */
  private readonly encoding: TextEncoding;
  constructor(private readonly values: Record<string, string>) {
    this.encoding = detectEncoding(Object.values(values).join('\n'));
  }

  text(column: string, opts: { required?: boolean; max?: number } = {}): string | null {
    const raw = (this.values[column] ?? '').trim();
    if (raw === '') {
      if (opts.required) this.fail(fill(m.required, { column }));
      return null;
    }
    const legacy = this.encoding === 'tcvn3' || this.encoding === 'vni';
    const value = (legacy ? toUnicode(raw, this.encoding) : raw).replace(/\s+/g, ' ').trim();
    if (legacy && value !== raw) this.converted++;
    if (value.length > (opts.max ?? MAX.name)) this.fail(fill(m.tooLong, { column, max: opts.max ?? MAX.name }));
    return value;
  }

  code(column: string, pattern: RegExp, digits: string): string {
    const value = (this.values[column] ?? '').trim();
    if (value === '') this.fail(fill(m.required, { column }));
    else if (!pattern.test(value)) this.fail(fill(m.badCode, { column, value: value.slice(0, 20), digits }));
    return value;
  }

  unitType(allowed: readonly UnitTypeName[]): string {
    const value = this.text('unit_type', { required: true }) ?? '';
    if (value !== '' && !(allowed as readonly string[]).includes(value)) this.fail(fill(m.badType, { value, allowed: allowed.join(', ') }));
    return value;
  }

  fail(text: Text): void {
    this.problem ??= text;
  }
}

/** Parses and checks a whole file; nothing touches the database here. */
export function prepareUnitFile(text: string, scope: ProvinceScope): PreparedFile | { kind: undefined; header: string[] } {
  const { header, rows } = withHeader(parseCsv(text));
  const kind = detectKind(header);
  if (!kind) return { kind: undefined, header };
  const missing = REQUIRED[kind].filter((c) => !header.includes(c));
  const issues: ImportIssue[] = [];
  if (missing.length > 0) {
    issues.push({ line: 1, message: fill(m.missingColumns, { columns: missing.join(', ') }) });
    const none = { total: rows.length, skipped: 0, converted: 0, issues };
    return { kind, rows: [], ...none } as PreparedFile;
  }
  let skipped = 0;
  let converted = 0;
  const seen = new Map<string, number>();
  const units: { line: number; unit: UnitInsert }[] = [];
  const entries: { line: number; entry: UnitHistoryInsert }[] = [];

  for (const row of rows) {
    // The province filter applies to communes and mapping rows; every province is always kept (wards need theirs).
    const rowProvince = (kind === 'mapping' ? row.values.new_province_code || row.values.old_province_code : row.values.province_code) ?? '';
    if (kind !== 'provinces' && scope !== 'all' && rowProvince.trim() !== scope) {
      skipped++;
      continue;
    }
    const r = new RowReader(row.values);
    if (row.fieldCount !== header.length) r.fail(fill(m.fieldCount, { n: row.fieldCount, m: header.length }));
    let key = '';
    if (kind === 'mapping') {
      const entry: UnitHistoryInsert = {
        old_code: r.code('old_ward_code', OLD_UNIT_CODE, '3/5'),
        old_name: r.text('old_ward_name', { required: true }) ?? '',
        old_district_code: r.text('old_district_code'),
        old_district_name: r.text('old_district_name'),
        old_province_code: r.code('old_province_code', PROVINCE_CODE, '2'),
        old_province_name: r.text('old_province_name'),
        merge_type: 'full',
        new_code: r.code('new_ward_code', COMMUNE_CODE, '5'),
      };
      const merge = (row.values.merge_type ?? '').trim().toLowerCase();
      if (merge === 'full' || merge === 'partial') entry.merge_type = merge;
      else r.fail(fill(m.badMerge, { value: merge }));
      key = `${entry.old_code}>${entry.new_code}`;
      if (!r.problem) entries.push({ line: row.line, entry });
    } else {
      const isProvince = kind === 'provinces';
      const unit: UnitInsert = {
        code: isProvince ? r.code('province_code', PROVINCE_CODE, '2') : r.code('ward_code', COMMUNE_CODE, '5'),
        parent_code: isProvince ? null : r.code('province_code', PROVINCE_CODE, '2'),
        level: isProvince ? 'province' : 'commune',
        unit_type: r.unitType(isProvince ? PROVINCE_TYPES : COMMUNE_TYPES),
        name: r.text('name', { required: true }) ?? '',
        full_name: r.text('full_name', { required: true }) ?? '',
        name_en: r.text('name_en'),
        full_name_en: r.text('full_name_en'),
        codename: r.text('codename'),
        formed_from: r.text(isProvince ? 'merged_from' : 'formed_from_text', { max: MAX.text }),
        notes: r.text('notes', { max: MAX.text }),
      };
      key = unit.code;
      if (!r.problem) units.push({ line: row.line, unit });
    }
    const first = seen.get(key);
    if (!r.problem && first !== undefined) {
      r.fail(fill(m.duplicate, { line: first }));
      if (kind === 'mapping') entries.pop();
      else units.pop();
    }
    if (r.problem) issues.push({ line: row.line, message: r.problem });
    else seen.set(key, row.line);
    converted += r.converted;
  }
  const base = { total: rows.length, skipped, converted, issues };
  return kind === 'mapping' ? { kind, rows: entries, ...base } : kind === 'wards' ? { kind, rows: units, ...base } : { kind, rows: units, ...base };
}

/** Keeps only rows whose reference (province of a ward, new unit of a mapping row) exists; the rest become issues. */
export function checkReferences(prepared: PreparedFile, existing: Set<string>): void {
  if (prepared.kind === 'provinces') return;
  if (prepared.kind === 'wards') {
    prepared.rows = prepared.rows.filter(({ line, unit }) => {
      const ok = unit.parent_code !== null && existing.has(unit.parent_code);
      if (!ok) prepared.issues.push({ line, message: fill(m.noProvince, { code: unit.parent_code ?? '' }) });
      return ok;
    });
  } else {
    prepared.rows = prepared.rows.filter(({ line, entry }) => {
      const ok = existing.has(entry.new_code);
      if (!ok) prepared.issues.push({ line, message: fill(m.noNewUnit, { code: entry.new_code }) });
      return ok;
    });
  }
  prepared.issues.sort((a, b) => a.line - b.line);
}

/** The codes a prepared file refers to, to look up in one query. */
export function referencedCodes(prepared: PreparedFile): string[] {
  if (prepared.kind === 'provinces') return [];
  if (prepared.kind === 'wards') return prepared.rows.map((r) => r.unit.parent_code ?? '');
  return prepared.rows.map((r) => r.entry.new_code);
}
