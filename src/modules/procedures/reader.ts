// Reads a procedure file: JSONL (one procedure per line, the national portal's crawl) or CSV with a header row
// (tthc_dichvucong_2026_summary.csv, or any CSV with at least ma_thu_tuc and ten_thu_tuc); gzip is undone first.
// A CSV record carries only its non-empty cells: the import keeps the current version's value for the others.
import { gunzipSync } from 'node:zlib';

export interface RawRecord {
  /** Line of the file where the record starts (1-based). */
  line: number;
  data: unknown;
}

export interface ReadResult {
  format: 'jsonl' | 'csv';
  records: RawRecord[];
  errors: { line: number; reason: string }[];
}

export class UnknownFormatError extends Error {}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function readJsonl(text: string): ReadResult {
  const records: RawRecord[] = [];
  const errors: ReadResult['errors'] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? '').trim();
    if (l === '') continue;
    try {
      records.push({ line: i + 1, data: JSON.parse(l) });
    } catch {
      errors.push({ line: i + 1, reason: 'not valid JSON' });
    }
  }
  return { format: 'jsonl', records, errors };
}

/** RFC 4180 rows with the line each starts on: quoted fields may hold commas, quotes ("") and line breaks. */
export function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
  return rows;
}

function readCsv(text: string): ReadResult {
  const rows = csvRows(text);
  const header = (rows[0]?.cells ?? []).map((h) => h.trim());
  if (!header.includes('ma_thu_tuc') || !header.includes('ten_thu_tuc')) throw new UnknownFormatError();
  const records: RawRecord[] = [];
  const errors: ReadResult['errors'] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length !== header.length) {
      errors.push({ line: row.line, reason: `expected ${header.length} columns, found ${row.cells.length}` });
      continue;
    }
    // An empty cell says nothing (exports leave out what they do not carry): it keeps the current value, like a
    // missing column.
    const cells = header.map((h, i) => [h, row.cells[i] ?? ''] as const).filter(([, v]) => v.trim() !== '');
    records.push({ line: row.line, data: Object.fromEntries(cells) });
  }
  return { format: 'csv', records, errors };
}

export function readProcedureFile(bytes: Uint8Array): ReadResult {
  const raw = isGzip(bytes) ? gunzipSync(bytes) : bytes;
  const text = new TextDecoder('utf-8').decode(raw).replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '{') return readJsonl(text);
  if (first === undefined) return { format: 'jsonl', records: [], errors: [] };
  return readCsv(text);
}
