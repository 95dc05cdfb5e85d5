// The only code that touches the transit riders' tables (migrations/0047_transit_riders.sql).
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';

export type MediumKind = 'operator_card' | 'app_qr' | 'bank_card' | 'ewallet_qr' | 'cccd';
export type MediumStatus = 'active' | 'blocked' | 'lost';
export type LedgerKind = 'top_up' | 'charge' | 'refund' | 'transfer_in' | 'transfer_out';
export type ConcessionCategory = 'meritorious' | 'senior_60' | 'disability' | 'under_6' | 'poor_household';
export type ListName = 'deny' | 'allow';
export type EntryReason = 'lost' | 'blocked' | 'debt' | 'account_blocked' | 'concession';

interface AccountsTable {
  id: Generated<number>;
  citizen_account_id: number;
  status: Generated<'active' | 'blocked'>;
  rider_category: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}
interface MediaTable {
  id: Generated<number>;
  account_id: number;
  kind: MediumKind;
  media_key: string;
  last4: string | null;
  status: Generated<MediumStatus>;
  replaced_by: number | null;
  created_at: Generated<Date>;
  status_changed_at: Date | null;
}
interface LedgerTable {
  id: Generated<number>;
  account_id: number;
  medium_id: number | null;
  kind: LedgerKind;
  amount: number;
  /** Set by the database's trigger from the previous row. */
  balance_after: Generated<number>;
  reference: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
interface PassesTable {
  id: Generated<number>;
  account_id: number;
  product_id: string;
  route_id: string | null;
  valid_from: string;
  valid_to: string;
  price_paid: number;
  ledger_id: number | null;
  status: Generated<'active' | 'cancelled' | 'expired'>;
  created_by: number | null;
  created_at: Generated<Date>;
}
interface ConcessionsTable {
  id: Generated<number>;
  account_id: number;
  category: ConcessionCategory;
  source: string;
  verified_at: Generated<Date>;
  expires_at: string | null;
  granted_by: number | null;
  revoked_at: Date | null;
}
interface ListVersionsTable {
  id: Generated<number>;
  list: ListName;
  version: number;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
interface ListEntriesTable {
  id: Generated<number>;
  list: ListName;
  media_kind: MediumKind;
  media_key: string;
  reason: EntryReason;
  added_version: number;
  removed_version: number | null;
}

export type RidersTables = {
  transit_accounts: AccountsTable;
  transit_media: MediaTable;
  transit_ledger: LedgerTable;
  transit_passes: PassesTable;
  transit_concessions: ConcessionsTable;
  transit_list_versions: ListVersionsTable;
  transit_list_entries: ListEntriesTable;
};
export type RidersDb = Kysely<PlatformTables & RidersTables>;
export type TransitAccount = Selectable<AccountsTable>;
export type Medium = Selectable<MediaTable>;
export type LedgerRow = Selectable<LedgerTable>;
export type PassRow = Selectable<PassesTable>;
export type ConcessionRow = Selectable<ConcessionsTable>;

export const ridersDb = (db: Kysely<PlatformTables>): RidersDb => db as unknown as RidersDb;
export const asPlatformDb = (db: RidersDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

export const ridersRepo = {
  findAccount: (db: RidersDb, id: number, lock = false) => {
    const q = db.selectFrom('transit_accounts').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  accountOfCitizen: (db: RidersDb, citizenId: number) => db.selectFrom('transit_accounts').selectAll().where('citizen_account_id', '=', citizenId).executeTakeFirst(),
  findMedium: (db: RidersDb, id: number, lock = false) => {
    const q = db.selectFrom('transit_media').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  findMediumByKey: (db: RidersDb, kind: MediumKind, key: string) => db.selectFrom('transit_media').selectAll().where('kind', '=', kind).where('media_key', '=', key).executeTakeFirst(),
  mediaOf: (db: RidersDb, accountId: number) => db.selectFrom('transit_media').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
  activeCard: (db: RidersDb, accountId: number) =>
    db.selectFrom('transit_media').selectAll().where('account_id', '=', accountId).where('status', '=', 'active').where('kind', 'in', ['operator_card', 'app_qr']).executeTakeFirst(),
  setMediumStatus: (db: RidersDb, id: number, status: MediumStatus, replacedBy: number | null = null) =>
    db.updateTable('transit_media').set({ status, replaced_by: replacedBy, status_changed_at: new Date() }).where('id', '=', id).execute(),

  async balance(db: RidersDb, accountId: number): Promise<number> {
    const r = await db.selectFrom('transit_ledger').select('balance_after').where('account_id', '=', accountId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? Number(r.balance_after) : 0;
  },
  async mediumBalance(db: RidersDb, mediumId: number): Promise<number> {
    const r = await db.selectFrom('transit_ledger').select((eb) => eb.fn.sum<string | null>('amount').as('s')).where('medium_id', '=', mediumId).executeTakeFirst();
    return Number(r?.s ?? 0);
  },
  addLedger: (db: RidersDb, row: { account_id: number; medium_id: number | null; kind: LedgerKind; amount: number; reference?: string | null; created_by: number | null }) =>
    db.insertInto('transit_ledger').values({ ...row, reference: row.reference ?? null }).returning(['id', 'balance_after']).executeTakeFirstOrThrow(),
  passesOf: (db: RidersDb, accountId: number) => db.selectFrom('transit_passes').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').execute(),
  ledgerOf: (db: RidersDb, accountId: number) => db.selectFrom('transit_ledger').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
};
