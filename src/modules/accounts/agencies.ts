// Agencies come from the units module (its public functions, never its tables): names for profiles and
// sessions, the choices of the administration form, codes for the command line and the demo seed.
// Inside a transaction pass the transaction, not the pool (PGlite has a single connection).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { findAgencyByCode, findAgencyById, listAgencies } from '../units/index.ts';
import { accountsDb, accountsRepo, type Account, type AccountRoles, type AccountWithRoles, type AgencyOption } from './repo.ts';

type Db = Kysely<PlatformTables>;

export async function withAgencyName(db: Db, a: AccountRoles): Promise<AccountWithRoles> {
  const agency = a.agency_id == null ? undefined : await findAgencyById(db, a.agency_id);
  return { ...a, agencyName: agency?.name ?? null };
}

/** An account with its roles and agency name, or undefined. */
export async function loadAccount(db: Db, id: number): Promise<AccountWithRoles | undefined> {
  const a = await accountsRepo.findById(accountsDb(db), id);
  return a ? describeAccount(db, a) : undefined;
}

export async function describeAccount(db: Db, a: Account): Promise<AccountWithRoles> {
  return withAgencyName(db, await accountsRepo.withRoles(accountsDb(db), a));
}

/** Every staff account with its agency's name (one query for the names). */
export async function listStaffWithAgencies(db: Db): Promise<AccountWithRoles[]> {
  const [staff, agencies] = [await accountsRepo.listStaff(accountsDb(db)), await listAgencies(db, { includeInactive: true })];
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  return staff.map((a) => ({ ...a, agencyName: a.agency_id == null ? null : (names.get(a.agency_id) ?? null) }));
}

export async function agencyOptions(db: Db): Promise<AgencyOption[]> {
  return (await listAgencies(db)).map((a) => ({ id: a.id, code: a.code, name: a.name }));
}

export async function agencyExists(db: Db, id: number): Promise<boolean> {
  return !!(await findAgencyById(db, id))?.active;
}

export async function agencyIdByCode(db: Db, code: string): Promise<number | undefined> {
  return (await findAgencyByCode(db, code.trim()))?.id;
}

/** The agency with this code, else the first active one of the kind (a deployment with its own codes). */
export async function agencyByCodeOrKind(db: Db, code: string, kind: 'commune_committee' | 'service_centre'): Promise<AgencyOption | undefined> {
  const a = (await findAgencyByCode(db, code)) ?? (await listAgencies(db, { kind }))[0];
  return a ? { id: a.id, code: a.code, name: a.name } : undefined;
}
