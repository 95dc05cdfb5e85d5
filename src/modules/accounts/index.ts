// Accounts and access: citizen registration and sign-in, staff accounts with roles and two-step verification,
// password resets, API tokens. Other modules read who is signed in from `req.user` (platform/auth) and may
// use the lookups below.
import type { Kysely } from 'kysely';
import type { Module } from '../../platform/module.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Role, SessionUser } from '../../platform/auth/roles.ts';
import { intakeRepo } from './repo-intake.ts';
import { accountsRoutes } from './routes/index.ts';
import { presetDemoTotpOnOlderDemoData, seedDemoAccounts } from './demo.ts';
import { accountsDb, accountsRepo, type StaffSummary } from './repo.ts';
import { registerAccountJobs } from './jobs.ts';
import { sealPlaintextTotpSecrets } from './totp-secrets.ts';

export type { StaffSummary };
/** Vietnamese phone numbers as every module stores (E.164) and shows them (0912 345 678). */
export { normalisePhone, displayPhone } from './validate.ts';

export const accountsModule: Module = {
  name: 'accounts',
  routes: (app, platform) => accountsRoutes(app, platform),
  // TOTP secrets written before they were sealed are sealed under the configured key; older demo data gets the demo
  // secret where two-step verification is now mandatory (both idempotent).
  startup: async (platform) => {
    await sealPlaintextTotpSecrets(platform);
    await presetDemoTotpOnOlderDemoData(platform);
  },
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

/** The citizen account of a citizen-ID number and its proven e-mail (null if not proven), or undefined (the licence
 * registry's notice before expiry goes only to an address its owner proved). */
export async function findCitizenByPersonalId(db: Kysely<PlatformTables>, personalId: string): Promise<{ id: number; fullName: string; email: string | null } | undefined> {
  const row = await accountsDb(db)
    .selectFrom('accounts')
    .select(['id', 'full_name', 'email', 'email_verified_at'])
    .where('personal_id', '=', personalId)
    .where('kind', '=', 'citizen')
    .executeTakeFirst();
  return row ? { id: row.id, fullName: row.full_name, email: row.email_verified_at ? row.email : null } : undefined;
}

/** A citizen account's id by its username (the transit officer's search); undefined for none or a staff account. */
export async function findCitizenIdByUsername(db: Kysely<PlatformTables>, username: string): Promise<number | undefined> {
  const row = await accountsDb(db).selectFrom('accounts').select('id').where('username', '=', username).where('kind', '=', 'citizen').executeTakeFirst();
  return row?.id;
}

/** Full names of accounts by id (lists that show people: handlers of a document, lead handlers in a register). */
export async function accountNames(db: Kysely<PlatformTables>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await accountsDb(db).selectFrom('accounts').select(['id', 'full_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** A staff account's agency, or undefined for a citizen or an unknown id (e.g. the staff directory links only its own agency's staff). */
export async function findStaffAgencyId(db: Kysely<PlatformTables>, id: number): Promise<number | undefined> {
  const a = await accountsRepo.findById(accountsDb(db), id);
  return a?.kind === 'staff' && a.agency_id !== null ? a.agency_id : undefined;
}

/**
 * The contacts an account has proven (a code sent there was typed back), null for one not proven: a citizen's dossier
 * carries these, never what a request says (issue 10: a receipt goes only where its owner proved they read).
 */
export async function findVerifiedContacts(db: Kysely<PlatformTables>, id: number): Promise<{ phone: string | null; email: string | null }> {
  const a = await accountsRepo.findById(accountsDb(db), id);
  return { phone: a?.phone_verified_at ? a.phone : null, email: a?.email_verified_at ? a.email : null };
}

/** The agencies a staff account submits dossiers for on another person's behalf (issue 10): none without the role
 * "intake"; with it, its own agency and those listed for it (intake_agencies). */
export async function intakeAgencyIds(db: Kysely<PlatformTables>, user: SessionUser): Promise<number[]> {
  if (user.kind !== 'staff' || !user.roles.includes('intake')) return [];
  const listed = await intakeRepo.agencyIds(db, user.id);
  return user.agencyId === null ? listed : [user.agencyId, ...listed.filter((id) => id !== user.agencyId)];
}

export { intakeRepo } from './repo-intake.ts';
export { createStaffAccount, findAgencyIdByCode } from './admin.ts';
export { requireVerifiedContact } from './verify-contact.ts';
