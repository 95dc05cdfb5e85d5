// The platform's one RFC 4180 CSV reader and writer (units, GTFS and fare files, trainees, school codes): quoted
// fields may hold commas, doubled quotes and line breaks; each record keeps the line it starts on so that an import
// can name the line of a bad row. Spreadsheets saved with a Vietnamese locale use ';': `delimiter: 'auto'` takes it
// when the first line has a ';' and no ','.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvOptions {
  /** ',' (the default), ';', or 'auto': ';' when the first line has a ';' and no ','. */
  delimiter?: ',' | ';' | 'auto';
}

function delimiterOf(src: string, option: CsvOptions['delimiter']): ',' | ';' {
  if (option !== 'auto') return option ?? ',';
  const first = src.split(/\r?\n/, 1)[0] ?? '';
  return !first.includes(',') && first.includes(';') ? ';' : ',';
}

export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const sep = delimiterOf(src, options.delimiter);
  const delimiter = sep === ',' ? /[,\r\n]/g : /[;\r\n]/g;
  const n = src.length;
  let fields: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  while (i < n) {
    let field: string;
    if (src[i] === '"') {
      // Quoted: runs up to a quote that is not doubled; may hold commas and line breaks.
      field = '';
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) {
          field += src.slice(j);
          j = n;
          break;
        }
        field += src.slice(j, q);
        if (src[q + 1] === '"') {
          field += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      for (let k = field.indexOf('\n'); k >= 0; k = field.indexOf('\n', k + 1)) line++;
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      delimiter.lastIndex = j;
      const d = delimiter.exec(src);
      const stop = d ? d.index : n;
      field += src.slice(j, stop);
      i = stop;
    } else {
      delimiter.lastIndex = i;
      const d = delimiter.exec(src);
      const stop = d ? d.index : n;
      field = src.slice(i, stop);
      i = stop;
    }
    fields.push(field);
    const c = src[i];
    if (c === sep) {
      i++;
      if (i === n) fields.push('');
      else continue;
    }
    if (c === '\r' && src[i + 1] === '\n') i++;
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    i++;
    line++;
    start = line;
  }
  return records;
}

/** Turns records into objects keyed by the header (first record), trimming header names. */
export function withHeader(records: CsvRecord[]): { header: string[]; rows: { line: number; fieldCount: number; values: Record<string, string> }[] } {
  const [first, ...rest] = records;
  const header = (first?.fields ?? []).map((h) => h.trim().toLowerCase());
  const rows = rest.map((r) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = r.fields[i] ?? '';
    });
    return { line: r.line, fieldCount: r.fields.length, values };
  });
  return { header, rows };
}

/** Reads bytes as UTF-8, or as Windows-1252 (how legacy TCVN3/VNI files show up) when they are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function cell(v: string): string {
  return /[",;\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** RFC 4180 text: a header line and the rows, fields quoted when they hold a comma, semicolon, quote or line break. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
