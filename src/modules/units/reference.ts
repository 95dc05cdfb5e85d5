// Loading units and agencies: the reference seed at every start (Hà Nội's units, all provinces, Hà Nội's
// old → new mapping, the configured agencies) and `egov import units <file>`. Both write through one
// transaction with an audit row, and both are idempotent: unchanged rows are not touched.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { getSetting, setSetting } from '../../platform/db/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { nfc } from '../../platform/text/index.ts';
import { decodeText } from '../../platform/text/index.ts';
import { UnitErrors } from './errors.ts';
import { checkReferences, issueText, prepareUnitFile, referencedCodes, type ImportIssue, type PreparedFile, type ProvinceScope, type UnitFileKind } from './import.ts';
import { unitsDb, unitsRepo, type UnitsDb, type UpsertCounts } from './repo.ts';
import { agencyRepo, type AgencyInsert } from './agency-repo.ts';
import { invalidateUnitCache } from './service.ts';
import { AgencyFile, PROVINCE_CODE } from './schema.ts';

const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));
export const SHIPPED_UNITS = {
  provinces: join(DATA_DIR, 'admin_units/provinces_2025.csv'),
  wards: join(DATA_DIR, 'admin_units/wards_2025.csv'),
  mapping: join(DATA_DIR, 'admin_units/old_to_new_ward_mapping.csv'),
} as const;
// The agency list is configuration, not code: administrators edit the file and the next start applies it. Its
// 13-character identifiers follow the QCVN 102:2016 pattern under a documented scheme (see the file's "scheme"),
// but they are configurable data, not the official assignments, which each province makes itself.
export const AGENCIES_FILE = join(DATA_DIR, 'agencies/hanoi.json');
/** The province the platform serves (Hà Nội); its units and old → new rows are loaded at every first start. */
export const HOME_PROVINCE = '01';
/** Bump when the shipped units files change, so that existing installations load them again. */
export const UNITS_REFERENCE_VERSION = '2025-07-01.1';
const SETTING = 'units.reference';
const SEED_LOCK = 4_242_002;

export interface ImportReport {
  kind: UnitFileKind;
  encoding: 'utf-8' | 'windows-1252';
  /** Data rows in the file. */
  total: number;
  /** Rows of other provinces, left out by the province option. */
  skipped: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Fields converted from TCVN3/VNI to Unicode. */
  converted: number;
  issues: ImportIssue[];
}

async function applyPrepared(db: UnitsDb, prepared: PreparedFile): Promise<UpsertCounts> {
  const existing = await unitsRepo.existingCodes(db, referencedCodes(prepared));
  checkReferences(prepared, existing);
  if (prepared.kind === 'mapping') return unitsRepo.upsertHistory(db, prepared.rows.map((r) => r.entry));
  return unitsRepo.upsert(db, prepared.rows.map((r) => r.unit));
}

function checkScope(scope: string): ProvinceScope {
  if (scope !== 'all' && !PROVINCE_CODE.test(scope)) throw UnitErrors.UNIT_CODE_MALFORMED();
  return scope;
}

/**
 * Imports one units file (provinces, wards or mapping, told apart by the header) in one transaction: valid rows
 * are upserted, each bad row is reported with its line and reason, and rows whose province or new unit is not in
 * the database are refused so that the foreign keys hold.
 */
export async function importUnitFile(
  db: Kysely<PlatformTables>,
  input: Uint8Array | string,
  opts: { province?: string; actor: { id: number | null; label: string }; source?: string },
): Promise<ImportReport> {
  const scope = checkScope(opts.province ?? HOME_PROVINCE);
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeText(input);
  const prepared = prepareUnitFile(nfc(text), scope);
  if (prepared.kind === undefined) throw UnitErrors.UNIT_FILE_UNKNOWN({ details: { header: prepared.header.slice(0, 20) } });
  const counts = await db.transaction().execute(async (trx) => {
    const c = await applyPrepared(unitsDb(trx), prepared);
    await recordAudit(trx, {
      actor: opts.actor,
      action: 'units.import',
      entity: prepared.kind === 'mapping' ? 'unit_history' : 'units',
      data: { source: opts.source ?? null, kind: prepared.kind, province: scope, ...c, issues: prepared.issues.length },
    });
    return c;
  });
  invalidateUnitCache();
  const valid = prepared.rows.length;
  return {
    kind: prepared.kind,
    encoding,
    total: prepared.total,
    skipped: prepared.skipped,
    ...counts,
    unchanged: valid - counts.inserted - counts.updated,
    converted: prepared.converted,
    issues: prepared.issues,
  };
}

/** AGENCY_FILE_INVALID naming the file and the problem (it stops the start: a wrong configuration must be seen). */
function invalidAgencyFile(path: string, where: string): Error {
  const spec = UnitErrors.AGENCY_FILE_INVALID().text;
  return UnitErrors.AGENCY_FILE_INVALID({ vi: `${spec.vi} ${path}: ${where}`, en: `${spec.en} ${path}: ${where}`, details: { path, where } });
}

