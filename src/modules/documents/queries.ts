// What the registry's pages list: a person's inbox (what waits for them), the outgoing and incoming registers of a
// period, full-text search (accent-insensitive: the 'vn' configuration folds diacritics) and the on-time figures per
// person. Every query is bounded to the user's agency and to what they may see (access.ts says the same in one place
// for one document; these filters are its set form).
import { sql, type Expression, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { foldAccents } from '../../platform/text/index.ts';
import { departmentsOf } from '../directory/index.ts';
import { isClerk, isLeader, requireDocumentStaff } from './access.ts';
import { DocumentErrors } from './errors.ts';
import { fieldErrors } from './messages.ts';
import { type DocumentRow, type DocumentTables, documentsDb } from './repo.ts';
import type { PlatformTables } from '../../platform/db/index.ts';

type Eb = ExpressionBuilder<PlatformTables & DocumentTables, 'documents'>;

/** The documents of the user's agency they may see (access.ts canSee, as a filter). */
function visible(eb: Eb, user: SessionUser & { agencyId: number }): Expression<SqlBool> {
  const assigned = eb.exists(eb.selectFrom('document_assignments as a').select('a.id').whereRef('a.document_id', '=', 'documents.id').where('a.account_id', '=', user.id));
  const named = eb.exists(eb.selectFrom('document_readers as r').select('r.account_id').whereRef('r.document_id', '=', 'documents.id').where('r.account_id', '=', user.id));
  const own = eb.or([eb('documents.drafted_by', '=', user.id), eb('documents.registered_by', '=', user.id)]);
  const broad = isClerk(user) || isLeader(user);
  const open = broad ? eb.val(true) : eb.or([assigned, eb.and([eb('documents.direction', '=', 'out'), eb('documents.state', 'in', ['issued', 'recalled'])])]);
  return eb.and([
    eb('documents.agency_id', '=', user.agencyId),
    eb.or([own, eb.and([eb('documents.secrecy', '=', 'confidential'), eb.or([assigned, named])]), eb.and([eb('documents.secrecy', '<>', 'confidential'), open])]),
  ]);
}

export interface InboxList {
  key: 'toRegister' | 'toAssign' | 'mine' | 'toApprove' | 'toIssue' | 'drafts' | 'overdue';
  rows: DocumentRow[];
}

const LIMIT = 200;

/** What waits for the user, by what they would do with it. */
export async function documentInbox(platform: Platform, actor: Actor, now = new Date()): Promise<{ lists: InboxList[]; today: string }> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  const today = vietnamDateOf(now);
  const base = () => db.selectFrom('documents').selectAll('documents').where((eb) => visible(eb, user));
  const lists: InboxList[] = [];
  const assignedToMe = base()
    .where('documents.direction', '=', 'in')
    .where('documents.state', 'in', ['assigned', 'handling'])
    .where((eb) => eb.exists(eb.selectFrom('document_assignments as a').select('a.id').whereRef('a.document_id', '=', 'documents.id').where('a.account_id', '=', user.id).where('a.role', '<>', 'info')))
    .orderBy('documents.handling_deadline', 'asc')
    .orderBy('documents.id', 'desc')
    .limit(LIMIT)
    .execute();
  const drafts = base().where('documents.direction', '=', 'out').where('documents.state', 'in', ['draft', 'review', 'approved']).where('documents.drafted_by', '=', user.id).orderBy('documents.updated_at', 'desc').limit(LIMIT).execute();
  if (isLeader(user)) {
    lists.push({ key: 'toAssign', rows: await base().where('documents.direction', '=', 'in').where('documents.state', '=', 'registered').orderBy('documents.urgency', 'desc').orderBy('documents.id', 'desc').limit(LIMIT).execute() });
    lists.push({ key: 'toApprove', rows: await base().where('documents.direction', '=', 'out').where('documents.state', '=', 'review').orderBy('documents.updated_at').limit(LIMIT).execute() });
    lists.push({
      key: 'overdue',
      rows: await base().where('documents.direction', '=', 'in').where('documents.state', 'in', ['assigned', 'handling']).where('documents.handling_deadline', '<', today).orderBy('documents.handling_deadline').limit(LIMIT).execute(),
    });
  }
  if (isClerk(user)) {
    lists.push({ key: 'toIssue', rows: await base().where('documents.direction', '=', 'out').where('documents.state', '=', 'approved').orderBy('documents.approved_at').limit(LIMIT).execute() });
    lists.push({ key: 'toRegister', rows: await base().where('documents.direction', '=', 'in').where('documents.state', '=', 'registered').orderBy('documents.id', 'desc').limit(LIMIT).execute() });
  }
  lists.push({ key: 'mine', rows: await assignedToMe });
  lists.push({ key: 'drafts', rows: await drafts });
  return { lists, today };
}

