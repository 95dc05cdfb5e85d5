// The inbox's SQL (inbox.ts has its rules): open dossiers only (`finished_at is null`, the partial indexes of 0008), read
// through the dossiers module's published view `dossier_facts` (migrations/0011, inlined by the planner: the same plans
// as on the table), with the back office's own consultations.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { InboxRow, InboxTab } from './inbox.ts';

export interface InboxViewer {
  /** The officer's agency (-1 when they have none: they see only what is assigned to them). */
  agencyId: number;
  /** The agency whose open consultations the officer answers (-1: none, their roles do not answer them). */
  consultedAgencyId: number;
  userId: number;
  now: Date;
  /** End of the next working day: "due soon" ends there. */
  soon: Date;
}

/** Code, procedure code (`like`) or the applicant's name without accents (`folded`), LIKE patterns already escaped. */
export interface InboxSearch {
  like: string;
  folded: string;
}

function predicates(v: InboxViewer): { visible: Expression<SqlBool>; tabs: Record<InboxTab, Expression<SqlBool>> } {
  const agency = v.agencyId;
  const inProgress = sql<SqlBool>`d.result_at is null and d.status not in ('supplement', 'refused')`;
  const mineOrHandled = sql<SqlBool>`(d.agency_id = ${agency} or d.handling_agency_id = ${agency})`;
  const consulted = sql<SqlBool>`exists (select 1 from dossier_consultations k where k.dossier_id = d.id and k.agency_id = ${v.consultedAgencyId} and k.replied_at is null)`;
  // In the order of INBOX_TABS.
  const tabs: Record<InboxTab, Expression<SqlBool>> = {
    new: sql`d.status = 'received' and d.agency_id = ${agency}`,
    mine: sql`d.assignee_id = ${v.userId} and d.result_at is null`,
    processing: sql`d.status in ('processing', 'consulting') and coalesce(d.handling_agency_id, d.agency_id) = ${agency}`,
    approval: sql`d.status = 'approval' and coalesce(d.handling_agency_id, d.agency_id) = ${agency}`,
    due_soon: sql`${mineOrHandled} and ${inProgress} and d.due_at >= ${v.now} and d.due_at <= ${v.soon}`,
    overdue: sql`${mineOrHandled} and ${inProgress} and d.due_at < ${v.now}`,
    waiting: sql`${mineOrHandled} and d.status = 'supplement'`,
    consulting: sql`d.status = 'consulting' and ${consulted}`,
    // Approved and waiting for its result to be recorded where it is handled (issue 9), or ready to hand back where it
    // was received.
    results: sql`((d.status = 'approved' and coalesce(d.handling_agency_id, d.agency_id) = ${agency}) or (d.status = 'result_ready' and d.agency_id = ${agency}))`,
  };
  // Every open dossier the agency can see: received or handled here, assigned to the officer, or consulted.
  const visible = sql<SqlBool>`(d.agency_id = ${agency} or d.handling_agency_id = ${agency} or d.assignee_id = ${v.userId} or (d.status = 'consulting' and ${consulted}))`;
  return { visible, tabs };
}

function where(v: InboxViewer, tab: InboxTab, search: InboxSearch | null): Expression<SqlBool> {
  const p = predicates(v);
  const s = search === null ? sql<SqlBool>`true` : sql<SqlBool>`(d.code ilike ${search.like} or d.procedure_code ilike ${search.like} or lower(f_unaccent(d.applicant->>'name')) like ${search.folded})`;
  return sql<SqlBool>`d.finished_at is null and ${p.visible} and ${p.tabs[tab]} and ${s}`;
}

export const inboxRepo = {
  /** The count of every tab, in one statement. */
  async counts(db: Kysely<PlatformTables>, v: InboxViewer): Promise<Record<InboxTab, number>> {
    const p = predicates(v);
    const tabs = Object.keys(p.tabs) as InboxTab[];
    const countCols = tabs.map((t) => sql`count(*) filter (where ${p.tabs[t]})::int as ${sql.ref(t)}`);
    const countRow = await sql<Record<InboxTab, number>>`select ${sql.join(countCols)} from dossier_facts d where d.finished_at is null and ${p.visible}`.execute(db);
    return Object.fromEntries(tabs.map((t) => [t, Number(countRow.rows[0]?.[t] ?? 0)])) as Record<InboxTab, number>;
  },

  /** How many of a tab match the search. */
  async count(db: Kysely<PlatformTables>, v: InboxViewer, tab: InboxTab, search: InboxSearch): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from dossier_facts d where ${where(v, tab, search)}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },

  /** A page of the tab, the earliest due first. */
  async rows(db: Kysely<PlatformTables>, v: InboxViewer, tab: InboxTab, search: InboxSearch | null, page: { limit: number; offset: number }): Promise<InboxRow[]> {
    const rows = await sql<{
      code: string; procedure_code: string; procedure_version: number; name: string; channel: 'online' | 'counter'; status: string;
      received_at: Date; due_at: Date | null; due_date: string | null; assignee_id: number | null;
    }>`select d.code, d.procedure_code, d.procedure_version, d.applicant->>'name' as name, d.channel, d.status, d.received_at, d.due_at,
         to_char(d.due_date, 'YYYY-MM-DD') as due_date, d.assignee_id
       from dossier_facts d where ${where(v, tab, search)}
       order by d.due_at asc nulls last, d.id asc limit ${page.limit} offset ${page.offset}`.execute(db);
    return rows.rows.map((r) => ({
      code: r.code,
      procedureCode: r.procedure_code,
      procedureVersion: r.procedure_version,
      applicantName: r.name,
      channel: r.channel,
      status: r.status,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      dueDate: r.due_date,
      assigneeId: r.assignee_id,
    }));
  },
};
