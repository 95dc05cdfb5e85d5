// Keeping an agency's directory: editors keep their own agency's entries, administrators every agency's. Each function
// checks access first; each change writes its audit row in the same transaction as the change.
import type { Kysely } from 'kysely';
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, HttpErrors, type FieldError } from '../../platform/http/errors.ts';
import { findStaffAgencyId } from '../accounts/index.ts';
import { type Agency, findAgencyByCode, findAgencyById } from '../units/index.ts';
import { DirectoryErrors } from './errors.ts';
import { type EntryData, type EntryInput, validateEntry } from './input.ts';
import { FIELDS as f, fieldErrors as m } from './messages.ts';
import { type DirectoryDb, type EntryRow, type EntryValues, directoryDb, directoryRepo } from './repo.ts';

export interface AgencyDirectory {
  agency: Agency;
  entries: EntryRow[];
}

/** Whether the user keeps this agency's directory: an administrator any agency's, an editor their own agency's. */
export function managesAgency(user: SessionUser | null, agencyId: number): boolean {
  if (!user || user.kind !== 'staff') return false;
  return user.roles.includes(Role.admin) || (user.roles.includes(Role.editor) && user.agencyId === agencyId);
}

function requireManager(actor: Actor, agencyId: number): SessionUser {
  const user = requireStaff(actor, Role.editor, Role.admin);
  if (!managesAgency(user, agencyId)) throw HttpErrors.FORBIDDEN();
  return user;
}

export async function agencyOrNotFound(db: Kysely<PlatformTables>, code: string): Promise<Agency> {
  const agency = await findAgencyByCode(db, code);
  if (!agency) throw DirectoryErrors.AGENCY_NOT_FOUND();
  return agency;
}

const values = (agencyId: number, d: EntryData): EntryValues => ({
  agency_id: agencyId,
  account_id: d.accountId,
  full_name: d.fullName,
  position: d.position,
  department: d.department,
  email: d.email,
  office_phone: d.officePhone,
  mobile: d.mobile,
  sort_order: d.sortOrder,
  public: d.public,
});

/** What an audit row keeps of an entry. */
const snapshot = ({ search_key: _key, ...row }: EntryRow): Omit<EntryRow, 'search_key'> => row;

function refuse(fields: FieldError[]): never {
  throw DirectoryErrors.DUPLICATE({ fields });
}

/** The address and the account must not be in another entry; the account must be the agency's staff. Unique indexes check again. */
async function checkUnique(trx: DirectoryDb, p: Kysely<PlatformTables>, agencyId: number, d: EntryData, self: number | null): Promise<void> {
  const fields: FieldError[] = [];
  const byEmail = await directoryRepo.findByEmail(trx, d.email);
  if (byEmail && byEmail.id !== self) fields.push({ field: 'email', message: m.emailTaken(f.email) });
  if (d.accountId !== null) {
    const byAccount = await directoryRepo.findByAccount(trx, d.accountId);
    if (byAccount && byAccount.id !== self) fields.push({ field: 'accountId', message: m.accountTaken(f.accountId) });
    // Only the agency's own staff: notifications to the account would otherwise go where another agency's editor chose.
    else if ((await findStaffAgencyId(p, d.accountId)) !== agencyId) {
      throw DirectoryErrors.INVALID_ENTRY({ fields: [{ field: 'accountId', message: m.account(f.accountId) }] });
    }
  }
  if (fields.length > 0) refuse(fields);
}

/** A unique violation that slipped past checkUnique (two editors at once) becomes the field error it stands for. */
function mapUniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string } | null;
  if (e?.code !== '23505') throw err;
  const account = (e.constraint ?? '').includes('account');
  refuse([account ? { field: 'accountId', message: m.accountTaken(f.accountId) } : { field: 'email', message: m.emailTaken(f.email) }]);
}

async function change<T>(platform: Platform, work: (trx: DirectoryDb, p: Kysely<PlatformTables>) => Promise<T>): Promise<T> {
  try {
    return await platform.database.db.transaction().execute((trx) => work(directoryDb(trx), trx));
  } catch (err) {
    if (err instanceof AppError) throw err;
    return mapUniqueViolation(err);
  }
}

export async function agencyDirectoryForStaff(platform: Platform, actor: Actor, code: string): Promise<AgencyDirectory> {
  requireStaff(actor, Role.editor, Role.admin);
  const agency = await agencyOrNotFound(platform.database.db, code);
  requireManager(actor, agency.id);
  return { agency, entries: await directoryRepo.listByAgency(directoryDb(platform.database.db), agency.id, true) };
}