export interface Period {
  from: string;
  to: string;
}

export function checkPeriod(p: Period): void {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  if (!(days >= 0 && days <= 366)) throw DocumentErrors.INVALID({ fields: [{ field: 'from', message: fieldErrors.period }] });
}

/** The outgoing register of a period: issued (and later recalled or cancelled) documents by number. */
export async function outgoingRegister(platform: Platform, actor: Actor, p: Period): Promise<DocumentRow[]> {
  const user = requireDocumentStaff(actor);
  checkPeriod(p);
  return documentsDb(platform.database.db)
    .selectFrom('documents')
    .selectAll('documents')
    .where((eb) => visible(eb, user))
    .where('documents.direction', '=', 'out')
    .where('documents.number', 'is not', null)
    .where('documents.document_date', '>=', p.from)
    .where('documents.document_date', '<=', p.to)
    .orderBy('documents.year')
    .orderBy('documents.series')
    .orderBy('documents.number')
    .limit(100_000)
    .execute();
}

/** The incoming register of a period, by arrival number. */
export async function incomingRegister(platform: Platform, actor: Actor, p: Period): Promise<DocumentRow[]> {
  const user = requireDocumentStaff(actor);
  checkPeriod(p);
  return documentsDb(platform.database.db)
    .selectFrom('documents')
    .selectAll('documents')
    .where((eb) => visible(eb, user))
    .where('documents.direction', '=', 'in')
    .where('documents.arrived_on', '>=', p.from)
    .where('documents.arrived_on', '<=', p.to)
    .orderBy('documents.year')
    .orderBy('documents.arrival_number')
    .limit(100_000)
    .execute();
}

/** Full-text search over the metadata and the text (and PDF text) of the documents the user may see, newest first.
 *  Bounded to one agency inside the GIN index: every vector carries its agency's lexeme (migration 0037), so a common
 *  word no longer fetches every agency's matches (19,000 of 1,000,000 documents for "cải cách hành chính") to keep
 *  fifty. Whole words first: the index intersects their posting lists, the agency's driving, in ~15 ms at 1,000,000
 *  documents. Only when they do not fill the page is the last word widened to a prefix (the word being typed, "Hoàn
 *  Ki"): a prefix is a partial match that unions the postings of every lexeme beginning with it in every agency, 50 to
 *  400 ms for a short one, so it is never applied to every word (p95 207 → 49 ms: bench/results/documents-2026-12-05T0344.txt). */
export async function searchDocuments(platform: Platform, actor: Actor, query: string, limit = 50): Promise<DocumentRow[]> {
  const user = requireDocumentStaff(actor);
  const words = foldAccents(query)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return [];
  // The agency's lexeme ANDed in (migration 0037): the index finds the agency's matches only.
  const agencyLexeme = `egovagency${user.agencyId}`;
  const run = (tsquery: string) =>
    documentsDb(platform.database.db)
      .selectFrom('documents')
      .selectAll('documents')
      .where((eb) => visible(eb, user))
      .where(sql<boolean>`documents.search_tsv @@ (to_tsquery('vn'::regconfig, ${tsquery}) && ${agencyLexeme}::tsquery)`)
      .orderBy('documents.created_at', 'desc')
      .limit(limit)
      .execute();
  const whole = await run(words.join(' & '));
  const last = words[words.length - 1]!;
  if (whole.length >= limit || last.length < 2) return whole;
  return run([...words.slice(0, -1), `${last}:*`].join(' & '));
}

