// The service-quality figures' SQL: a few aggregate statements with FILTER clauses over indexed ranges of time
// (migrations/0010_quality_indexes.sql says which index serves which statement; bench/quality-plans.ts prints the
// plans). Each statement counts by the day its event happened (Vietnam date), so that the same rows give the totals,
// the series by day or month, and the working days taken (resolved: by result day and receipt day).
// The quality module owns no table of dossiers: it reads only the views the owners publish as their read contract
// (migrations/0011_module_read_contracts.sql): dossier_facts, dossier_file_facts, dossier_payment_facts of the dossiers
// module; supplement_facts, rating_facts, feedback_facts, consultation_facts of the back office; feedback_case_facts of
// the feedback module (citizen feedback, counted with the dossiers' feedback in index 8). Each view is a plain
// projection of one table, which PostgreSQL inlines: the planner sees the tables, and the partial and covering
// indexes of 0010 serve these statements exactly as they did on the tables (1,000,000 dossiers: same plans).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

type Db = Kysely<PlatformTables>;

/** Which dossiers: of one agency (receiving or handling) or the whole city; of some procedures or all. */
export interface Scope {
  agencyId: number | null;
  /** null: every procedure; [] matches none. */
  procedureCodes: string[] | null;
}

export interface Range {
  /** First instant of the period (00:00 of `from`, Vietnam time) and the instant after its last day. */
  start: Date;
  end: Date;
  /** When the in-progress snapshot is taken: the end of the period, or now if that is earlier. */
  asOf: Date;
  /** asOf is now: the in-progress snapshot uses the current state (partial indexes of 0008). */
  current: boolean;
}

const VN_DAY = (column: RawBuilder<unknown>) => sql`(${column} at time zone interval '+07:00')::date`;

/** `and` the dossier is of one of these procedures; nothing when every procedure counts. */
export function procedureFilter(codes: string[] | null): RawBuilder<unknown> {
  return codes === null ? sql`` : sql`and d.procedure_code = any(${codes}::text[])`;
}

function scopeSql(s: Scope): RawBuilder<unknown> {
  const agency = s.agencyId === null ? sql`` : sql`and (d.agency_id = ${s.agencyId} or d.handling_agency_id = ${s.agencyId})`;
  return sql`${agency} ${procedureFilter(s.procedureCodes)}`;
}

/** Ratings, feedback and consultations need their dossier only to apply a scope; the city's totals skip the join. */
function dossierJoin(s: Scope, on: RawBuilder<unknown>): RawBuilder<unknown> {
  return s.agencyId === null && s.procedureCodes === null ? sql`` : sql`join dossier_facts d on d.id = ${on}`;
}

/**
 * Open at `asOf`: received before, and neither a result nor a refusal by then. Now: the open dossiers (index
 * dossiers_in_progress). Before now: those still open, or closed since: three index ranges OR-ed together.
 */
export function openAt(r: Range): RawBuilder<unknown> {
  if (r.current) return sql`d.result_at is null and d.finished_at is null and d.status <> 'refused' and d.received_at < ${r.asOf}`;
  return sql`d.received_at < ${r.asOf} and ((d.result_at is null and d.finished_at is null) or d.result_at >= ${r.asOf}
    or (d.result_at is null and d.finished_at >= ${r.asOf}))`;
}

/** Rows made after receipt (payments, files, supplement requests) are looked for from the day before the period. */
function bound(r: Range): Date {
  return new Date(r.start.getTime() - 86_400_000);
}

export interface ReceivedRow {
  day: string;
  received: number;
  online: number;
  full_online: number;
  refused: number;
  with_fees: number;
  paid_online: number;
  digitised: number;
  supplemented: number;
  supplemented_twice: number;
  other_agency: number;
}

export interface ResolvedRow {
  day: string;
  received_day: string;
  resolved: number;
  early: number;
  on_time: number;
  late: number;
  seconds: number;
  returned: number;
  online: number;
  online_late: number;
  e_result: number;
}

export interface InProgressRow {
  total: number;
  overdue: number;
  paused: number;
}

export interface RatingsRow {
  rated: number;
  overall_sum: number;
  level1: number;
  level2: number;
  level3: number;
  attitude1: number;
  attitude2: number;
  attitude3: number;
}

export interface FeedbackRow {
  total: number;
  on_time: number;
  late: number;
  overdue: number;
  pending: number;
}

export interface ConsultationsRow {
  total: number;
  early: number;
  on_time: number;
  late: number;
  pending: number;
}

const supplementExists = (b: Date, stage?: 'receipt' | 'appraisal') =>
  sql`exists (select 1 from supplement_facts s where s.dossier_id = d.id and s.requested_at >= ${b}${stage ? sql` and s.stage = ${stage}` : sql``})`;

