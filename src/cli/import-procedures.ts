// egov import procedures <file>: load the catalogue of administrative procedures from the national portal's JSONL
// crawl or its CSV export; unchanged procedures stay as they are, changed ones get a new version.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from './command.ts';
import { openConfiguredDatabase } from '../app.ts';
import { isValidIsoDate, vietnamDateOf } from '../platform/calendar/index.ts';
import { migrate, type Database } from '../platform/db/index.ts';
import { importCatalogue, parseTimeOverrides, readProcedureFile, SHIPPED_PROCEDURES, UnknownFormatError, type FieldReport, type ImportReport, type TimeOverrides } from '../modules/procedures/index.ts';
import { terminal, type Output as LineOutput } from './output.ts';

export interface ImportProceduresArgs {
  file: string;
  effectiveFrom: string;
  /** A reviewed processing-time table in place of data/procedures/processing-time-overrides.csv. */
  timeOverrides?: string;
}

/** The arguments, or what is wrong with them. */
export function parseImportProceduresArgs(args: string[], today = vietnamDateOf(new Date())): ImportProceduresArgs | string {
  const files: string[] = [];
  let effectiveFrom = today;
  let timeOverrides: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--time-overrides') {
      const v = args[++i];
      if (v === undefined) return '--time-overrides needs a CSV file';
      timeOverrides = v;
    } else if (a.startsWith('--time-overrides=')) timeOverrides = a.slice('--time-overrides='.length);
    else if (a === '--effective' || a === '-e') {
      const v = args[++i];
      if (v === undefined) return '--effective needs a date: YYYY-MM-DD';
      effectiveFrom = v;
    } else if (a.startsWith('--effective=')) effectiveFrom = a.slice('--effective='.length);
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length !== 1) return 'give exactly one file (or: shipped, for the copy in data/procedures/)';
  if (!isValidIsoDate(effectiveFrom)) return `--effective ${effectiveFrom}: expected a date as YYYY-MM-DD`;
  const out: ImportProceduresArgs = { file: files[0] === 'shipped' ? SHIPPED_PROCEDURES : (files[0] ?? ''), effectiveFrom };
  if (timeOverrides !== undefined) out.timeOverrides = timeOverrides;
  return out;
}

export interface Output extends LineOutput {
  /** Progress: redraws one line on a terminal, or prints a line every tenth otherwise. */
  progress(done: number, total: number): void;
}

const WIDTH = 30;

