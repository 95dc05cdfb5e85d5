// Administrative units and agencies: the module's public surface. Other modules call these functions (never
// the tables): findUnit/listUnits for addresses and filters, findAgencyById/findAgencyByCode/listAgencies for
// staff accounts and dossier codes, resolveOldUnit for records made before the 2025 merger.
import type { Module } from '../../platform/module.ts';
import { unitsRoutes } from './routes.ts';
import { seedUnitsReference } from './reference.ts';

export const unitsModule: Module = {
  name: 'units',
  routes: (app, platform) => unitsRoutes(app, platform),
  seedReference: async (platform) => {
    await seedUnitsReference(platform.database.db);
  },
};

export {
  findUnit,
  getUnit,
  getUnitDetail,
  listUnits,
  resolveOldUnit,
  findAgency,
  findAgencyById,
  findAgencyByCode,
  getAgency,
  listAgencies,
  invalidateUnitCache,
  type AgencyWithUnit,
  type UnitDetail,
} from './service.ts';
export { importUnitFile, seedUnitsReference, HOME_PROVINCE, SHIPPED_UNITS, AGENCIES_FILE, type ImportReport } from './reference.ts';
export { issueText, type ImportIssue, type UnitFileKind } from './import.ts';
export { UnitErrors } from './errors.ts';
export {
  Agency,
  AgencyKind,
  AGENCY_KINDS,
  AGENCY_CODE,
  Unit,
  UNIT_CODE,
  type FormerUnit,
  type UnitHistoryEntry,
  type UnitSummary,
  type UnitFilter,
  type AgencyFilter,
} from './schema.ts';
export { agencyKindLabels, unitTypeLabels } from './messages.ts';
// The RFC 4180 reader that names each record's line, shared with other importers (the transit GTFS import).
