// Test fixture: a slice of the shipped catalogue (the everyday procedures the generator weights, and every 12th other
// commune- or city-level one), imported through the catalogue's own import: real procedures, a fraction of the time.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { importCatalogue, readProcedureFile, SHIPPED_PROCEDURES } from '../../procedures/index.ts';
import { COMMON_COMMUNE, COMMON_PROVINCE } from './procedures.ts';

export async function importSampleCatalogue(db: Kysely<PlatformTables>): Promise<number> {
  const { records } = readProcedureFile(readFileSync(SHIPPED_PROCEDURES));
  const common = new Set([...Object.keys(COMMON_COMMUNE), ...Object.keys(COMMON_PROVINCE)]);
  const field = (r: { data: unknown }, key: string) => String((r.data as Record<string, unknown>)[key] ?? '');
  const local = records.filter((r) => /Cấp (xã|tỉnh)/.test(field(r, 'cap_thuc_hien')));
  const sample = local.filter((r, i) => common.has(field(r, 'ma_thu_tuc')) || i % 12 === 0);
  const report = await importCatalogue(db, sample, { effectiveFrom: '2024-01-01', source: 'test', actor: { id: null, label: 'test' } });
  if (report.failed.length > 0) throw new Error(`sample catalogue not imported: ${JSON.stringify(report.failed.slice(0, 3))}`);
  return sample.length;
}
