// Reads the fare files into typed rows, checks every cell against files.ts, then the whole table (validate.ts);
// any problem refuses the whole table (FareErrors.TABLE_INVALID with every problem listed), so a half-read
// table never reaches the engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../../platform/text/index.ts';
import { FareErrors } from './errors.ts';
import { FILES, TABLE_NAMES, type Column, type RawTables, type Row } from './files.ts';
import type { FareTable } from './model.ts';
import { problem, type Problem } from './problems.ts';
import { buildFareTable } from './build.ts';
import { validateTables } from './validate.ts';

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/;

function parseCell(file: string, line: number, col: Column, value: string, out: Problem[]): string | number | undefined {
  const v = value.trim();
  if (v === '') {
    if (col.required) out.push(problem(file, line, 'required', { column: col.name }));
    return undefined;
  }
  const k = col.kind;
  const vars = { column: col.name, value: v };
  switch (k.t) {
    case 'text':
      return v.normalize('NFC');
    case 'int': {
      const min = k.min ?? 0;
      if (!/^-?\d+$/.test(v) || Number(v) < min) return void out.push(problem(file, line, 'notInt', { ...vars, min }));
      return Number(v);
    }
    case 'decimal':
      if (!/^\d+(\.\d+)?$/.test(v)) return void out.push(problem(file, line, 'notNumber', vars));
      return Number(v);
    case 'date': {
      const m = DATE.exec(v);
      const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
      const d = new Date(`${iso}T00:00:00Z`);
      if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return void out.push(problem(file, line, 'badDate', vars));
      return iso;
    }
    case 'time': {
      const m = TIME.exec(v);
      if (!m || Number(m[1]) > 24) return void out.push(problem(file, line, 'badTime', vars));
      return v;
    }
    case 'enum':
      if (!k.values.includes(v)) return void out.push(problem(file, line, 'badEnum', { ...vars, values: k.values.join(', ') }));
      return v;
  }
}

/** Parses the files' text (file name → content) into rows; problems are collected, not thrown. */
export function parseTables(files: Record<string, string>, out: Problem[]): RawTables {
  const tables = {} as RawTables;
  for (const name of TABLE_NAMES) {
    const spec = FILES[name];
    const rows: Row[] = [];
    tables[name] = rows;
    const content = files[spec.file];
    if (content === undefined) {
      out.push(problem(spec.file, 0, 'missingFile', { file: spec.file }));
      continue;
    }
    const [head, ...records] = parseCsv(content);
    const header = (head?.fields ?? []).map((h) => h.trim());
    const columns: readonly Column[] = spec.columns;
    for (const col of columns) {
      if (col.required && !header.includes(col.name)) out.push(problem(spec.file, 1, 'missingColumn', { column: col.name }));
    }
    for (const rec of records) {
      const row: Row = { line: rec.line };
      for (const col of columns) {
        const at = header.indexOf(col.name);
        row[col.name] = parseCell(spec.file, rec.line, col, at < 0 ? '' : (rec.fields[at] ?? ''), out);
      }
      rows.push(row);
    }
  }
  return tables;
}

/** Loads a fare table from file contents; throws FareErrors.TABLE_INVALID naming every problem. */
export function loadGtfsFares(files: Record<string, string>): FareTable {
  const problems: Problem[] = [];
  const raw = parseTables(files, problems);
  if (problems.length === 0) validateTables(raw, problems);
  if (problems.length > 0) {
    throw FareErrors.TABLE_INVALID({
      fields: problems.map((p) => ({ field: `${p.file}:${p.line}`, message: p.text })),
      details: { problems },
    });
  }
  return buildFareTable(raw);
}

/** Reads every `.txt` file of a folder (e.g. data/transit/fares) and loads it. */
export function loadGtfsFaresFromDir(dir: string): FareTable {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.txt')) files[f] = readFileSync(join(dir, f), 'utf8');
  return loadGtfsFares(files);
}