function readAgencyFile(path: string): { file: AgencyFile; hash: string } {
  const bytes = readFileSync(path);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw invalidAgencyFile(path, (err as Error).message);
  }
  const parsed = AgencyFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidAgencyFile(path, issue ? `${issue.path.join('.')}: ${issue.message}` : '');
  }
  return { file: parsed.data, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** Applies the agency configuration: upsert by code, link parents, mark agencies no longer listed inactive. */
async function applyAgencies(db: UnitsDb, file: AgencyFile, path: string): Promise<{ inserted: number; updated: number; deactivated: number }> {
  const invalid = (where: string): Error => invalidAgencyFile(path, where);
  const codes = new Set<string>();
  for (const a of file.agencies) {
    if (codes.has(a.code)) throw invalid(`duplicate agency code ${a.code}`);
    codes.add(a.code);
  }
  const existingUnits = await unitsRepo.existingCodes(db, file.agencies.map((a) => a.unitCode));
  for (const a of file.agencies) {
    if (!existingUnits.has(a.unitCode)) throw invalid(`${a.code}: unit ${a.unitCode} is not loaded`);
    if (a.parentCode !== undefined && (!codes.has(a.parentCode) || a.parentCode === a.code)) throw invalid(`${a.code}: parent ${a.parentCode} is not in the list`);
  }
  const rows: AgencyInsert[] = file.agencies.map((a) => ({
    code: a.code,
    kind: a.kind,
    name: nfc(a.name),
    name_en: a.nameEn ?? null,
    short_name: a.shortName ?? null,
    unit_code: a.unitCode,
    address: a.address ?? null,
    phone: a.phone ?? null,
    email: a.email ?? null,
    active: a.active ?? true,
  }));
  const counts = await agencyRepo.upsert(db, rows);
  const byParent = new Map<string | null, string[]>();
  for (const a of file.agencies) byParent.set(a.parentCode ?? null, [...(byParent.get(a.parentCode ?? null) ?? []), a.code]);
  for (const [parent, children] of byParent) await agencyRepo.setParent(db, parent, children);
  const deactivated = await agencyRepo.deactivateOthers(db, [...codes]);
  return { ...counts, deactivated };
}

interface SeedState {
  units?: string;
  agencies?: string;
}

/**
 * Runs at every start. First start: all 34 provinces, Hà Nội's 126 units and its old → new rows, and the
 * agencies, in one transaction. Later starts: one settings read (and a hash of the small agency file), nothing
 * else unless the shipped version or the agency file changed.
 */
export async function seedUnitsReference(db: Kysely<PlatformTables>, opts: { agencyFile?: string } = {}): Promise<boolean> {
  const agencyPath = opts.agencyFile ?? AGENCIES_FILE;
  const agencies = readAgencyFile(agencyPath);
  const done = (s: SeedState | undefined): { units: boolean; agencies: boolean } => ({
    units: s?.units === UNITS_REFERENCE_VERSION,
    agencies: s?.agencies === agencies.hash,
  });
  const before = done(await getSetting<SeedState>(db, SETTING));
  if (before.units && before.agencies) return false;

  // Files are parsed before the transaction opens, to keep it short (PGlite has one connection).
  const files = before.units
    ? []
    : (['provinces', 'wards', 'mapping'] as const).map((k) => {
        const prepared = prepareUnitFile(nfc(readFileSync(SHIPPED_UNITS[k], 'utf8')), HOME_PROVINCE);
        if (prepared.kind !== k || prepared.issues.length > 0) {
          const first = prepared.kind === undefined ? 'unknown header' : prepared.issues.map(issueText)[0];
          throw new Error(`shipped units file ${SHIPPED_UNITS[k]} is not valid: ${first ?? ''}`);
        }
        return prepared;
      });

  await db.transaction().execute(async (trx) => {
    // Two servers starting at once: the second waits here, then finds the work done.
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const now = done(await getSetting<SeedState>(trx, SETTING));
    const udb = unitsDb(trx);
    const data: Record<string, unknown> = {};
    if (!now.units) {
      for (const prepared of files) data[prepared.kind] = await applyPrepared(udb, prepared);
    }
    if (!now.agencies) data.agencies = await applyAgencies(udb, agencies.file, agencyPath);
    if (now.units && now.agencies) return;
    await setSetting(trx, SETTING, { units: UNITS_REFERENCE_VERSION, agencies: agencies.hash } satisfies SeedState);
    await recordAudit(trx, { actor: { id: null, label: 'system' }, action: 'units.seed_reference', entity: 'units', data });
  });
  invalidateUnitCache();
  return true;
}
