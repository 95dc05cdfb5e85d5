// Administration of staff accounts (administrators only, and the `egov user create` command): create, change
// roles and agency, disable. Every change is audited with its before and after, and the account's open
// sessions pick up the new roles at once.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { requireStaff, type Actor } from '../../platform/auth/access.ts';
import { Role, type Role as RoleT } from '../../platform/auth/roles.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { destroyUserSessions, refreshUserSessions } from '../../platform/auth/sessions.ts';
import { listAudit, recordAudit, type AuditEntry, type AuditRow } from '../../platform/audit/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, accountsRepo, toSessionUser, type AccountWithRoles, type AgencyOption } from './repo.ts';
import { checkEmail, checkFullName, checkNewPassword, checkPhone, checkRoles, checkUsername, collect, type Check } from './validate.ts';
import { duplicateFromDb } from './register.ts';
import { agencyExists, agencyIdByCode, agencyOptions, listStaffWithAgencies, loadAccount } from './agencies.ts';
import { invalid as m } from './messages.ts';

export interface StaffInput {
  username: string;
  full_name: string;
  email: string;
  phone: string;
  /** Agency id (the form's select) — or null when the caller could not resolve one. */
  agency_id: number | null;
  roles: string[];
  password: string;
}

export interface StaffChange {
  agency_id: number | null;
  roles: string[];
  disabled: boolean;
  unlock: boolean;
  /** Turn off two-step verification (a lost phone); the staff member enrols again after signing in. */
  resetTotp?: boolean;
}

export async function listStaff(db: Kysely<PlatformTables>, actor: Actor): Promise<AccountWithRoles[]> {
  requireStaff(actor, Role.admin);
  return listStaffWithAgencies(db);
}

export async function listAgencyOptions(db: Kysely<PlatformTables>, actor: Actor): Promise<AgencyOption[]> {
  requireStaff(actor, Role.admin);
  return agencyOptions(db);
}

export async function getStaff(db: Kysely<PlatformTables>, actor: Actor, id: number): Promise<AccountWithRoles> {
  requireStaff(actor, Role.admin);
  const a = await loadAccount(db, id);
  if (!a || a.kind !== 'staff') throw AccountErrors.ACCOUNT_NOT_FOUND();
  return a;
}

/** The account's audit trail: sign-ins, changes of roles and data. */
export async function staffHistory(db: Kysely<PlatformTables>, actor: Actor, id: number): Promise<AuditRow[]> {
  requireStaff(actor, Role.admin);
  return listAudit(db, { entity: 'account', entityId: String(id), limit: 50 });
}

/** The id of the agency with this 13-character code (for the command line), or undefined. */
export async function findAgencyIdByCode(db: Kysely<PlatformTables>, code: string): Promise<number | undefined> {
  return agencyIdByCode(db, code);
}

async function checkAgency(db: Kysely<PlatformTables>, id: number | null): Promise<Check<number>> {
  return id != null && (await agencyExists(db, id)) ? { ok: true, value: id } : { ok: false, error: { field: 'agency_id', message: m.agencyUnknown } };
}

