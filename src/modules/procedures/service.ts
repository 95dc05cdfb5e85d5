// The catalogue's rules: reading procedures and their versions (public), importing them, and publishing a new
// version with another online-service configuration (e-form, workflow, online level), which is the plug for the
// e-forms and dossier modules.
import type { Kysely } from 'kysely';
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { isValidIsoDate, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { cached, invalidate } from './cache.ts';
import { ProcedureErrors } from './errors.ts';
import { importProcedures, type ImportOptions, type ImportReport } from './import.ts';
import { configErrors as m } from './messages.ts';
import type { RawRecord } from './reader.ts';
import { proceduresDb, proceduresRepo } from './repo.ts';
import { searchRepo } from './search-repo.ts';
import { isProcedureCode, ONLINE_LEVELS, type OnlineLevel, type ProcedureDetail, type ProcedureVersion, type ServiceConfig } from './schema.ts';

export function today(): string {
  return vietnamDateOf(new Date());
}

/** The procedure with its current version and the list of all its versions; throws when there is none. */
export async function getProcedure(db: Kysely<PlatformTables>, code: string): Promise<ProcedureDetail> {
  if (!isProcedureCode(code)) throw ProcedureErrors.PROCEDURE_NOT_FOUND({ details: { code } });
  const pdb = proceduresDb(db);
  const row = await proceduresRepo.find(pdb, code);
  const current = row && (await proceduresRepo.findVersion(pdb, code, row.current_version));
  if (!row || !current) throw ProcedureErrors.PROCEDURE_NOT_FOUND({ details: { code } });
  return { ...current, nameEn: row.name_en, currentVersion: row.current_version, versions: await proceduresRepo.versions(pdb, code) };
}

export async function getProcedureVersion(db: Kysely<PlatformTables>, code: string, version: number): Promise<ProcedureVersion> {
  const found = isProcedureCode(code) ? await proceduresRepo.findVersion(proceduresDb(db), code, version) : undefined;
  if (!found) throw ProcedureErrors.VERSION_NOT_FOUND({ details: { code, version } });
  return found;
}

/** The version in force on a date (YYYY-MM-DD), for a dossier received that day; undefined before the first one. */
export async function findVersionInForce(db: Kysely<PlatformTables>, code: string, date: string): Promise<ProcedureVersion | undefined> {
  if (!isProcedureCode(code)) return undefined;
  return proceduresRepo.versionInForce(proceduresDb(db), code, date);
}

export async function countProcedures(db: Kysely<PlatformTables>): Promise<number> {
  return proceduresRepo.count(proceduresDb(db));
}

export interface Facets {
  /** Number of procedures in the catalogue. */
  total: number;
  fields: { value: string; count: number }[];
  agencies: { value: string; count: number }[];
}

export function listFacets(db: Kysely<PlatformTables>): Promise<Facets> {
  return cached(db, 'facets', () => searchRepo.facets(proceduresDb(db)));
}

/** Imports records (see import.ts) and drops this process's search caches. */
export async function importCatalogue(db: Kysely<PlatformTables>, records: readonly RawRecord[], opts: ImportOptions): Promise<ImportReport> {
  const report = await importProcedures(db, records, opts);
  if (report.created + report.updated > 0) invalidate(db, 'facets', 'wordCounts');
  return report;
}

export interface ServiceConfigInput {
  onlineLevel?: OnlineLevel | null;
  eform?: unknown;
  workflowRef?: string | null;
  /** YYYY-MM-DD; today when absent. */
  effectiveFrom?: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Publishes a new version of a procedure with the same content and another online-service configuration; the
 * previous versions stay as they were. Administrators only. The e-form is stored as given (a JSON Schema object);
 * its validation against the JSON Schema meta-schema belongs to the e-forms module that calls this.
 */
export async function publishServiceConfig(
  db: Kysely<PlatformTables>,
  actor: Actor,
  code: string,
  input: ServiceConfigInput,
  ip?: string,
): Promise<ProcedureDetail> {
  const user = requireStaff(actor, 'admin');
  const current = await getProcedure(db, code);
  const next: ServiceConfig = {
    onlineLevel: input.onlineLevel === undefined ? current.onlineLevel : input.onlineLevel,
    eform: input.eform === undefined ? current.eform : input.eform,
    workflowRef: input.workflowRef === undefined ? current.workflowRef : input.workflowRef,
  };
  const effectiveFrom = input.effectiveFrom ?? today();
  const errors: FieldError[] = [];
  if (next.onlineLevel !== null && !ONLINE_LEVELS.includes(next.onlineLevel)) errors.push({ field: 'onlineLevel', message: m.onlineLevel });
  if (next.onlineLevel !== null && !current.channels.includes('online')) errors.push({ field: 'onlineLevel', message: m.notOnline });
  if (next.eform !== null && !isPlainObject(next.eform)) errors.push({ field: 'eform', message: m.eform });
  if (next.workflowRef !== null && (typeof next.workflowRef !== 'string' || next.workflowRef.length > 200)) errors.push({ field: 'workflowRef', message: m.workflowRef });
  if (!isValidIsoDate(effectiveFrom) || effectiveFrom < current.effectiveFrom) errors.push({ field: 'effectiveFrom', message: m.effectiveFrom });
  if (errors.length > 0) throw ProcedureErrors.INVALID_SERVICE_CONFIG({ fields: errors });

  await db.transaction().execute(async (trx) => {
    const version = current.currentVersion + 1;
    const { versions: _v, currentVersion: _c, nameEn: _n, ...content } = current;
    await proceduresRepo.writeVersions(proceduresDb(trx), [
      { code, version, effectiveFrom, contentHash: current.contentHash, source: `admin:${user.username}`, content, ...next },
    ]);
    await recordAudit(trx, {
      actor: user,
      action: 'procedures.service_config',
      entity: 'procedure',
      entityId: code,
      ip: ip ?? null,
      data: { version, effectiveFrom, before: { onlineLevel: current.onlineLevel, eform: current.eform, workflowRef: current.workflowRef }, after: next },
    });
  });
  invalidate(db, 'facets');
  return getProcedure(db, code);
}
