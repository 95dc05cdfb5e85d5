// Bulk writes of the dossiers module's tables for scale and demo data (the back office's seed, `egov seed --dossiers`):
// the caller's batch transaction takes the numbers and ids here, then writes its rows with one multi-row INSERT per
// table. The rows are named as the columns of migrations/0007 and 0008; optional fields left out are NULL.
import { sql, type Kysely } from 'kysely';
import { insertJsonRows, type BulkColumns, type PlatformTables } from '../../platform/db/index.ts';

const DOSSIERS: BulkColumns = [
  ['id', 'bigint'], ['code', 'text'], ['agency_id', 'bigint'], ['procedure_code', 'text'], ['procedure_version', 'int'],
  ['channel', 'text'], ['applicant_account_id', 'bigint'], ['applicant', 'jsonb'], ['status', 'text'],
  ['received_at', 'timestamptz'], ['due_at', 'timestamptz'], ['due_date', 'date'], ['deadline', 'jsonb'],
  ['fee_total_dong', 'bigint'], ['payment_status', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ['workflow_code', 'text'], ['online_level', 'text'], ['handling_agency_id', 'bigint'], ['assignee_id', 'bigint'],
  ['row_version', 'int'], ['clock_started_at', 'timestamptz'], ['paused_at', 'timestamptz'], ['step_due_at', 'timestamptz'],
  ['original_due_at', 'timestamptz'], ['apologized_at', 'timestamptz'], ['decision', 'text'], ['decided_at', 'timestamptz'],
  ['result_at', 'timestamptz'], ['outcome', 'text'], ['return_method', 'text'], ['finished_at', 'timestamptz'],
  ['due_soon_at', 'timestamptz'], ['overdue_at', 'timestamptz'],
];
const EVENTS: BulkColumns = [
  ['dossier_id', 'bigint'], ['at', 'timestamptz'], ['actor_id', 'bigint'], ['actor', 'text'], ['kind', 'text'], ['note', 'jsonb'],
  ['agency_id', 'bigint'], ['from_status', 'text'], ['to_status', 'text'], ['comment', 'text'],
];
const PAYMENTS: BulkColumns = [
  ['dossier_id', 'bigint'], ['amount_dong', 'bigint'], ['method', 'text'], ['status', 'text'], ['provider_ref', 'text'],
  ['created_at', 'timestamptz'], ['paid_at', 'timestamptz'],
];

export const dossierBulk = {
  /**
   * Circular 01/2018 Art. 19: each agency's numbers of the day, taken n at a time as submissions take them one at a time
   * (dossier_sequences: the row lock keeps a concurrent submission from taking the same number, and the table ends
   * consistent with the codes). Returns the last number taken per `agencyId|day`.
   */
  async takeNumbers(db: Kysely<PlatformTables>, wanted: readonly { agencyId: number; day: string; n: number }[]): Promise<Map<string, number>> {
    const taken = await sql<{ agency_id: number; day: string; last: number }>`
      insert into dossier_sequences (agency_id, day, last)
      select agency_id, day, n from json_to_recordset(${JSON.stringify(wanted.map((w) => ({ agency_id: w.agencyId, day: w.day, n: w.n })))}::json)
        as r(agency_id bigint, day date, n int)
      on conflict (agency_id, day) do update set last = dossier_sequences.last + excluded.last
      returning agency_id, day, last`.execute(db);
    return new Map(taken.rows.map((r) => [`${r.agency_id}|${r.day}`, r.last]));
  },

  /** n dossier ids from the table's identity, so that the batch's other rows can point at them before they are written. */
  async reserveIds(db: Kysely<PlatformTables>, n: number): Promise<number[]> {
    const ids = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('dossiers', 'id')) as id from generate_series(1, ${n}::int)`.execute(db);
    return ids.rows.map((r) => Number(r.id));
  },

  /** Dossier rows with their reserved ids and their codes. */
  insertDossiers: (db: Kysely<PlatformTables>, rows: readonly object[]) => insertJsonRows(db, 'dossiers', DOSSIERS, rows, true),
  /** Timeline and process-history rows. */
  insertEvents: (db: Kysely<PlatformTables>, rows: readonly object[]) => insertJsonRows(db, 'dossier_events', EVENTS, rows),
  insertPayments: (db: Kysely<PlatformTables>, rows: readonly object[]) => insertJsonRows(db, 'payments', PAYMENTS, rows),
};
