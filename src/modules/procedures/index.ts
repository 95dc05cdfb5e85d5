// The catalogue of administrative procedures (DOMAIN §3): versioned procedures with typed processing time, fees and
// required documents, a search that forgives missing accents, typos and everyday words, public pages and API, and
// the administrators' synonym list. Other modules use the functions below, never the tables:
//   const p = await getProcedure(db, '1.001193');            // current version + version list; throws when unknown
//   const v = await findVersionInForce(db, code, '2026-03-02'); // the version a dossier received that day follows
//   await publishServiceConfig(db, admin, code, { eform, workflowRef, onlineLevel: 'full' }); // new version (e-forms)
import type { Module } from '../../platform/module.ts';
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
export { readProcedureFile, UnknownFormatError, type RawRecord, type ReadResult } from './reader.ts';
export type { ImportReport, ImportOptions, FieldReport, UnparsedExample } from './import.ts';
export { SHIPPED_PROCEDURES } from './seed.ts';
export { ProcedureErrors } from './errors.ts';
export { parseProcessingTime } from './parse/time.ts';
export { parseFees } from './parse/fees.ts';
export { parseDocuments } from './parse/documents.ts';
export { channelLabels, levelLabels, onlineLevelLabels, timeUnitLabels } from './messages.ts';
export * from './schema.ts';
