// The only code touching transit_disputes (migrations/0049_transit_disputes.sql).
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';

export type DisputeStatus = 'open' | 'answered' | 'refunded' | 'rejected';
interface DisputesTable {
  id: Generated<number>;
  trip_id: number;
  account_id: number;
  reason: string;
  status: Generated<DisputeStatus>;
  answer: string | null;
  refund_amount: number | null;
  ledger_id: number | null;
  filed_by: number;
  answered_by: number | null;
  created_at: Generated<Date>;
  answered_at: Date | null;
}
export type DisputesTables = { transit_disputes: DisputesTable };
export type DisputesDb = Kysely<PlatformTables & DisputesTables>;
export type DisputeRow = Selectable<DisputesTable>;
export const disputesDb = (db: Kysely<PlatformTables>): DisputesDb => db as unknown as DisputesDb;
export const asPlatformDb = (db: DisputesDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

export const disputesRepo = {
  ofTrip: (db: DisputesDb, tripId: number) => db.selectFrom('transit_disputes').selectAll().where('trip_id', '=', tripId).orderBy('id').execute(),
  ofAccount: (db: DisputesDb, accountId: number) => db.selectFrom('transit_disputes').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(50).execute(),
  open: (db: DisputesDb) => db.selectFrom('transit_disputes').selectAll().where('status', '=', 'open').orderBy('id').limit(100).execute(),
  find: (db: DisputesDb, id: number, lock = false) => {
    const q = db.selectFrom('transit_disputes').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  insert: (db: DisputesDb, row: { trip_id: number; account_id: number; reason: string; filed_by: number }) => db.insertInto('transit_disputes').values(row).returningAll().executeTakeFirstOrThrow(),
  answer: (db: DisputesDb, id: number, set: { status: DisputeStatus; answer: string | null; refund_amount: number | null; ledger_id: number | null; answered_by: number; answered_at: Date }) =>
    db.updateTable('transit_disputes').set(set).where('id', '=', id).where('status', '=', 'open').executeTakeFirst(),
};
