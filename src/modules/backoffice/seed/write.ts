// Writing a batch in ONE transaction with one multi-row INSERT per table: the rows travel as a single JSON parameter
// read by json_to_recordset (parameterised; the same SQL on PostgreSQL and PGlite). The batch first takes its numbers
// as submissions do (dossier_sequences, incremented by the batch's count per agency and day: the row lock keeps a
// concurrent submission from taking the same number, and the table ends consistent with the codes), then its ids.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { DayGroup } from './rows.ts';

type Columns = readonly (readonly [string, string])[];

const DOSSIERS: Columns = [
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
const EVENTS: Columns = [
  ['dossier_id', 'bigint'], ['at', 'timestamptz'], ['actor_id', 'bigint'], ['actor', 'text'], ['kind', 'text'], ['note', 'jsonb'],
  ['agency_id', 'bigint'], ['from_status', 'text'], ['to_status', 'text'], ['comment', 'text'],
];
const SUPPLEMENTS: Columns = [
  ['dossier_id', 'bigint'], ['stage', 'text'], ['items', 'jsonb'], ['reason', 'text'], ['requested_by', 'bigint'],
  ['requested_at', 'timestamptz'], ['completed_at', 'timestamptz'],
];
const CONSULTATIONS: Columns = [
  ['dossier_id', 'bigint'], ['agency_id', 'bigint'], ['question', 'text'], ['requested_by', 'bigint'], ['requested_at', 'timestamptz'],
  ['due_at', 'timestamptz'], ['replied_at', 'timestamptz'], ['replied_by', 'bigint'], ['reply', 'text'],
];
const RATINGS: Columns = [['dossier_id', 'bigint'], ['overall', 'smallint'], ['criteria', 'jsonb'], ['comment', 'text'], ['rated_at', 'timestamptz']];
const PAYMENTS: Columns = [
  ['dossier_id', 'bigint'], ['amount_dong', 'bigint'], ['method', 'text'], ['status', 'text'], ['provider_ref', 'text'],
  ['created_at', 'timestamptz'], ['paid_at', 'timestamptz'],
];

/** INSERT … SELECT FROM json_to_recordset($1): the table and column names are this file's constants, the rows a parameter. */
async function insertRows(db: Kysely<PlatformTables>, table: string, columns: Columns, rows: readonly object[], override = false): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.raw(columns.map(([c]) => c).join(', '));
  const types = sql.raw(columns.map(([c, t]) => `${c} ${t}`).join(', '));
  const identity = sql.raw(override ? 'overriding system value' : '');
  await sql`insert into ${sql.table(table)} (${names}) ${identity} select ${names} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${types})`.execute(db);
}

export interface BatchCounts {
  dossiers: number;
  events: number;
  supplements: number;
  consultations: number;
  ratings: number;
  payments: number;
}

export async function writeBatch(db: Kysely<PlatformTables>, groups: readonly DayGroup[]): Promise<BatchCounts> {
  const n = groups.reduce((s, g) => s + g.dossiers.length, 0);
  return db.transaction().execute(async (trx) => {
    // Seed data can be written again: a crash may lose the last batches (never half of one), and no commit waits for
    // its WAL flush.
    await sql`set local synchronous_commit = off`.execute(trx);
    // Circular 01/2018 Art. 19: each agency's numbers of the day, taken n at a time.
    const taken = await sql<{ agency_id: number; day: string; last: number }>`
      insert into dossier_sequences (agency_id, day, last)
      select agency_id, day, n from json_to_recordset(${JSON.stringify(groups.map((g) => ({ agency_id: g.agencyId, day: g.day, n: g.dossiers.length })))}::json)
        as r(agency_id bigint, day date, n int)
      on conflict (agency_id, day) do update set last = dossier_sequences.last + excluded.last
      returning agency_id, day, last`.execute(trx);
    const lastOf = new Map(taken.rows.map((r) => [`${r.agency_id}|${r.day}`, r.last]));
    const ids = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('dossiers', 'id')) as id from generate_series(1, ${n}::int)`.execute(trx);
    let k = 0;
    const dossiers = [];
    const events = [];
    const supplements = [];
    const consultations = [];
    const ratings = [];
    const payments = [];
    for (const g of groups) {
      const last = lastOf.get(`${g.agencyId}|${g.day}`) ?? g.dossiers.length;
      const yymmdd = g.day.slice(2).replaceAll('-', '');
      let seq = last - g.dossiers.length;
      for (const d of g.dossiers) {
        const id = Number(ids.rows[k++]?.id);
        d.row.id = id;
        d.row.code = `${g.agencyCode}-${yymmdd}-${String(++seq).padStart(4, '0')}`;
        dossiers.push(d.row);
        for (const e of d.events) events.push(Object.assign(e, { dossier_id: id }));
        for (const s of d.supplements) supplements.push(Object.assign(s, { dossier_id: id }));
        for (const c of d.consultations) consultations.push(Object.assign(c, { dossier_id: id }));
        if (d.rating) ratings.push(Object.assign(d.rating, { dossier_id: id }));
        if (d.payment) payments.push(Object.assign(d.payment, { dossier_id: id }));
      }
    }
    await insertRows(trx, 'dossiers', DOSSIERS, dossiers, true);
    await insertRows(trx, 'dossier_events', EVENTS, events);
    await insertRows(trx, 'dossier_supplements', SUPPLEMENTS, supplements);
    await insertRows(trx, 'dossier_consultations', CONSULTATIONS, consultations);
    await insertRows(trx, 'dossier_ratings', RATINGS, ratings);
    await insertRows(trx, 'payments', PAYMENTS, payments);
    return { dossiers: n, events: events.length, supplements: supplements.length, consultations: consultations.length, ratings: ratings.length, payments: payments.length };
  });
}
