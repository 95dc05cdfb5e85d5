// Writes a fare table back as GTFS-Fares v2 files plus the x_* extensions (file name → CSV text), in the column
// order of files.ts, so that load → export → load gives the same table.
import { toCsv } from '../../../platform/text/index.ts';
import { FILES, TABLE_NAMES, type Column } from './files.ts';
import type { FareTable } from './model.ts';

function format(col: Column, v: string | number | undefined): string {
  if (v === undefined) return '';
  if (col.kind.t === 'date') return String(v).replaceAll('-', '');
  return String(v);
}

export function exportGtfsFares(fares: FareTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of TABLE_NAMES) {
    const columns: readonly Column[] = FILES[name].columns;
    const rows = fares.raw[name].map((r) => columns.map((c) => format(c, r[c.name])));
    out[FILES[name].file] = toCsv(columns.map((c) => c.name), rows);
  }
  return out;
}
