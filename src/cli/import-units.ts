// egov import units <file…>: load administrative units, provinces or the old → new mapping from CSV files.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from './command.ts';
import { openConfiguredDatabase } from '../app.ts';
import { migrate, type Database } from '../platform/db/index.ts';
import { AppError } from '../platform/http/errors.ts';
import { importUnitFile, issueText, seedUnitsReference, SHIPPED_UNITS, type ImportReport } from '../modules/units/index.ts';
import { terminal } from './output.ts';

const SHOWN_ISSUES = 100;
const KIND_LABEL = { provinces: 'provinces / tỉnh', wards: 'wards and communes / phường, xã', mapping: 'old → new mapping / đơn vị cũ → mới' } as const;

export interface ImportArgs {
  files: string[];
  province: string;
}

/** The arguments, or what is wrong with them. */
export function parseImportArgs(args: string[]): ImportArgs | string {
  const files: string[] = [];
  let province = '01';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--province' || a === '-p') {
      const v = args[++i];
      if (v === undefined) return '--province needs a value: a 2-digit province code or "all"';
      province = v;
    } else if (a.startsWith('--province=')) province = a.slice('--province='.length);
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length === 0) return 'give at least one file (or: provinces, wards, mapping for the shipped copies)';
  if (province !== 'all' && !/^\d{2}$/.test(province)) return `--province ${province}: expected a 2-digit province code (01 = Hà Nội) or "all"`;
  return { files, province };
}

function resolveFile(arg: string): string {
  return arg in SHIPPED_UNITS ? SHIPPED_UNITS[arg as keyof typeof SHIPPED_UNITS] : arg;
}

function reportLines(file: string, r: ImportReport, province: string): string[] {
  const scope = province === 'all' ? 'all provinces' : `province ${province}`;
  const lines = [
    `${basename(file)}: ${KIND_LABEL[r.kind]}; ${r.total} rows, ${r.skipped} of other provinces skipped (${scope})${r.encoding === 'utf-8' ? '' : '; read as Windows-1252'}`,
    `  inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.issues.length}, converted from TCVN3/VNI ${r.converted} fields`,
    ...r.issues.slice(0, SHOWN_ISSUES).map((issue) => `  ${issueText(issue)}`),
  ];
  if (r.issues.length > SHOWN_ISSUES) lines.push(`  … and ${r.issues.length - SHOWN_ISSUES} more rejected rows`);
  return lines;
}

export type { Output } from './output.ts';
import type { Output } from './output.ts';

/** The command's work on an open, migrated database; returns the exit status. */
export async function runImportUnits(database: Database, parsed: ImportArgs, io: Output): Promise<number> {
  await seedUnitsReference(database.db);
  let rejected = 0;
  for (const arg of parsed.files) {
    const file = resolveFile(arg);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      io.err(`egov import units: cannot read ${file}: ${(err as Error).message}`);
      return 2;
    }
    try {
      const report = await importUnitFile(database.db, bytes, { province: parsed.province, actor: { id: null, label: 'cli' }, source: basename(file) });
      for (const line of reportLines(file, report, parsed.province)) io.out(line);
      rejected += report.issues.length;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      io.err(`${basename(file)}: ${err.text.vi} — ${err.text.en}`);
      return 2;
    }
  }
  return rejected > 0 ? 1 : 0;
}

export const importUnits: Command = {
  name: ['import', 'units'],
  summary: 'Import administrative units, provinces or the old → new mapping from CSV',
  usage: 'egov import units <file…> [--province 01|all]',
  help: `Imports CSV files in the formats shipped in data/admin_units/ (told apart by their header row):
  provinces_2025.csv          province_code,name,full_name,unit_type,name_en,full_name_en,codename,…,merged_from
  wards_2025.csv              ward_code,name,full_name,unit_type,province_code,…,name_en,full_name_en,codename,formed_from_text,notes
  old_to_new_ward_mapping.csv old_province_code,…,old_ward_code,old_ward_name,merge_type,new_province_code,…,new_ward_code,…

Arguments:
  <file…>             paths of CSV files, imported in the order given; the words provinces, wards and mapping
                      stand for the copies shipped in data/admin_units/.

Options:
  --province 01       keep only wards and mapping rows of this province (default 01, Hà Nội)
  --province all      keep every province: 3,321 units, 10,604 mapping rows
  --help              this text

Rules:
  - Idempotent: a row is inserted when new, updated when it changed, left alone when it did not.
  - Each file is imported in one transaction, with one audit row.
  - Legacy TCVN3/ABC and VNI text (e.g. "Hµ Néi", "Haø Noäi") is converted to Unicode NFC; a file that is not
    valid UTF-8 is read as Windows-1252 first.
  - A bad row (wrong code, unknown unit type, missing name, duplicate, province or new unit not in the
    database) is rejected with its line number and reason; the valid rows are still imported.
  - The provinces file is always imported in full; a ward needs its province, a mapping row its new unit.
  - A running server sees the change at once on its next uncached read (lists are cached for one minute).

Exit status: 0 when every row was imported, 1 when some rows were rejected, 2 on a usage error.

Examples:
  egov import units wards --province all
  egov import units provinces wards mapping --province all
  egov import units ./phuong_xa_2025.csv`,
  async run(args, config) {
    const parsed = parseImportArgs(args);
    if (typeof parsed === 'string') {
      terminal.err(`egov import units: ${parsed}\nRun 'egov import units --help' for details.`);
      return 2;
    }
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      return await runImportUnits(database, parsed, terminal);
    } finally {
      await database.close();
    }
  },
};
