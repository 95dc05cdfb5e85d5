// Test helpers: records of the shipped national data, picked by code, and the whole catalogue imported once.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { readProcedureFile, type RawRecord } from './reader.ts';
import { SHIPPED_PROCEDURES } from './seed.ts';
import { importCatalogue } from './service.ts';
import type { ImportReport } from './import.ts';

let shipped: RawRecord[] | undefined;

export function shippedRecords(): RawRecord[] {
  shipped ??= readProcedureFile(readFileSync(SHIPPED_PROCEDURES)).records;
  return shipped;
}

/** Copies of the shipped records with these codes, numbered as lines 1, 2, … of a file. */
export function recordsFor(codes: readonly string[]): RawRecord[] {
  const byCode = new Map(shippedRecords().map((r) => [(r.data as { ma_thu_tuc: string }).ma_thu_tuc, r.data]));
  return codes.map((code, i) => {
    const data = byCode.get(code);
    if (!data) throw new Error(`no procedure ${code} in the shipped data`);
    return { line: i + 1, data: structuredClone(data) };
  });
}

export function importForTest(db: Kysely<PlatformTables>, records: readonly RawRecord[], effectiveFrom = '2026-01-01'): Promise<ImportReport> {
  return importCatalogue(db, records, { effectiveFrom, source: 'import:test', actor: { id: null, label: 'test' } });
}

/** The procedures the pages and API tests look at, with some of their neighbours. */
export const SAMPLE_CODES = [
  '1.001193',
  '1.000894',
  '1.004222',
  '3.000346',
  '3.000347',
  '3.000348',
  '2.000815',
  '1.001456',
  '1.012783',
  '1.000232',
  '1.000178',
  '1.003460',
] as const;
