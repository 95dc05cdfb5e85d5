// An officer's inbox (issue 4 "Officer work"): the in-progress dossiers of their agency, in tabs: new online and counter
// dossiers to receive, the ones assigned to them, waiting for approval, due within 1 working day, overdue, waiting for
// the applicant, consultations asked of the agency, results to record and return (approved ones too). Counts on every tab, search by code, name or
// procedure. Only open dossiers are read (partial indexes `where finished_at is null`), so the inbox stays fast with
// a million dossiers in the table.
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { endOfVietnamDay, vietnamDateOf } from '../../../platform/calendar/index.ts';
import { searchKey } from '../../../platform/text/index.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { inboxRepo, type InboxViewer } from './repo-inbox.ts';
import { CASE_ROLES, CONSULTED_ROLES } from '../../dossiers/index.ts';

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
  // The inbox lists applicants' names: only for the roles that handle dossiers (dossiers/privacy.ts, Decree
  // 13/2023/NĐ-CP); the consultations asked of the agency only for those who answer them.
  const user = requireStaff(actor, ...CASE_ROLES);
  const cal = await getWorkCalendar(platform);
  const agencyId = user.agencyId ?? -1;
  const consultedAgencyId = user.roles.some((r) => CONSULTED_ROLES.includes(r)) ? agencyId : -1;
  const who: InboxViewer = { agencyId, consultedAgencyId, userId: user.id, now, soon: endOfVietnamDay(cal.nextWorkingDay(vietnamDateOf(now))) };
  const db = platform.database.db;
  const counts = await inboxRepo.counts(db, who);
  const tab = query.tab ?? defaultTab(user.roles);
  const q = (query.q ?? '').trim();
  const search = q === '' ? null : { like: `%${escapeLike(q)}%`, folded: `%${escapeLike(searchKey(q))}%` };
  const total = search === null ? counts[tab] : await inboxRepo.count(db, who, tab, search);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const rows = await inboxRepo.rows(db, who, tab, search, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { tab, counts, total, page, pages, rows };
}

const escapeLike = (s: string): string => s.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');

/** The tab an officer starts on: what their role acts on first. */
export function defaultTab(roles: readonly string[]): InboxTab {
  if (roles.includes('one_stop_officer')) return 'new';
  if (roles.includes('leader')) return 'approval';
  if (roles.includes('specialist')) return 'processing';
  return 'due_soon';
}