export interface OnTimeRow {
  accountId: number;
  name: string;
  /** The lead handler's department (phòng, ban) from the staff directory; '' when the directory names none. */
  unit: string;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
}

/** Incoming documents handled on time / late per lead handler, for the period of arrival. */
export async function onTimeByPerson(platform: Platform, actor: Actor, p: Period, now = new Date()): Promise<OnTimeRow[]> {
  const user = requireDocumentStaff(actor);
  if (!isLeader(user) && !isClerk(user)) throw DocumentErrors.NOT_ALLOWED();
  checkPeriod(p);
  const today = vietnamDateOf(now);
  const rows = await sql<{ account_id: number; full_name: string; on_time: string; late: string; open: string; overdue: string }>`
    select a.account_id, acc.full_name,
      count(*) filter (where d.state = 'done' and (a.deadline is null or (d.done_at at time zone 'Asia/Ho_Chi_Minh')::date <= a.deadline)) as on_time,
      count(*) filter (where d.state = 'done' and a.deadline is not null and (d.done_at at time zone 'Asia/Ho_Chi_Minh')::date > a.deadline) as late,
      count(*) filter (where d.state in ('assigned', 'handling') and (a.deadline is null or a.deadline >= ${today}::date)) as open,
      count(*) filter (where d.state in ('assigned', 'handling') and a.deadline < ${today}::date) as overdue
    from document_assignments a
    join documents d on d.id = a.document_id
    join accounts acc on acc.id = a.account_id
    where a.role = 'lead' and d.agency_id = ${user.agencyId} and d.arrived_on between ${p.from}::date and ${p.to}::date
    group by a.account_id, acc.full_name
    order by acc.full_name`.execute(platform.database.db);
  const units = await departmentsOf(platform.database.db, rows.rows.map((r) => Number(r.account_id)));
  return rows.rows.map((r) => ({ accountId: Number(r.account_id), name: r.full_name, unit: units.get(Number(r.account_id)) ?? '', onTime: Number(r.on_time), late: Number(r.late), open: Number(r.open), overdue: Number(r.overdue) }));
}

export interface OnTimeUnitRow {
  unit: string;
  people: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
}

const collator = new Intl.Collator('vi');

/** The per-person rows summed per unit (the issue's "handled on time / late per unit"), in Vietnamese order; the
 *  handlers the directory places in no unit come last, under ''. */
export function onTimeByUnit(rows: readonly OnTimeRow[]): OnTimeUnitRow[] {
  const by = new Map<string, OnTimeUnitRow>();
  for (const r of rows) {
    const u = by.get(r.unit) ?? { unit: r.unit, people: 0, onTime: 0, late: 0, open: 0, overdue: 0 };
    u.people++;
    u.onTime += r.onTime;
    u.late += r.late;
    u.open += r.open;
    u.overdue += r.overdue;
    by.set(r.unit, u);
  }
  return [...by.values()].sort((a, b) => (a.unit === '' ? 1 : 0) - (b.unit === '' ? 1 : 0) || collator.compare(a.unit, b.unit));
}

/**
 * The share (0–100) of an agency's incoming documents of a year, done, that were done by their lead's deadline; null
 * when none was done. For other modules' figures (the IT-readiness form, issue 14), without an actor: the caller
 * decides who may see it.
 */
export async function agencyOnTimeShare(platform: Platform, agencyId: number, year: number): Promise<number | null> {
  const r = await sql<{ on_time: string; done: string }>`
    select
      count(*) filter (where a.deadline is null or (d.done_at at time zone 'Asia/Ho_Chi_Minh')::date <= a.deadline) as on_time,
      count(*) as done
    from documents d
    join document_assignments a on a.document_id = d.id and a.role = 'lead'
    where d.agency_id = ${agencyId} and d.direction = 'in' and d.state = 'done'
      and d.arrived_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`.execute(platform.database.db);
  const done = Number(r.rows[0]?.done ?? 0);
  return done > 0 ? Math.round((Number(r.rows[0]!.on_time) / done) * 1000) / 10 : null;
}
