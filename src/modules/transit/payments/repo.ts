// The only code touching transit_payments (migrations/0053_transit_payments.sql).
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';

export type PaymentPurpose = 'top_up' | 'pass';
export type PaymentStatus = 'pending' | 'paid' | 'expired';
export type ConfirmedVia = 'callback' | 'officer' | 'demo';

interface PaymentsTable {
  id: Generated<number>;
  reference: string;
  account_id: number;
  purpose: PaymentPurpose;
  amount: number;
  product_id: string | null;
  route_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  adapter: string;
  status: Generated<PaymentStatus>;
  expires_at: Date;
  confirmed_via: ConfirmedVia | null;
  bank_ref: string | null;
  ledger_id: number | null;
  pass_id: number | null;
  created_by: number | null;
  confirmed_by: number | null;
  created_at: Generated<Date>;
  paid_at: Date | null;
}
export type PaymentsTables = { transit_payments: PaymentsTable };
export type PaymentsDb = Kysely<PlatformTables & PaymentsTables>;
export type PaymentRow = Selectable<PaymentsTable>;
export const paymentsDb = (db: Kysely<PlatformTables>): PaymentsDb => db as unknown as PaymentsDb;
export const asPlatformDb = (db: PaymentsDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

export const paymentsRepo = {
  insert: (db: PaymentsDb, row: Omit<PaymentsTable, 'id' | 'status' | 'created_at' | 'confirmed_via' | 'bank_ref' | 'ledger_id' | 'pass_id' | 'confirmed_by' | 'paid_at'>) =>
    db.insertInto('transit_payments').values(row).returningAll().executeTakeFirstOrThrow(),
  byReference: (db: PaymentsDb, reference: string, lock = false) => {
    const q = db.selectFrom('transit_payments').selectAll().where('reference', '=', reference);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  ofAccount: (db: PaymentsDb, accountId: number) => db.selectFrom('transit_payments').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(20).execute(),
  markPaid: (db: PaymentsDb, id: number, set: { confirmed_via: ConfirmedVia; bank_ref: string | null; ledger_id: number; pass_id: number | null; confirmed_by: number | null; paid_at: Date }) =>
    db.updateTable('transit_payments').set({ ...set, status: 'paid' }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst(),
  markExpired: (db: PaymentsDb, id: number) => db.updateTable('transit_payments').set({ status: 'expired' }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst(),
  dueToExpire: (db: PaymentsDb, now: Date) => db.selectFrom('transit_payments').select(['id', 'reference', 'account_id', 'amount']).where('status', '=', 'pending').where('expires_at', '<=', now).orderBy('id').limit(1000).execute(),
};
