// The catalogue of administrative procedures (DOMAIN §3): versioned procedures with typed processing time, fees and
// required documents, a search that forgives missing accents, typos and everyday words, public pages and API, and
// the administrators' synonym list. Other modules use the functions below, never the tables:
//   const p = await getProcedure(db, '1.001193');            // current version + version list; throws when unknown
//   const v = await findVersionInForce(db, code, '2026-03-02'); // the version a dossier received that day follows
//   await publishServiceConfig(db, admin, code, { eform, workflowRef, onlineLevel: 'full' }); // new version (e-forms)
//   const fee = feeFor(v, { date: '2026-12-01', channel: 'online' });  // the fee that applies: fee.amountDong
import type { Module } from '../../platform/module.ts';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { proceduresDb } from './repo.ts';
import { procedurePages } from './pages.ts';
import { procedureApi } from './api.ts';
import { synonymAdminRoutes } from './admin-routes.ts';
import { seedProceduresDemo, seedProceduresReference } from './seed.ts';

export const proceduresModule: Module = {
  name: 'procedures',
  routes: async (app, platform) => {
    await procedurePages(app, platform);
    await procedureApi(app, platform);
    await synonymAdminRoutes(app, platform);
  },
  seedReference: (platform) => seedProceduresReference(platform),
  seedDemo: (platform) => seedProceduresDemo(platform),
};

export {
  getProcedure,
  getProcedureVersion,
  findVersionInForce,
  countProcedures,
  listFacets,
  importCatalogue,
  publishServiceConfig,
  type ServiceConfigInput,
  type Facets,
} from './service.ts';
export { searchProcedures, MAX_LIMIT, DEFAULT_LIMIT, type SearchParams, type SearchResult } from './search.ts';
export { expandWithSynonyms } from './search.ts';
export { readProcedureFile, UnknownFormatError, type RawRecord, type ReadResult } from './reader.ts';
export type { ImportReport, ImportOptions, FieldReport, UnparsedExample } from './import.ts';
export { SHIPPED_PROCEDURES } from './seed.ts';
export { ProcedureErrors } from './errors.ts';
export { parseProcessingTime } from './parse/time.ts';
export { parseTimeOverrides, type TimeOverrides } from './parse/time-overrides.ts';
export { parseFees } from './parse/fees.ts';
export { onlineSubmission, timeLimitOf, type OnlineSubmission, type OnlineCandidate, type TimeLimit } from './online.ts';
export { feeFor, feesToday, type FeeQuote, type FeeQuoteLine, type FeeQuery } from './fees.ts';
export { parseDocuments } from './parse/documents.ts';
export { channelLabels, feeWords, levelLabels, onlineLevelLabels, timeUnitLabels } from './messages.ts';
export { formatPeriod, formatQuoteLine, formatRate, formatTime, formatTimeRule } from './format.ts';
export * from './schema.ts';

// ---- For the dossiers module's service-quality figures (DOMAIN §6): which codes a field holds, and how much of the
// catalogue in scope is published with full data and offered online. Kept here, small, so that no other module
// reads the catalogue's tables.

/** The codes of the procedures of a field (lĩnh vực), in code order. */
export async function procedureCodesOfField(db: Kysely<PlatformTables>, field: string): Promise<string[]> {
  const rows = await proceduresDb(db).selectFrom('procedures').select('code').where('field', '=', field).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export interface CatalogueScope {
  /** Procedures implemented at any of these levels. */
  levels: readonly string[];
  /** Only procedures naming an agency that starts with this name (a department: "Sở Tư pháp"). */
  agencyName?: string | undefined;
  field?: string | undefined;
  code?: string | undefined;
}

export interface CatalogueCoverage {
  total: number;
  /** Can be submitted online (any level). */
  online: number;
  /** Toàn trình (Decree 42/2022). */
  fullOnline: number;
  /** The current version states processing time, documents, fees, steps, legal basis and result. */
  complete: number;
}

export async function catalogueCoverage(db: Kysely<PlatformTables>, scope: CatalogueScope): Promise<CatalogueCoverage> {
  const name = scope.agencyName ? `${scope.agencyName.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%` : null;
  const r = await sql<CatalogueCoverage>`
    select count(*)::int as total,
      count(*) filter (where p.online)::int as "online",
      count(*) filter (where p.online_level = 'full')::int as "fullOnline",
      count(*) filter (where v.processing_unit is not null and jsonb_array_length(v.documents) > 0
        and (coalesce(jsonb_array_length(v.fee_rules), 0) > 0 or v.fees_text is not null) and jsonb_array_length(v.steps) > 0
        and jsonb_array_length(v.legal_basis) > 0 and (jsonb_array_length(v.result) > 0 or v.result_text is not null))::int as complete
    from procedures p join procedure_versions v on v.code = p.code and v.version = p.current_version
    where p.levels && ${[...scope.levels]}::text[]
      and (${name}::text is null or exists (select 1 from unnest(p.agencies) a where a like ${name}))
      and (${scope.field ?? null}::text is null or p.field = ${scope.field ?? null})
      and (${scope.code ?? null}::text is null or p.code = ${scope.code ?? null})`.execute(db);
  return r.rows[0] ?? { total: 0, online: 0, fullOnline: 0, complete: 0 };
}