/** Creates a staff account; `auditActor` is the administrator, or `{ id: null, label: 'cli' }` for the command. */
export async function createStaffAccount(db: Kysely<PlatformTables>, input: StaffInput, auditActor: AuditEntry['actor'], ip: string | null = null): Promise<number> {
  const v = collect(
    {
      username: checkUsername('username', input.username),
      full_name: checkFullName('full_name', input.full_name),
      email: checkEmail('email', input.email),
      phone: checkPhone('phone', input.phone),
      agency_id: await checkAgency(db, input.agency_id),
      roles: checkRoles('roles', input.roles),
    },
    checkNewPassword('password', input.password, 'password', input.password),
  );
  const taken = await accountsRepo.taken(accountsDb(db), { username: v.username, email: v.email, phone: v.phone });
  if (taken.size) {
    const messages = { username: m.usernameTaken, email: m.emailTaken, phone: m.phoneTaken, personal_id: m.personalIdTaken };
    throw AccountErrors.DUPLICATE({ fields: [...taken].map((k): FieldError => ({ field: k, message: messages[k] })) });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await accountsRepo.insert(
        accountsDb(trx),
        {
          kind: 'staff',
          username: v.username,
          email: v.email,
          phone: v.phone,
          personal_id: null,
          full_name: v.full_name,
          password_hash: passwordHash,
          agency_id: v.agency_id,
          // The administrator (or the operator at the command line) vouches for a staff member's contacts.
          phone_verified_at: v.phone ? new Date() : null,
          email_verified_at: v.email ? new Date() : null,
        },
        v.roles,
      );
      const after = { username: v.username, full_name: v.full_name, email: v.email, phone: v.phone, agency_id: v.agency_id, roles: v.roles };
      await recordAudit(trx, { actor: auditActor, action: 'account.create', entity: 'account', entityId: id, agencyId: v.agency_id, ip, data: { after } });
      return id;
    });
  } catch (err) {
    const fields = duplicateFromDb(err);
    if (fields) throw AccountErrors.DUPLICATE({ fields });
    throw err;
  }
}

export async function createStaff(db: Kysely<PlatformTables>, actor: Actor, input: StaffInput, ip: string | null): Promise<number> {
  const admin = requireStaff(actor, Role.admin);
  return createStaffAccount(db, input, admin, ip);
}

const sameRoles = (a: readonly RoleT[], b: readonly RoleT[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export async function updateStaff(db: Kysely<PlatformTables>, actor: Actor, id: number, change: StaffChange, ip: string | null): Promise<void> {
  const admin = requireStaff(actor, Role.admin);
  const v = collect({ agency_id: await checkAgency(db, change.agency_id), roles: checkRoles('roles', change.roles) });
  if (admin.id === id && (change.disabled || !v.roles.includes(Role.admin))) throw AccountErrors.SELF_LOCKOUT();
  await db.transaction().execute(async (trx) => {
    const adb = accountsDb(trx);
    const row = await accountsRepo.lockById(adb, id);
    if (!row || row.kind !== 'staff') throw AccountErrors.ACCOUNT_NOT_FOUND();
    const current = await accountsRepo.withRoles(adb, row);
    const before = { agency_id: current.agency_id, roles: current.roles, disabled: current.disabled, locked: !!current.locked_until && current.locked_until > new Date(), totp: current.totp_enabled };
    const after = { agency_id: v.agency_id, roles: [...v.roles].sort(), disabled: change.disabled, locked: change.unlock ? false : before.locked, totp: change.resetTotp ? false : before.totp };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) =>
      k === 'roles' ? !sameRoles(before.roles, after.roles) : before[k] !== after[k],
    );
    if (changed.length === 0) return;
    await accountsRepo.update(adb, id, {
      agency_id: v.agency_id,
      disabled: change.disabled,
      ...(change.unlock ? { failed_logins: 0, locked_until: null } : {}),
      ...(changed.includes('totp') ? { totp_enabled: false, totp_secret: null, totp_last_step: null } : {}),
    });
    if (changed.includes('roles')) await accountsRepo.setRoles(adb, id, v.roles);
    await recordAudit(trx, {
      actor: admin,
      action: changed.includes('roles') ? 'account.role_change' : 'account.update',
      entity: 'account',
      entityId: id,
      agencyId: v.agency_id,
      ip,
      data: { before, after, changed },
    });
    const updated = await loadAccount(trx, id);
    if (!updated) throw AccountErrors.ACCOUNT_NOT_FOUND();
    // Without its second factor an account's open sessions may be someone else's: they end.
    if (updated.disabled || changed.includes('totp')) await destroyUserSessions(trx, id);
    else await refreshUserSessions(trx, toSessionUser(updated));
  });
}