export const qualityRepo = {
  /** Dossiers received in the period, by day of receipt. */
  async received(db: Db, s: Scope, r: Range): Promise<ReceivedRow[]> {
    const b = bound(r);
    const q = await sql<ReceivedRow>`
      select ${VN_DAY(sql`d.received_at`)} as day,
        count(*) as received,
        count(*) filter (where d.channel = 'online') as online,
        count(*) filter (where d.channel = 'online' and d.online_level = 'full') as full_online,
        count(*) filter (where d.status = 'refused') as refused,
        count(*) filter (where d.fee_total_dong > 0) as with_fees,
        count(*) filter (where d.fee_total_dong > 0 and exists (select 1 from dossier_payment_facts p where p.dossier_id = d.id
          and p.status = 'paid' and p.method in ('vietqr', 'gateway') and p.created_at >= ${b})) as paid_online,
        count(*) filter (where d.channel = 'online' or exists (select 1 from dossier_file_facts f where f.dossier_id = d.id
          and f.kind = 'scan' and f.created_at >= ${b})) as digitised,
        count(*) filter (where ${supplementExists(b)}) as supplemented,
        count(*) filter (where ${supplementExists(b, 'receipt')} and ${supplementExists(b, 'appraisal')}) as supplemented_twice,
        count(*) filter (where d.handling_agency_id <> d.agency_id and ${supplementExists(b, 'appraisal')}) as other_agency
      from dossier_facts d
      where d.received_at >= ${r.start} and d.received_at < ${r.end} ${scopeSql(s)}
      group by 1`.execute(db);
    return q.rows;
  },

  /** Dossiers resolved (result recorded) in the period, by day of result and day of receipt. */
  async resolved(db: Db, s: Scope, r: Range): Promise<ResolvedRow[]> {
    const q = await sql<ResolvedRow>`
      select ${VN_DAY(sql`d.result_at`)} as day, ${VN_DAY(sql`d.received_at`)} as received_day,
        count(*) as resolved,
        count(*) filter (where d.outcome = 'early') as early,
        count(*) filter (where d.outcome = 'on_time') as on_time,
        count(*) filter (where d.outcome = 'late') as late,
        sum(extract(epoch from d.result_at - d.received_at))::float8 as seconds,
        count(*) filter (where d.status = 'returned') as returned,
        count(*) filter (where d.channel = 'online') as online,
        count(*) filter (where d.channel = 'online' and d.outcome = 'late') as online_late,
        count(*) filter (where exists (select 1 from dossier_file_facts f where f.dossier_id = d.id
          and f.kind = 'result' and f.created_at >= ${bound(r)})) as e_result
      from dossier_facts d
      where d.result_at >= ${r.start} and d.result_at < ${r.end} ${scopeSql(s)}
      group by 1, 2`.execute(db);
    return q.rows;
  },

  /**
   * In progress at `asOf` (docs/back-office.md): received, no result, not refused; overdue when past the due time
   * and not waiting for the applicant (supplement: the clock is stopped).
   */
  async inProgress(db: Db, s: Scope, r: Range): Promise<InProgressRow> {
    const q = await sql<InProgressRow>`
      select count(*) as total,
        count(*) filter (where d.status = 'supplement' and d.paused_at <= ${r.asOf}) as paused,
        count(*) filter (where d.due_at < ${r.asOf} and not (d.status = 'supplement' and d.paused_at <= ${r.asOf})) as overdue
      from dossier_facts d
      where ${openAt(r)} ${scopeSql(s)}`.execute(db);
    return q.rows[0] ?? { total: 0, overdue: 0, paused: 0 };
  },

  /** Ratings given in the period; the attitude criterion (Circular 01/2018) or, without it, the overall rating. */
  async ratings(db: Db, s: Scope, r: Range, criterion: string): Promise<RatingsRow> {
    const attitude = sql`coalesce(case when jsonb_typeof(r.criteria -> ${criterion}) = 'number' then (r.criteria ->> ${criterion})::numeric end, r.overall)`;
    const q = await sql<RatingsRow>`
      select count(*) as rated, coalesce(sum(r.overall), 0)::int as overall_sum,
        count(*) filter (where r.overall = 1) as level1,
        count(*) filter (where r.overall = 2) as level2,
        count(*) filter (where r.overall = 3) as level3,
        count(*) filter (where ${attitude} < 1.5) as attitude1,
        count(*) filter (where ${attitude} >= 1.5 and ${attitude} < 2.5) as attitude2,
        count(*) filter (where ${attitude} >= 2.5) as attitude3
      from rating_facts r ${dossierJoin(s, sql`r.dossier_id`)}
      where r.rated_at >= ${r.start} and r.rated_at < ${r.end} ${scopeSql(s)}`.execute(db);
    return q.rows[0] ?? { rated: 0, overall_sum: 0, level1: 0, level2: 0, level3: 0, attitude1: 0, attitude2: 0, attitude3: 0 };
  },

  /**
   * Feedback sent in the period against its answer date: `days[i]` (the Vietnam day it was sent) must be answered by
   * `dues[i]` (working days counted by the calendar in the service). `today` decides what is overdue.
   */
  async feedback(db: Db, s: Scope, r: Range, days: string[], dues: string[], today: string): Promise<FeedbackRow> {
    const answered = VN_DAY(sql`f.answered_at`);
    const q = await sql<FeedbackRow>`
      select count(*) as total,
        count(*) filter (where f.answered_at is not null and ${answered} <= c.due) as on_time,
        count(*) filter (where f.answered_at is not null and ${answered} > c.due) as late,
        count(*) filter (where f.answered_at is null and ${today}::date > c.due) as overdue,
        count(*) filter (where f.answered_at is null and ${today}::date <= c.due) as pending
      from feedback_facts f ${dossierJoin(s, sql`f.dossier_id`)}
        join unnest(${days}::date[], ${dues}::date[]) as c(day, due) on c.day = ${VN_DAY(sql`f.created_at`)}
      where f.created_at >= ${r.start} and f.created_at < ${r.end} ${scopeSql(s)}`.execute(db);
    return q.rows[0] ?? { total: 0, on_time: 0, late: 0, overdue: 0, pending: 0 };
  },

  /**
   * Citizen feedback (the feedback module's feedback_case_facts) sent in the period, against the due date its
   * assignment set (working days by the calendar). Rejected feedback is left out; feedback not yet assigned has no due
   * date and is pending. It concerns no procedure, so a procedure filter leaves it out.
   */
  async feedbackCases(db: Db, s: Scope, r: Range, today: string): Promise<FeedbackRow> {
    const none = { total: 0, on_time: 0, late: 0, overdue: 0, pending: 0 };
    if (s.procedureCodes !== null) return none;
    const agency = s.agencyId === null ? sql`` : sql`and f.agency_id = ${s.agencyId}`;
    const answered = VN_DAY(sql`f.answered_at`);
    const q = await sql<FeedbackRow>`
      select count(*) as total,
        count(*) filter (where f.answered_at is not null and ${answered} <= f.due_date) as on_time,
        count(*) filter (where f.answered_at is not null and (f.due_date is null or ${answered} > f.due_date)) as late,
        count(*) filter (where f.answered_at is null and ${today}::date > f.due_date) as overdue,
        count(*) filter (where f.answered_at is null and (f.due_date is null or ${today}::date <= f.due_date)) as pending
      from feedback_case_facts f
      where f.status <> 'rejected' and f.created_at >= ${r.start} and f.created_at < ${r.end} ${agency}`.execute(db);
    return q.rows[0] ?? none;
  },

  /** Consultations (liên thông) asked in the period, of the scope's dossiers or asked of the agency itself. */
  async consultations(db: Db, s: Scope, r: Range): Promise<ConsultationsRow> {
    const scope = s.agencyId === null ? scopeSql(s) : sql`and ((d.agency_id = ${s.agencyId} or d.handling_agency_id = ${s.agencyId} or c.agency_id = ${s.agencyId})
      ${procedureFilter(s.procedureCodes)})`;
    const q = await sql<ConsultationsRow>`
      select count(*) as total,
        count(*) filter (where c.replied_at is not null and ${VN_DAY(sql`c.replied_at`)} < ${VN_DAY(sql`c.due_at`)}) as early,
        count(*) filter (where c.replied_at <= c.due_at and ${VN_DAY(sql`c.replied_at`)} >= ${VN_DAY(sql`c.due_at`)}) as on_time,
        count(*) filter (where c.replied_at > c.due_at or (c.replied_at is null and c.due_at < ${r.asOf})) as late,
        count(*) filter (where c.replied_at is null and c.due_at >= ${r.asOf}) as pending
      from consultation_facts c ${dossierJoin(s, sql`c.dossier_id`)}
      where c.requested_at >= ${r.start} and c.requested_at < ${r.end} ${scope}`.execute(db);
    return q.rows[0] ?? { total: 0, early: 0, on_time: 0, late: 0, pending: 0 };
  },
};

/** Runs a statement in its own short transaction without JIT: compiling costs more than it saves on these. */
export async function withoutJit<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}
