// The only code that touches the accounts tables. Agencies belong to the units module: see agencies.ts.
import { sql, type Expression, type Generated, type Insertable, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { PlatformTables, Timestamp } from '../../platform/db/index.ts';
import type { AccountKind, Role, SessionUser } from '../../platform/auth/roles.ts';
import type { AccountCodesTable, AccountConsentsTable } from './repo-codes.ts';

export interface AccountsTable {
  id: Generated<number>;
  kind: AccountKind;
  username: string;
  email: string | null;
  phone: string | null;
  personal_id: string | null;
  full_name: string;
  password_hash: string;
  agency_id: number | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  last_sign_in_at: Timestamp | null;
  /** When a code sent to the phone / e-mail came back (migrations/0011); null: not proven. */
  phone_verified_at: Timestamp | null;
  email_verified_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AccountRolesTable {
  account_id: number;
  role: Role;
}

export interface PasswordResetsTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export type AccountsTables = {
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  password_resets: PasswordResetsTable;
  account_codes: AccountCodesTable;
  account_consents: AccountConsentsTable;
};

export type AccountsDb = Kysely<PlatformTables & AccountsTables>;
export type Account = Selectable<AccountsTable>;
export interface AccountRoles extends Account {
  roles: Role[];
}
export interface AccountWithRoles extends AccountRoles {
  agencyName: string | null;
}
export interface AgencyOption {
  id: number;
  code: string;
  name: string;
}

export interface StaffSummary {
  id: number;
  username: string;
  fullName: string;
  agencyId: number | null;
  email: string | null;
}

export function accountsDb(db: Kysely<PlatformTables>): AccountsDb {
  return db.withTables<AccountsTables>();
}

export function toSessionUser(a: AccountWithRoles): SessionUser {
  return {
    id: a.id,
    username: a.username,
    displayName: a.full_name,
    kind: a.kind,
    roles: a.kind === 'staff' ? a.roles : [],
    agencyId: a.agency_id,
    agencyName: a.agencyName,
    ...(isVerified(a) ? {} : { unverified: true }),
    ...(a.kind === 'staff' && a.totp_enabled && a.totp_secret ? { twoStep: true } : {}),
  };
}

/** A citizen may submit once a phone number or an e-mail address of theirs is proven; staff are vouched for by the administrator who created them. */
export function isVerified(a: Pick<Account, 'kind' | 'phone_verified_at' | 'email_verified_at'>): boolean {
  return a.kind === 'staff' || a.phone_verified_at !== null || a.email_verified_at !== null;
}

export const accountsRepo = {
  /** By username, e-mail or phone: the three never collide (usernames have no '@' or '+'). */
  findByIdentifier(db: AccountsDb, username: string, email: string | null, phone: string | null): Promise<Account | undefined> {
    return db
      .selectFrom('accounts')
      .selectAll()
      .where((eb) => {
        const ors = [eb('username', '=', username)];
        if (email) ors.push(eb('email', '=', email));
        if (phone) ors.push(eb('phone', '=', phone));
        return eb.or(ors);
      })
      .orderBy('id')
      .executeTakeFirst();
  },

  findById(db: AccountsDb, id: number): Promise<Account | undefined> {
    return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Locks the row for the rest of the transaction (second factor, admin edits). */
  lockById(db: AccountsDb, id: number): Promise<Account | undefined> {
    return db.selectFrom('accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async withRoles(db: AccountsDb, a: Account): Promise<AccountRoles> {
    const roles = await db.selectFrom('account_roles').select('role').where('account_id', '=', a.id).orderBy('role').execute();
    return { ...a, roles: roles.map((r) => r.role) };
  },

  /** Which of these unique values are already taken (by another account than `exceptId`). */
  async taken(
    db: AccountsDb,
    v: { username?: string; email?: string | null; phone?: string | null; personalId?: string | null },
    exceptId?: number,
  ): Promise<Set<'username' | 'email' | 'phone' | 'personal_id'>> {
    const rows = await db
      .selectFrom('accounts')
      .select(['username', 'email', 'phone', 'personal_id', 'kind'])
      .where((eb) => {
        const ors: Expression<SqlBool>[] = [];
        if (v.username) ors.push(eb('username', '=', v.username));
        if (v.email) ors.push(eb('email', '=', v.email));
        if (v.phone) ors.push(eb('phone', '=', v.phone));
        if (v.personalId) ors.push(eb.and([eb('personal_id', '=', v.personalId), eb('kind', '=', 'citizen')]));
        return eb.or(ors);
      })
      .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? 0))
      .execute();
    const out = new Set<'username' | 'email' | 'phone' | 'personal_id'>();
    for (const r of rows) {
      if (v.username && r.username === v.username) out.add('username');
      if (v.email && r.email === v.email) out.add('email');
      if (v.phone && r.phone === v.phone) out.add('phone');
      if (v.personalId && r.kind === 'citizen' && r.personal_id === v.personalId) out.add('personal_id');
    }
    return out;
  },

  /** The accounts holding any of these values: a registration with them tells their owners instead of going ahead. */
  owners(db: AccountsDb, v: { username: string; personalId: string; phone: string | null; email: string | null }): Promise<Account[]> {
    return db
      .selectFrom('accounts')
      .selectAll()
      .where((eb) => {
        const ors: Expression<SqlBool>[] = [eb('username', '=', v.username), eb.and([eb('personal_id', '=', v.personalId), eb('kind', '=', 'citizen')])];
        if (v.email) ors.push(eb('email', '=', v.email));
        if (v.phone) ors.push(eb('phone', '=', v.phone));
        return eb.or(ors);
      })
      .orderBy('id')
      .execute();
  },

  async insert(db: AccountsDb, a: Insertable<AccountsTable>, roles: readonly Role[]): Promise<number> {
    const row = await db.insertInto('accounts').values(a).returning('id').executeTakeFirstOrThrow();
    if (roles.length) await db.insertInto('account_roles').values(roles.map((role) => ({ account_id: row.id, role }))).execute();
    return row.id;
  },

  async setRoles(db: AccountsDb, id: number, roles: readonly Role[]): Promise<void> {
    await db.deleteFrom('account_roles').where('account_id', '=', id).execute();
    if (roles.length) await db.insertInto('account_roles').values(roles.map((role) => ({ account_id: id, role }))).execute();
  },

  async update(db: AccountsDb, id: number, set: Partial<Omit<Account, 'id' | 'created_at'>>): Promise<void> {
    await db.updateTable('accounts').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
  },

  /** Counts a failure atomically and returns the new count. */
  async countFailure(db: AccountsDb, id: number): Promise<number> {
    const r = await db
      .updateTable('accounts')
      .set({ failed_logins: sql<number>`failed_logins + 1` })
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return r.failed_logins;
  },

  /** Accepts a TOTP step only if it is later than the last one accepted (a code is never accepted twice). */
  async claimTotpStep(db: AccountsDb, id: number, step: number): Promise<boolean> {
    const r = await db
      .updateTable('accounts')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async listStaff(db: AccountsDb): Promise<AccountRoles[]> {
    const rows = await db.selectFrom('accounts').selectAll().where('kind', '=', 'staff').orderBy('username').execute();
    const roles = rows.length
      ? await db.selectFrom('account_roles').selectAll().where('account_id', 'in', rows.map((r) => r.id)).orderBy('role').execute()
      : [];
    return rows.map((a) => ({ ...a, roles: roles.filter((r) => r.account_id === a.id).map((r) => r.role) }));
  },

  async insertReset(db: AccountsDb, accountId: number, tokenHash: string, expiresAt: Date): Promise<void> {
    await db.insertInto('password_resets').values({ account_id: accountId, token_hash: tokenHash, expires_at: expiresAt }).execute();
  },

  findUsableReset(db: AccountsDb, tokenHash: string, lock = false) {
    return db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .$if(lock, (q) => q.forUpdate())
      .executeTakeFirst();
  },

  async useResets(db: AccountsDb, accountId: number): Promise<void> {
    await db.updateTable('password_resets').set({ used_at: new Date() }).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
  },

  async staffWithRole(db: AccountsDb, agencyId: number, role: Role): Promise<StaffSummary[]> {
    const rows = await db
      .selectFrom('accounts')
      .innerJoin('account_roles', 'account_roles.account_id', 'accounts.id')
      .select(['accounts.id', 'accounts.username', 'accounts.full_name', 'accounts.agency_id', 'accounts.email'])
      .where('accounts.kind', '=', 'staff')
      .where('accounts.disabled', '=', false)
      .where('accounts.agency_id', '=', agencyId)
      .where('account_roles.role', '=', role)
      .orderBy('accounts.full_name')
      .execute();
    return rows.map((r) => ({ id: r.id, username: r.username, fullName: r.full_name, agencyId: r.agency_id, email: r.email }));
  },

  async contact(
    db: AccountsDb,
    id: number,
  ): Promise<{ fullName: string; email: string | null; phone: string | null; personalId: string | null } | undefined> {
    const r = await db.selectFrom('accounts').select(['full_name', 'email', 'phone', 'personal_id']).where('id', '=', id).executeTakeFirst();
    return r ? { fullName: r.full_name, email: r.email, phone: r.phone, personalId: r.personal_id } : undefined;
  },
};
