// An officer's inbox (issue 4 "Officer work"): the in-progress dossiers of their agency, in tabs: new online and counter
// dossiers to receive, the ones assigned to them, waiting for approval, due within 1 working day, overdue, waiting for
// the applicant, consultations asked of the agency, results to return. Counts on every tab, search by code, name or
// procedure. Only open dossiers are read (partial indexes `where finished_at is null`), so the inbox stays fast with
// a million dossiers in the table.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { endOfVietnamDay, vietnamDateOf } from '../../../platform/calendar/index.ts';
import { searchKey } from '../../../platform/text/index.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { dossierDb } from '../../dossiers/tables.ts';

export const INBOX_TABS = ['new', 'mine', 'processing', 'approval', 'due_soon', 'overdue', 'waiting', 'consulting', 'results'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export const PAGE_SIZE = 50;

export interface InboxRow {
  code: string;
  procedureCode: string;
  procedureVersion: number;
  applicantName: string;
  channel: 'online' | 'counter';
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  dueDate: string | null;
  assigneeId: number | null;
}

export interface Inbox {
  tab: InboxTab;
  counts: Record<InboxTab, number>;
  rows: InboxRow[];
  total: number;
  page: number;
  pages: number;
}

export interface InboxQuery {
  tab?: InboxTab | undefined;
  /** Code, applicant name (accents optional) or procedure code. */
  q?: string | undefined;
  page?: number | undefined;
}

export function isInboxTab(s: string): s is InboxTab {
  return (INBOX_TABS as readonly string[]).includes(s);
}

export async function inbox(platform: Platform, actor: Actor, query: InboxQuery, now: Date = new Date()): Promise<Inbox> {
  const user = requireStaff(actor);
  const agency = user.agencyId ?? -1;
  const db = dossierDb(platform.database.db);
  const cal = await getWorkCalendar(platform);
  const soon = endOfVietnamDay(cal.nextWorkingDay(vietnamDateOf(now)));
  const inProgress = sql<SqlBool>`d.result_at is null and d.status not in ('supplement', 'refused')`;
  const mineOrHandled = sql<SqlBool>`(d.agency_id = ${agency} or d.handling_agency_id = ${agency})`;
  const consulted = sql<SqlBool>`exists (select 1 from dossier_consultations k where k.dossier_id = d.id and k.agency_id = ${agency} and k.replied_at is null)`;
  const tabWhere: Record<InboxTab, Expression<SqlBool>> = {
    new: sql`d.status = 'received' and d.agency_id = ${agency}`,
    mine: sql`d.assignee_id = ${user.id} and d.result_at is null`,
    processing: sql`d.status in ('processing', 'consulting', 'approved') and coalesce(d.handling_agency_id, d.agency_id) = ${agency}`,
    approval: sql`d.status = 'approval' and coalesce(d.handling_agency_id, d.agency_id) = ${agency}`,
    due_soon: sql`${mineOrHandled} and ${inProgress} and d.due_at >= ${now} and d.due_at <= ${soon}`,
    overdue: sql`${mineOrHandled} and ${inProgress} and d.due_at < ${now}`,
    waiting: sql`${mineOrHandled} and d.status = 'supplement'`,
    consulting: sql`d.status = 'consulting' and ${consulted}`,
    results: sql`d.status = 'result_ready' and d.agency_id = ${agency}`,
  };
  // Every open dossier the agency can see: received or handled here, assigned to the officer, or consulted.
  const visible = sql<SqlBool>`(d.agency_id = ${agency} or d.handling_agency_id = ${agency} or d.assignee_id = ${user.id} or (d.status = 'consulting' and ${consulted}))`;
  const countCols = INBOX_TABS.map((t) => sql`count(*) filter (where ${tabWhere[t]})::int as ${sql.ref(t)}`);
  const countRow = await sql<Record<InboxTab, number>>`select ${sql.join(countCols)} from dossiers d where d.finished_at is null and ${visible}`.execute(db);
  const counts = Object.fromEntries(INBOX_TABS.map((t) => [t, Number(countRow.rows[0]?.[t] ?? 0)])) as Record<InboxTab, number>;

  const tab = query.tab ?? defaultTab(user.roles);
  const q = (query.q ?? '').trim();
  const like = `%${q.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const folded = `%${searchKey(q).replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const search = q === '' ? sql<SqlBool>`true` : sql<SqlBool>`(d.code ilike ${like} or d.procedure_code ilike ${like} or lower(f_unaccent(d.applicant->>'name')) like ${folded})`;
  const where = sql<SqlBool>`d.finished_at is null and ${visible} and ${tabWhere[tab]} and ${search}`;
  const total = q === '' ? counts[tab] : Number((await sql<{ n: number }>`select count(*)::int as n from dossiers d where ${where}`.execute(db)).rows[0]?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const rows = await sql<{
    code: string; procedure_code: string; procedure_version: number; name: string; channel: 'online' | 'counter'; status: string;
    received_at: Date; due_at: Date | null; due_date: string | null; assignee_id: number | null;
  }>`select d.code, d.procedure_code, d.procedure_version, d.applicant->>'name' as name, d.channel, d.status, d.received_at, d.due_at,
       to_char(d.due_date, 'YYYY-MM-DD') as due_date, d.assignee_id
     from dossiers d where ${where}
     order by d.due_at asc nulls last, d.id asc limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`.execute(db);
  return {
    tab,
    counts,
    total,
    page,
    pages,
    rows: rows.rows.map((r) => ({
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
    })),
  };
}

/** The tab an officer starts on: what their role acts on first. */
export function defaultTab(roles: readonly string[]): InboxTab {
  if (roles.includes('one_stop_officer')) return 'new';
  if (roles.includes('leader')) return 'approval';
  if (roles.includes('specialist')) return 'processing';
  return 'due_soon';
}
