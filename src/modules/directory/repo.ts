// The only code that touches the directory's table.
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

export interface DirectoryEntriesTable {
  id: Generated<number>;
  agency_id: number;
  account_id: number | null;
  full_name: string;
  position: string;
  department: string;
  email: string;
  office_phone: string;
  mobile: string;
  sort_order: number;
  public: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search_key: Generated<string>;
}

export type DirectoryTables = { directory_entries: DirectoryEntriesTable };
export type DirectoryDb = Kysely<PlatformTables & DirectoryTables>;
export type EntryRow = Selectable<DirectoryEntriesTable>;
export type EntryValues = Omit<EntryRow, 'id' | 'created_at' | 'updated_at' | 'search_key'>;

export function directoryDb(db: Kysely<PlatformTables>): DirectoryDb {
  return db.withTables<DirectoryTables>();
}

/** LIKE pattern of a search key, its wildcards taken literally. */
const contains = (key: string): string => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const directoryRepo = {
  findById(db: DirectoryDb, id: number): Promise<EntryRow | undefined> {
    return db.selectFrom('directory_entries').selectAll().where('id', '=', id).executeTakeFirst();
  },

  lockById(db: DirectoryDb, id: number): Promise<EntryRow | undefined> {
    return db.selectFrom('directory_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  findByEmail(db: DirectoryDb, email: string): Promise<EntryRow | undefined> {
    return db.selectFrom('directory_entries').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  },

  findByAccount(db: DirectoryDb, accountId: number): Promise<EntryRow | undefined> {
    return db.selectFrom('directory_entries').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  },

  emailsOfAccounts(db: DirectoryDb, accountIds: readonly number[]): Promise<{ account_id: number | null; email: string }[]> {
    if (accountIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('directory_entries').select(['account_id', 'email']).where('account_id', 'in', [...accountIds]).execute();
  },
  departmentsOfAccounts(db: DirectoryDb, accountIds: readonly number[]): Promise<{ account_id: number | null; department: string }[]> {
    if (accountIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('directory_entries').select(['account_id', 'department']).where('account_id', 'in', [...accountIds]).execute();
  },

  /** An agency's entries in display order; only the published ones unless `all`. */
  listByAgency(db: DirectoryDb, agencyId: number, all: boolean): Promise<EntryRow[]> {
    let q = db.selectFrom('directory_entries').selectAll().where('agency_id', '=', agencyId);
    if (!all) q = q.where('public', '=', true);
    return q.orderBy('sort_order').orderBy('id').execute();
  },

  /** Every entry (the mail server's load), or only published ones, by agency and display order. */
  listAll(db: DirectoryDb, all: boolean): Promise<EntryRow[]> {
    let q = db.selectFrom('directory_entries').selectAll();
    if (!all) q = q.where('public', '=', true);
    return q.orderBy('agency_id').orderBy('sort_order').orderBy('id').execute();
  },

  /** Agencies with at least one published entry, and how many. */
  async publicCounts(db: DirectoryDb): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('directory_entries')
      .select(['agency_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('public', '=', true)
      .groupBy('agency_id')
      .execute();
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  },

  /** Published entries whose name, position or department contains the search key (lower-case, accents folded). */
  searchPublic(db: DirectoryDb, key: string, limit: number): Promise<EntryRow[]> {
    return db
      .selectFrom('directory_entries')
      .selectAll()
      .where('public', '=', true)
      .where('search_key', 'like', contains(key))
      .orderBy('agency_id')
      .orderBy('sort_order')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  insert(db: DirectoryDb, v: EntryValues): Promise<EntryRow> {
    return db.insertInto('directory_entries').values(v).returningAll().executeTakeFirstOrThrow();
  },

  update(db: DirectoryDb, id: number, v: Partial<EntryValues>): Promise<EntryRow> {
    return db
      .updateTable('directory_entries')
      .set({ ...v, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async delete(db: DirectoryDb, id: number): Promise<void> {
    await db.deleteFrom('directory_entries').where('id', '=', id).execute();
  },
};