export function terminalProgress(stream: NodeJS.WriteStream, label = 'import procedures'): Output['progress'] {
  let lastTenth = -1;
  return (done, total) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    if (stream.isTTY) {
      const filled = Math.round(share * WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%${share === 1 ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${label}: ${tenth * 10}%\n`);
    }
  };
}

const consoleOutput: Output = {
  ...terminal,
  progress: terminalProgress(process.stderr),
};

function reasons(f: FieldReport): string {
  const parts = Object.entries(f.reasons)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function reportLines(file: string, format: string, r: ImportReport, effectiveFrom: string, ms: number): string[] {
  const lines = [
    `${basename(file)}: ${format.toUpperCase()}, ${r.total} records in ${(ms / 1000).toFixed(1)} s`,
    `  new ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, failed ${r.failed.length}`,
  ];
  if (r.created + r.updated > 0) lines.push(`  new versions take effect on ${effectiveFrom}`);
  lines.push('Values that could not be parsed (the text is kept and shown as published):');
  const fields: [string, FieldReport][] = [
    ['processing time', r.fields.processingTime],
    ['fees', r.fields.fees],
    ['documents', r.fields.documents],
  ];
  for (const [label, f] of fields) {
    lines.push(`  ${label}: ${f.unparsed} of ${r.total}${reasons(f)}; ${f.empty} give no information`);
    for (const e of f.examples) lines.push(`    ${e.code.padEnd(10)} ${e.reason}: "${e.text}"`);
  }
  const t = r.fields.processingTime;
  lines.push(
    `Processing time units: from the time text ${t.sources.stated}, from the procedure's other text ${t.sources.procedure_text}, ` +
      `from data/procedures/processing-time-overrides.csv ${t.sources.override}, none ${t.sources.none}`,
  );
  lines.push(`  override rows used: ${t.overridesUsed.quoted} quoted from the procedure's text, ${t.overridesUsed.unverified} unverified`);
  lines.push(
    `No time limit: ${t.withoutUnit.length} procedures (the receiving officer sets the due date at the counter); ` +
      `${t.notOnline.length} of them publish an online channel and are not offered online (NO_TIME_LIMIT)`,
  );
  for (let i = 0; i < t.withoutUnit.length; i += 10) lines.push(`    ${t.withoutUnit.slice(i, i + 10).join(' ')}`);
  if (t.overridesNotNeeded.length > 0) lines.push(`  Override rows not used (the time text states a unit): ${t.overridesNotNeeded.join(' ')}`);
  if (r.failed.length > 0) {
    lines.push('Failed records:');
    for (const f of r.failed.slice(0, 50)) lines.push(`  line ${f.line}${f.code ? ` (${f.code})` : ''}: ${f.reason}`);
    if (r.failed.length > 50) lines.push(`  … and ${r.failed.length - 50} more`);
  }
  return lines;
}

/** The command's work on an open, migrated database; returns the exit status. */
export async function runImportProcedures(database: Database, args: ImportProceduresArgs, io: Output): Promise<number> {
  let timeOverrides: TimeOverrides | undefined;
  if (args.timeOverrides !== undefined) {
    try {
      timeOverrides = parseTimeOverrides(readFileSync(args.timeOverrides, 'utf8'));
    } catch (err) {
      io.err(`egov import procedures: ${args.timeOverrides}: ${(err as Error).message}`);
      return 2;
    }
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.file);
  } catch (err) {
    io.err(`egov import procedures: cannot read ${args.file}: ${(err as Error).message}`);
    return 2;
  }
  const started = performance.now();
  let read;
  try {
    read = readProcedureFile(bytes);
  } catch (err) {
    if (!(err instanceof UnknownFormatError)) throw err;
    io.err(`egov import procedures: ${basename(args.file)} is neither JSONL nor a CSV with the columns ma_thu_tuc and ten_thu_tuc`);
    return 2;
  }
  const report = await importCatalogue(database.db, read.records, {
    effectiveFrom: args.effectiveFrom,
    source: `import:${basename(args.file)}`,
    actor: { id: null, label: 'cli' },
    onProgress: io.progress,
    ...(timeOverrides ? { timeOverrides } : {}),
  });
  report.failed.unshift(...read.errors.map((e) => ({ line: e.line, code: null, reason: e.reason })));
  report.total += read.errors.length;
  for (const line of reportLines(args.file, read.format, report, args.effectiveFrom, performance.now() - started)) io.out(line);
  return report.failed.length > 0 ? 1 : 0;
}

export const importProcedures: Command = {
  name: ['import', 'procedures'],
  summary: 'Import administrative procedures (JSONL or CSV of the national portal)',
  usage: 'egov import procedures <file> [--effective YYYY-MM-DD] [--time-overrides FILE]',
  help: `Imports the catalogue of administrative procedures from a file in one of these formats (gzip is undone first):
  JSONL   one procedure per line, as crawled from dichvucong.gov.vn (tthc_dichvucong_2026.jsonl): every field
  CSV     a header row with at least ma_thu_tuc and ten_thu_tuc (tthc_dichvucong_2026_summary.csv,
          tthc_official_list_by_ministry.csv); columns the file lacks, and empty cells, keep the current
          version's value

Arguments:
  <file>              path of the file; the word shipped stands for data/procedures/tthc_dichvucong_2026.jsonl.gz

Options:
  --effective DATE    date (YYYY-MM-DD) from which new versions apply; default today (Vietnam time)
  --time-overrides F  the reviewed processing times to use instead of data/procedures/processing-time-overrides.csv
                      (columns code,amount,unit,rule,source,check; check is quoted or unverified)
  --help              this text

Rules:
  - Idempotent: a procedure whose content did not change is left alone (no new version, nothing written).
  - A changed procedure gets a new version effective from --effective; earlier versions are kept, so dossiers
    received under them keep their rules. A date before the current version's is refused for that procedure.
  - The online level is not in the source: "partial" (một phần) wherever an online channel exists; a "full"
    (toàn trình) level set by an administrator is kept while the procedure stays online.
  - Processing time, fees and required documents are parsed from free text; values that cannot be parsed are
    kept as published and counted in the report with examples.
  - Fees become rules (alternatives by channel, case and period, never added up); a part that gives no figure
    (set by the provincial council, in dollars, cut off) is kept as text, settled at the counter, and reported.
  - A processing time without a unit ("1") takes it from the procedure's other text (the same-day rule, "Thời hạn
    giải quyết: …", a channel's description, the one unit all its periods use) or from
    data/procedures/processing-time-overrides.csv; the report counts and lists the codes that still have none.
    Those are not offered online (no return date could be given on receipt); the counter takes them.
  - Everything is written in one transaction with one audit row; a record that is not valid (bad code, no
    name, duplicate code) is reported with its line and the others are imported.
  - Progress goes to stderr: a bar on a terminal, a line every 10% otherwise.

Exit status: 0 when every record was imported, 1 when some failed, 2 on a usage error or an unreadable file.

Examples:
  egov import procedures shipped
  egov import procedures ../shared/data/tthc/tthc_dichvucong_2026.jsonl --effective 2026-07-01
  egov import procedures tthc_dichvucong_2026_summary.csv`,
  async run(args, config) {
    const parsed = parseImportProceduresArgs(args);
    if (typeof parsed === 'string') {
      terminal.err(`egov import procedures: ${parsed}\nRun 'egov import procedures --help' for details.`);
      return 2;
    }
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      return await runImportProcedures(database, parsed, consoleOutput);
    } finally {
      await database.close();
    }
  },
};
