// Accounts and access: citizen registration and sign-in, staff accounts with roles and two-step verification,
// password resets, API tokens. Other modules read who is signed in from `req.user` (platform/auth) and may
// use the lookups below.
import type { Kysely } from 'kysely';
import type { Module } from '../../platform/module.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { accountsRoutes } from './routes/index.ts';
import { seedDemoAccounts } from './demo.ts';
import { accountsDb, accountsRepo, type StaffSummary } from './repo.ts';
import { registerAccountJobs } from './jobs.ts';

export type { StaffSummary };

export const accountsModule: Module = {
  name: 'accounts',
  routes: (app, platform) => accountsRoutes(app, platform),
  seedDemo: (platform) => seedDemoAccounts(platform),
  jobs: (platform) => registerAccountJobs(platform),
};

/** Active staff of an agency holding a role (e.g. the leaders who may approve), for other modules' assignment lists. */
export async function findStaffWithRole(db: Kysely<PlatformTables>, agencyId: number, role: Role): Promise<StaffSummary[]> {
  return accountsRepo.staffWithRole(accountsDb(db), agencyId, role);
}

/** Contact details of an account (for notifications), or undefined. */
export async function findAccountContact(
  db: Kysely<PlatformTables>,
  id: number,
): Promise<{ fullName: string; email: string | null; phone: string | null; personalId: string | null } | undefined> {
  return accountsRepo.contact(accountsDb(db), id);
}

export { createStaffAccount, findAgencyIdByCode } from './admin.ts';
export { requireVerifiedContact } from './verify-contact.ts';
