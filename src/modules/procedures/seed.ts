// Reference data (the first synonyms, the English names of procedures) and the demo catalogue: the 2,642 procedures
// shipped in data/procedures/, imported when the catalogue is empty.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Platform } from '../../platform/http/context.ts';
import { readProcedureFile } from './reader.ts';
import { countProcedures, importCatalogue, today } from './service.ts';
import { loadEnglishNames, readShippedNames } from './names-en.ts';
import { seedSynonyms } from './synonyms.ts';

export const SHIPPED_PROCEDURES = fileURLToPath(new URL('../../../data/procedures/tthc_dichvucong_2026.jsonl.gz', import.meta.url));

export async function seedProceduresReference(platform: Platform): Promise<void> {
  await seedSynonyms(platform.database.db);
  await loadEnglishNames(platform.database.db, readShippedNames().names);
}

export async function seedProceduresDemo(platform: Platform): Promise<void> {
  const db = platform.database.db;
  if ((await countProcedures(db)) > 0) return;
  const { records } = readProcedureFile(readFileSync(SHIPPED_PROCEDURES));
  await importCatalogue(db, records, { effectiveFrom: today(), source: 'import:demo', actor: { id: null, label: 'seed' } });
}