export async function entryForEdit(platform: Platform, actor: Actor, id: number): Promise<{ agency: Agency; entry: EntryRow }> {
  requireStaff(actor, Role.editor, Role.admin);
  const entry = await directoryRepo.findById(directoryDb(platform.database.db), id);
  if (!entry) throw DirectoryErrors.ENTRY_NOT_FOUND();
  requireManager(actor, entry.agency_id);
  const agency = await findAgencyById(platform.database.db, entry.agency_id);
  if (!agency) throw DirectoryErrors.AGENCY_NOT_FOUND();
  return { agency, entry };
}

export async function addEntry(platform: Platform, actor: Actor, code: string, input: EntryInput, ip?: string): Promise<EntryRow> {
  requireStaff(actor, Role.editor, Role.admin);
  const agency = await agencyOrNotFound(platform.database.db, code);
  const user = requireManager(actor, agency.id);
  const data = validateEntry(input, platform.config.officialMailDomain);
  return change(platform, async (trx, p) => {
    await checkUnique(trx, p, agency.id, data, null);
    const row = await directoryRepo.insert(trx, values(agency.id, data));
    await recordAudit(p, { actor: user, action: 'directory.entry.create', entity: 'directory_entry', entityId: row.id, agencyId: agency.id, ip: ip ?? null, data: { before: null, after: snapshot(row) } });
    return row;
  });
}

/** Locks the entry and checks the user keeps its agency (inside the change's transaction). */
async function lockManaged(trx: DirectoryDb, actor: Actor, id: number): Promise<{ user: SessionUser; before: EntryRow }> {
  const before = await directoryRepo.lockById(trx, id);
  if (!before) throw DirectoryErrors.ENTRY_NOT_FOUND();
  return { user: requireManager(actor, before.agency_id), before };
}

export async function updateEntry(platform: Platform, actor: Actor, id: number, input: EntryInput, ip?: string): Promise<EntryRow> {
  requireStaff(actor, Role.editor, Role.admin);
  const data = validateEntry(input, platform.config.officialMailDomain);
  return change(platform, async (trx, p) => {
    const { user, before } = await lockManaged(trx, actor, id);
    await checkUnique(trx, p, before.agency_id, data, id);
    const after = await directoryRepo.update(trx, id, values(before.agency_id, data));
    await recordAudit(p, { actor: user, action: 'directory.entry.update', entity: 'directory_entry', entityId: id, agencyId: before.agency_id, ip: ip ?? null, data: { before: snapshot(before), after: snapshot(after) } });
    return after;
  });
}

export async function deleteEntry(platform: Platform, actor: Actor, id: number, ip?: string): Promise<EntryRow> {
  requireStaff(actor, Role.editor, Role.admin);
  return change(platform, async (trx, p) => {
    const { user, before } = await lockManaged(trx, actor, id);
    await directoryRepo.delete(trx, id);
    await recordAudit(p, { actor: user, action: 'directory.entry.delete', entity: 'directory_entry', entityId: id, agencyId: before.agency_id, ip: ip ?? null, data: { before: snapshot(before), after: null } });
    return before;
  });
}

/** Publishes the entry on the agency's public page, or takes it off. */
export async function setPublished(platform: Platform, actor: Actor, id: number, published: boolean, ip?: string): Promise<EntryRow> {
  requireStaff(actor, Role.editor, Role.admin);
  return change(platform, async (trx, p) => {
    const { user, before } = await lockManaged(trx, actor, id);
    const after = await directoryRepo.update(trx, id, { public: published });
    const action = published ? 'directory.entry.publish' : 'directory.entry.unpublish';
    await recordAudit(p, { actor: user, action, entity: 'directory_entry', entityId: id, agencyId: before.agency_id, ip: ip ?? null, data: { before: { public: before.public }, after: { public: after.public } } });
    return after;
  });
}

/** The official addresses of these accounts' directory entries (in the caller's transaction, if it has one). */
export async function officialEmailsOf(db: Kysely<PlatformTables>, accountIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await directoryRepo.emailsOfAccounts(directoryDb(db), accountIds);
  return new Map(rows.flatMap((r) => (r.account_id === null ? [] : [[r.account_id, r.email] as const])));
}

/** The department (phòng, ban) of each account's directory entry; accounts without an entry, or with none named, are absent. */
export async function departmentsOf(db: Kysely<PlatformTables>, accountIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await directoryRepo.departmentsOfAccounts(directoryDb(db), accountIds);
  return new Map(rows.flatMap((r) => (r.account_id === null || r.department.trim() === '' ? [] : [[r.account_id, r.department.trim()] as const])));
}

/** The official address of the account's directory entry, or null when it has none. */
export async function officialEmailOf(platform: Platform, accountId: number): Promise<string | null> {
  return (await officialEmailsOf(platform.database.db, [accountId])).get(accountId) ?? null;
}
