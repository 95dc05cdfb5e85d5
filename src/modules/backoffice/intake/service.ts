// Counter intake (issue 4): which procedures a one-stop officer may take a walk-in dossier for, and the procedure they
// open. The officer's agency receives the dossier (submitDossier with channel 'counter'), so the catalogue offered is
// what that agency may receive (agency.ts receivingAgencies, DOMAIN §2): a commune committee the commune-level
// procedures, a department the province-level ones, the city's service centre every procedure.
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../../platform/auth/roles.ts';
import { findAgencyById, type Agency, type AgencyKind } from '../../units/index.ts';
import { loadAddressUnits, type AddressUnit } from '../../eforms/index.ts';
import { searchProcedures, MAX_LIMIT, type Level, type SearchResult } from '../../procedures/index.ts';
import { receivingAgencies, findProcedureForDossier, type DossierProcedure, DossierErrors } from '../../dossiers/index.ts';
import { IntakeErrors } from './errors.ts';

export const PAGE_SIZE = 20;
/** The catalogue search refuses longer queries. */
export const MAX_QUERY = 200;

/** The level of procedures each receiving kind of agency takes; null: every level. Mirrors receivingAgencies. */
const LEVEL_OF_KIND: Partial<Record<AgencyKind, Level | null>> = {
  commune_committee: 'commune',
  department: 'province',
  service_centre: null,
};

export interface IntakeDesk {
  user: SessionUser;
  agency: Agency;
  /** The procedures' level this agency receives; null: every level. */
  level: Level | null;
}

/** The one-stop officer and their agency, which must be one that receives dossiers. */
export async function intakeDesk(platform: Platform, actor: Actor): Promise<IntakeDesk> {
  const user = requireStaff(actor, Role.oneStopOfficer);
  const agency = user.agencyId !== null ? await findAgencyById(platform.database.db, user.agencyId) : undefined;
  const level = agency ? LEVEL_OF_KIND[agency.kind] : undefined;
  if (!agency || level === undefined) throw IntakeErrors.NOT_RECEIVING_AGENCY();
  return { user, agency, level };
}

export interface ProcedureChoice extends SearchResult {
  desk: IntakeDesk;
  page: number;
  pages: number;
}

/** A page of the procedures the officer's agency receives, found by name or code (the catalogue's search). */
export async function findIntakeProcedures(platform: Platform, actor: Actor, opts: { q: string; page: number }): Promise<ProcedureChoice> {
  const desk = await intakeDesk(platform, actor);
  const q = opts.q.trim().slice(0, MAX_QUERY);
  const page = Math.max(1, Math.min(opts.page, Math.floor(100_000 / PAGE_SIZE)));
  const limit = Math.min(PAGE_SIZE, MAX_LIMIT);
  const r = await searchProcedures(platform.database.db, { q, level: desk.level ?? undefined, limit, offset: (page - 1) * limit });
  return { ...r, desk, page, pages: Math.max(1, Math.ceil(r.total / limit)) };
}

export interface IntakeForm {
  desk: IntakeDesk;
  procedure: DossierProcedure;
  units: AddressUnit[];
}

/** The procedure in force today, if the officer's agency receives it; with the communes for the address fields. */
export async function intakeProcedure(platform: Platform, actor: Actor, code: string): Promise<IntakeForm> {
  const desk = await intakeDesk(platform, actor);
  const db = platform.database.db;
  const procedure = await findProcedureForDossier(db, code);
  if (!procedure) throw DossierErrors.PROCEDURE_NOT_FOUND();
  const [agencies, units] = await Promise.all([receivingAgencies(db, procedure), loadAddressUnits(db)]);
  if (!agencies.some((a) => a.id === desk.agency.id)) throw IntakeErrors.NOT_RECEIVED_HERE({ details: { code: procedure.code } });
  return { desk, procedure, units };
}
