// Demo official documents (demo seed only, never in production): the year before "now" of incoming and outgoing
// documents at the city committee, the city office and three wards (Hoàn Kiếm, where the demo clerk, leader and
// specialist work, Ba Đình and one more), in every state: registered, assigned with working-day deadlines (some
// overdue), handling, done on time and late; drafts, in review, approved awaiting a number, issued, one recalled, one
// number cancelled. Numbers follow each other per agency, year and series and the counters are set to match, so the
// next number issued follows; arrival numbers likewise. With history events, assignments and a few work files.
// Bulk inserts in one transaction (~2,000 documents); idempotent: nothing is added once a demo agency has a document.
import type { Platform } from '../../platform/http/context.ts';
import { Role } from '../../platform/auth/roles.ts';
import { addDays, vietnamDateOf, vietnamInstant, type IsoDate, type WorkCalendar } from '../../platform/calendar/index.ts';
import { insertJsonRows } from '../../platform/db/bulk.ts';
import { findStaffWithRole, type StaffSummary } from '../accounts/index.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { listAgencies, type Agency } from '../units/index.ts';
import { issuerAbbreviation, notationFor, numberNotation } from './numbering.ts';
import { asPlatformDb, BULK_ASSIGNMENT_COLUMNS, BULK_DOCUMENT_COLUMNS, BULK_EVENT_COLUMNS, type CounterSeries, documentsBulk, documentsDb, type DocumentsDb } from './repo.ts';
import {
  bodyFor, DONE_NOTES, draftingUnits, INCOMING_TYPES, instructionFor, NATIONAL_AUTHORS, OUTGOING_TYPES, personName, pick, PROGRESS_NOTES, random, type Rnd,
  SIGNER_POSITIONS, SUBJECTS, summaryFor, URGENCY_MIX, weighted,
} from './seed-text.ts';

/** The demo agencies and how many documents each gets in the year (incoming, outgoing). */
export const DEMO_DOCUMENT_AGENCIES: readonly { code: string; incoming: number; outgoing: number }[] = [
  { code: '000.00.00.H26', incoming: 420, outgoing: 300 }, // UBND Thành phố
  { code: '000.00.01.H26', incoming: 300, outgoing: 200 }, // Văn phòng UBND Thành phố
  { code: '000.04.51.H26', incoming: 330, outgoing: 200 }, // UBND phường Hoàn Kiếm (the demo accounts)
  { code: '000.01.51.H26', incoming: 150, outgoing: 100 }, // UBND phường Ba Đình
  { code: '000.05.51.H26', incoming: 150, outgoing: 100 },
];
const HOAN_KIEM = '000.04.51.H26';

interface Staff {
  specialists: StaffSummary[];
  leaders: StaffSummary[];
  clerks: StaffSummary[];
}

/** The demo's own accounts first (demo.chuyenvien before demo.hoankiem.chuyenvien), so that they get most of the work. */
async function staffOf(platform: Platform, agencyId: number): Promise<Staff> {
  const db = platform.database.db;
  const order = (xs: StaffSummary[]) => xs.sort((a, b) => Number(b.username.split('.').length === 2) - Number(a.username.split('.').length === 2) || a.id - b.id);
  return {
    specialists: order(await findStaffWithRole(db, agencyId, Role.specialist)),
    leaders: order(await findStaffWithRole(db, agencyId, Role.leader)),
    clerks: order(await findStaffWithRole(db, agencyId, Role.registryClerk)),
  };
}

type Row = Record<string, unknown>;

/** What a load inserts: documents with their ids, assignments, events, cancelled numbers, counters, work files. */
export interface Load {
  documents: Row[];
  assignments: Row[];
  events: Row[];
  cancelled: Row[];
  counters: Map<string, { agency_id: number; year: number; series: CounterSeries; last_number: number }>;
  workFiles: { agency_id: number; code: string; title: string; retention: string; opened_on: string; keeper_id: number | null; documents: number[] }[];
}

/** An instant of a Vietnam day, never after `now` (today's work happened before the seed ran). */
const clampedAt =
  (now: Date) =>
  (date: IsoDate, minute: number): string =>
    new Date(Math.min(vietnamInstant(date, minute).getTime(), now.getTime() - 60_000)).toISOString();
const officeMinute = (rnd: Rnd): number => 7 * 60 + 30 + Math.floor(rnd() * 9 * 60);
const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));
/** Earlier or equal of two ISO dates. */
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** The next number of a counter key, continuing from `start` (what the counters held before the load). */
function take(load: Load, start: Map<string, number>, agencyId: number, year: number, series: CounterSeries): number {
  const key = `${agencyId}:${year}:${series}`;
  const c = load.counters.get(key) ?? { agency_id: agencyId, year, series, last_number: start.get(key) ?? 0 };
  c.last_number++;
  load.counters.set(key, c);
  return c.last_number;
}

interface Context {
  rnd: Rnd;
  calendar: WorkCalendar;
  /** Working days of the year, oldest first; the last one is today or the working day before. */
  days: IsoDate[];
  today: IsoDate;
  agencies: Agency[];
  start: Map<string, number>;
  load: Load;
  ids: () => number;
  at: (date: IsoDate, minute: number) => string;
}

const label = (s: StaffSummary | undefined, fallback: string) => ({ actor_id: s?.id ?? null, actor_label: s?.fullName ?? fallback });

function authorFor(c: Context, agency: Agency, type: string): { author: string; code: string | null; issuer: string } {
  const { rnd, agencies } = c;
  const r = rnd();
  const others = (kind: Agency['kind']) => agencies.filter((a) => a.kind === kind && a.id !== agency.id);
  let from: Agency | undefined;
  if (agency.kind === 'commune_committee') {
    if (r < 0.4) from = others('city_committee')[0];
    else if (r < 0.75) from = pick(rnd, others('department'));
    else if (r < 0.85) from = pick(rnd, others('commune_committee'));
  } else if (r < 0.45) from = pick(rnd, others('department'));
  else if (r < 0.6) from = pick(rnd, others('commune_committee'));
  else if (r < 0.65) from = others('city_committee')[0];
  if (from) {
    const issuer = issuerAbbreviation(from);
    return { author: from.name, code: from.code, issuer: notationFor(type, issuer, pick(rnd, draftingUnits(from))) };
  }
  const n = pick(rnd, NATIONAL_AUTHORS);
  return { author: n.name, code: null, issuer: notationFor(type, n.abbr, 'VP') };
}

/** The author's own number: rising through the year per author, so the same issuer never repeats one. */
function authorNumber(authorNumbers: Map<string, number>, rnd: Rnd, key: string): number {
  const n = (authorNumbers.get(key) ?? 20 + Math.floor(rnd() * 300)) + 1 + Math.floor(rnd() * 25);
  authorNumbers.set(key, n);
  return n;
}

function incoming(c: Context, agency: Agency, staff: Staff, count: number, demo: boolean): void {
  const { rnd, calendar, days, today, load, at } = c;
  const dayIdx = Array.from({ length: count }, () => Math.floor(rnd() * days.length)).sort((a, b) => a - b);
  // The last few arrivals wait for the leader (registered), whatever the draw said.
  const waiting = demo ? 6 : 4;
  const authorNumbers = new Map<string, number>();
  const clerk = staff.clerks[0];
  const leader = staff.leaders[0];
  for (let i = 0; i < count; i++) {
    const idx = dayIdx[i]!;
    const day = days[idx]!;
    const age = days.length - 1 - idx;
    const minute = officeMinute(rnd);
    const type = weighted(rnd, INCOMING_TYPES);
    const subject = pick(rnd, SUBJECTS);
    const year = yearOf(day);
    const a = authorFor(c, agency, type);
    const docDate = addDays(day, -Math.floor(rnd() * 4));
    const id = c.ids();
    const arrival = take(load, c.start, agency.id, year, 'incoming');
    const lead = staff.specialists.length === 0 ? undefined : staff.specialists[rnd() < 0.65 ? 0 : Math.floor(rnd() * staff.specialists.length)];
    let state: string;
    if (count - i <= waiting || !lead || !leader) state = count - i <= waiting || age <= 20 ? 'registered' : 'done';
    else if (age <= 15) state = rnd() < 0.5 ? 'assigned' : 'handling';
    else state = weighted(rnd, [['done', 94], ['handling', 4], ['assigned', 2]]);
    const confidential = lead !== undefined && state !== 'registered' && rnd() < 0.02;
    const urgency = weighted(rnd, URGENCY_MIX);
    const arrivedAt = at(day, minute);
    const doc: Row = {
      id, agency_id: agency.id, direction: 'in', state, type_code: type, series: 'admin', year, number: authorNumber(authorNumbers, rnd, a.author + a.issuer), notation: a.issuer,
      arrival_number: arrival, summary: summaryFor(rnd, type, year, agency.name, subject), body: rnd() < 0.3 ? bodyFor(rnd, subject, year, 2) : '', author: a.author, author_code: a.code,
      document_date: docDate, arrived_on: day, signer_name: personName(rnd), signer_position: '', signer_competence: '', urgency, secrecy: confidential ? 'confidential' : 'normal',
      page_count: 1 + Math.floor(rnd() * 8), copies: 1, due_date: (type === 'CV' || type === 'BC') && rnd() < 0.2 ? calendar.addWorkingDays(day, 10) : null, handling_deadline: null,
      recipients: '', drafting_unit: '', file_copy_holder: '', drafted_by: null, registered_by: clerk?.id ?? null, approved_by: null, approved_at: null, issued_by: null,
      issued_at: null, done_at: null, recalled_at: null, recall_reason: null, created_at: arrivedAt, updated_at: arrivedAt,
    };
    load.documents.push(doc);
    load.events.push({ document_id: id, kind: 'registered', note: '', ...label(clerk, 'Văn thư'), at: arrivedAt });
    if (state === 'registered' || (state === 'done' && !lead)) {
      if (state === 'done') {
        doc.done_at = at(minDate(calendar.addWorkingDays(day, 3), today), 16 * 60);
        load.events.push({ document_id: id, kind: 'done', note: 'Lưu hồ sơ, để biết.', ...label(clerk, 'Văn thư'), at: doc.done_at });
      }
      continue;
    }
    const assignedOn = minDate(calendar.addWorkingDays(day, rnd() < 0.6 ? 0 : 1), today);
    const assignedAt = at(assignedOn, Math.max(minute + 30, 8 * 60 + Math.floor(rnd() * 8 * 60)));
    const days_ = pick(rnd, [3, 5, 5, 7, 10, 10, 15]);
    const deadline = calendar.addWorkingDays(assignedOn, urgency === 'normal' ? days_ : Math.min(days_, 3));
    const instruction = instructionFor(rnd, lead!.fullName, deadline);
    doc.handling_deadline = deadline;
    const acknowledged = state !== 'assigned';
    const ackAt = acknowledged ? at(minDate(calendar.addWorkingDays(assignedOn, 1), today), 8 * 60 + 15) : null;
    load.assignments.push({ document_id: id, account_id: lead!.id, role: 'lead', instruction, deadline, assigned_by: leader!.id, assigned_at: assignedAt, acknowledged_at: ackAt });
    const co = staff.specialists.find((s) => s.id !== lead!.id);
    if (co && rnd() < 0.3) load.assignments.push({ document_id: id, account_id: co.id, role: 'co', instruction, deadline, assigned_by: leader!.id, assigned_at: assignedAt, acknowledged_at: null });
    if (clerk && rnd() < 0.1) load.assignments.push({ document_id: id, account_id: clerk.id, role: 'info', instruction: 'Để biết, theo dõi.', deadline, assigned_by: leader!.id, assigned_at: assignedAt, acknowledged_at: null });
    load.events.push({ document_id: id, kind: 'assigned', note: instruction, ...label(leader, 'Lãnh đạo'), at: assignedAt });
    doc.updated_at = assignedAt;
    if (!ackAt) continue;
    load.events.push({ document_id: id, kind: 'acknowledged', note: '', ...label(lead, ''), at: ackAt });
    doc.updated_at = ackAt;
    if (rnd() < 0.4) {
      const progressAt = at(minDate(calendar.addWorkingDays(assignedOn, 2), today), 10 * 60 + Math.floor(rnd() * 300));
      load.events.push({ document_id: id, kind: 'progress', note: pick(rnd, PROGRESS_NOTES), ...label(lead, ''), at: progressAt });
      doc.updated_at = progressAt;
    }
    if (state !== 'done') continue;
    // 85% on time (within the deadline), the rest one to six working days late.
    const late = rnd() < 0.15;
    const span = Math.max(1, Math.round((Date.parse(deadline) - Date.parse(assignedOn)) / 86_400_000 / 1.4));
    const doneOn = minDate(late ? calendar.addWorkingDays(deadline, 1 + Math.floor(rnd() * 6)) : minDate(calendar.addWorkingDays(assignedOn, 1 + Math.floor(rnd() * span)), deadline), today);
    doc.done_at = at(doneOn, 15 * 60 + Math.floor(rnd() * 120));
    doc.updated_at = doc.done_at;
    load.events.push({ document_id: id, kind: 'done', note: pick(rnd, DONE_NOTES), ...label(lead, ''), at: doc.done_at });
  }
}

function outgoing(c: Context, agency: Agency, staff: Staff, count: number, demo: boolean): void {
  const { rnd, calendar, days, load, at } = c;
  const dayIdx = Array.from({ length: count }, () => Math.floor(rnd() * days.length)).sort((a, b) => a - b);
  const issuer = issuerAbbreviation(agency);
  const clerk = staff.clerks[0];
  const leader = staff.leaders[0];
  const units = draftingUnits(agency);
  // The newest: drafts, then in review, then approved awaiting a number; the rest issued.
  const pending: string[] = demo ? ['approved', 'approved', 'approved', 'review', 'review', 'review', 'draft', 'draft', 'draft', 'draft'] : ['approved', 'approved', 'review', 'review', 'draft', 'draft'];
  const issued: Row[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[dayIdx[i]!]!;
    const fromEnd = count - 1 - i;
    const state = fromEnd < pending.length ? pending[pending.length - 1 - fromEnd]! : 'issued';
    const type = weighted(rnd, OUTGOING_TYPES);
    const subject = pick(rnd, SUBJECTS);
    const unit = pick(rnd, units);
    const series: 'admin' | 'legal' = type === 'QĐ' && agency.kind !== 'department' && rnd() < 0.15 ? 'legal' : 'admin';
    const drafter = staff.specialists.length === 0 ? undefined : staff.specialists[rnd() < 0.7 ? 0 : Math.floor(rnd() * staff.specialists.length)];
    const sign = pick(rnd, SIGNER_POSITIONS);
    const signer = sign.position === 'Chủ tịch' && leader ? leader.fullName : personName(rnd);
    const id = c.ids();
    const draftedOn = calendar.addWorkingDays(day, -(1 + Math.floor(rnd() * 4)));
    const draftedAt = at(draftedOn, officeMinute(rnd));
    const year = yearOf(day);
    const doc: Row = {
      id, agency_id: agency.id, direction: 'out', state, type_code: type, series, year: null, number: null, notation: null, arrival_number: null,
      summary: summaryFor(rnd, type, year, agency.name, subject), body: bodyFor(rnd, subject, year, 2 + Math.floor(rnd() * 3)), author: '', author_code: null,
      document_date: null, arrived_on: null, signer_name: state === 'draft' || state === 'review' ? '' : signer, signer_position: sign.position, signer_competence: sign.competence,
      urgency: weighted(rnd, URGENCY_MIX), secrecy: 'normal', page_count: null, copies: 2 + Math.floor(rnd() * 8), due_date: null, handling_deadline: null,
      recipients: [...new Set([pick(rnd, c.agencies).name, pick(rnd, NATIONAL_AUTHORS).name, pick(rnd, c.agencies).name])].slice(0, 1 + Math.floor(rnd() * 3)).join('\n'),
      drafting_unit: unit, file_copy_holder: '', drafted_by: drafter?.id ?? null, registered_by: null, approved_by: null, approved_at: null, issued_by: null, issued_at: null,
      done_at: null, recalled_at: null, recall_reason: null, created_at: draftedAt, updated_at: draftedAt,
    };
    load.documents.push(doc);
    load.events.push({ document_id: id, kind: 'drafted', note: '', ...label(drafter, 'Chuyên viên'), at: draftedAt });
    if (state === 'draft') continue;
    const submittedAt = at(minDate(calendar.addWorkingDays(draftedOn, 1), day), 9 * 60);
    load.events.push({ document_id: id, kind: 'submitted', note: '', ...label(drafter, 'Chuyên viên'), at: submittedAt });
    doc.updated_at = submittedAt;
    if (rnd() < 0.15) load.events.push({ document_id: id, kind: 'comment', note: 'Đề nghị bổ sung căn cứ pháp lý và số liệu cụ thể.', ...label(leader, 'Lãnh đạo'), at: at(vietnamDateOf(new Date(submittedAt)), 10 * 60) });
    if (state === 'review') continue;
    const approvedAt = at(day, 8 * 60 + Math.floor(rnd() * 120));
    Object.assign(doc, { approved_by: leader?.id ?? null, approved_at: approvedAt, updated_at: approvedAt });
    load.events.push({ document_id: id, kind: 'approved', note: '', ...label(leader, 'Lãnh đạo'), at: approvedAt });
    if (state === 'approved') continue;
    const issuedAt = at(day, 10 * 60 + Math.floor(rnd() * 360));
    Object.assign(doc, { document_date: day, issued_by: clerk?.id ?? null, issued_at: issuedAt, file_copy_holder: 'VT', updated_at: issuedAt, year, notation: notationFor(type, issuer, unit) });
    issued.push(doc);
  }
  // Numbers in the order of issue, per year and series, continuing the counters.
  issued.sort((a, b) => String(a.issued_at).localeCompare(String(b.issued_at)));
  for (const doc of issued) {
    doc.number = take(load, c.start, agency.id, doc.year as number, doc.series as CounterSeries);
    load.events.push({ document_id: doc.id, kind: 'issued', note: numberNotation(doc.number as number, doc.notation as string), ...label(clerk, 'Văn thư'), at: doc.issued_at });
  }
  if (!demo || issued.length < 40) return;
  // One recalled a month ago, one number cancelled (kept taken, listed with its reason).
  const recalled = issued[issued.length - 30]!;
  const recalledAt = c.at(addDays(recalled.document_date as IsoDate, 2), 9 * 60);
  Object.assign(recalled, { state: 'recalled', recalled_at: recalledAt, recall_reason: 'Ban hành nhầm phụ lục kèm theo; sẽ ban hành văn bản thay thế.', updated_at: recalledAt });
  load.events.push({ document_id: recalled.id, kind: 'recalled', note: recalled.recall_reason, ...label(leader, 'Lãnh đạo'), at: recalledAt });
  const cancelled = issued[issued.length - 45]!;
  const cancelledAt = c.at(addDays(cancelled.document_date as IsoDate, 1), 14 * 60);
  const reason = 'Sai thể thức văn bản (thiếu nơi nhận); số đã cấp không sử dụng.';
  Object.assign(cancelled, { state: 'cancelled', updated_at: cancelledAt });
  load.events.push({ document_id: cancelled.id, kind: 'cancelled', note: reason, ...label(clerk, 'Văn thư'), at: cancelledAt });
  load.cancelled.push({ agency_id: agency.id, year: cancelled.year, series: cancelled.series, number: cancelled.number, document_id: cancelled.id, reason, cancelled_by: clerk?.id ?? null, cancelled_at: cancelledAt });
}

/** A few work files of an agency, each gathering the year's documents on one subject. */
function workFiles(c: Context, agency: Agency, staff: Staff, first: number): void {
  const mine = c.load.documents.slice(first);
  const year = yearOf(c.today);
  const subjects = ['công tác cải cách hành chính', 'chuyển đổi số và Đề án 06', 'phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'tiếp công dân và giải quyết khiếu nại, tố cáo'];
  subjects.forEach((s, i) => {
    const docs = mine.filter((d) => String(d.summary).includes(s) && d.state !== 'draft' && d.state !== 'review').slice(0, 25);
    if (docs.length === 0) return;
    c.load.workFiles.push({
      agency_id: agency.id,
      code: `${String(i + 1).padStart(2, '0')}.VP`,
      title: `Hồ sơ về ${s} năm ${year}`,
      retention: i === 3 ? 'permanent' : '10',
      opened_on: docs.map((d) => String(d.arrived_on ?? d.document_date ?? String(d.created_at).slice(0, 10))).sort()[0]!,
      keeper_id: staff.specialists[0]?.id ?? null,
      documents: docs.map((d) => d.id as number),
    });
  });
}

/** Inserts a load: documents, then what refers to them, then the counters raised to the numbers used. */
export async function insertLoad(db: DocumentsDb, load: Load, batch = 2000): Promise<void> {
  const pdb = asPlatformDb(db);
  for (let i = 0; i < load.documents.length; i += batch) await insertJsonRows(pdb, 'documents', BULK_DOCUMENT_COLUMNS, load.documents.slice(i, i + batch), true);
  for (let i = 0; i < load.assignments.length; i += batch) await insertJsonRows(pdb, 'document_assignments', BULK_ASSIGNMENT_COLUMNS, load.assignments.slice(i, i + batch));
  for (let i = 0; i < load.events.length; i += batch) await insertJsonRows(pdb, 'document_events', BULK_EVENT_COLUMNS, load.events.slice(i, i + batch));
  await insertJsonRows(pdb, 'document_cancelled_numbers', [['agency_id', 'bigint'], ['year', 'int'], ['series', 'text'], ['number', 'int'], ['document_id', 'bigint'], ['reason', 'text'], ['cancelled_by', 'bigint'], ['cancelled_at', 'timestamptz']], load.cancelled);
  for (const w of load.workFiles) {
    const row = await db
      .insertInto('work_files')
      .values({ agency_id: w.agency_id, code: w.code, title: w.title, retention: w.retention, opened_on: w.opened_on, closed_on: null, keeper_id: w.keeper_id })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (w.documents.length > 0) await db.insertInto('work_file_documents').values(w.documents.map((document_id) => ({ work_file_id: row.id, document_id }))).execute();
  }
  await documentsBulk.raiseCounters(db, [...load.counters.values()]);
}

export async function seedDemoDocuments(platform: Platform, now = new Date()): Promise<void> {
  const db = documentsDb(platform.database.db);
  const all = await listAgencies(platform.database.db);
  const byCode = new Map(all.map((a) => [a.code, a]));
  const demo = DEMO_DOCUMENT_AGENCIES.filter((d) => byCode.has(d.code));
  if (demo.length === 0) return;
  const ids = demo.map((d) => byCode.get(d.code)!.id);
  if (await db.selectFrom('documents').select('id').where('agency_id', 'in', ids).limit(1).executeTakeFirst()) return;
  const calendar = await getWorkCalendar(platform);
  const today = vietnamDateOf(now);
  const days: IsoDate[] = [];
  for (let d = addDays(today, -364); d <= today; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  const total = demo.reduce((s, d) => s + d.incoming + d.outgoing, 0);
  // Read before the transaction: PGlite has one connection, which the transaction holds.
  const staff = new Map<string, Staff>();
  for (const d of demo) staff.set(d.code, await staffOf(platform, byCode.get(d.code)!.id));
  await db.transaction().execute(async (trx) => {
    const taken = await documentsBulk.takeIds(trx, total);
    let next = 0;
    const load: Load = { documents: [], assignments: [], events: [], cancelled: [], counters: new Map(), workFiles: [] };
    const c: Context = { rnd: random(2026), calendar, days, today, agencies: all.filter((a) => a.active), start: await documentsBulk.counters(trx), load, ids: () => taken[next++]!, at: clampedAt(now) };
    for (const d of demo) {
      const agency = byCode.get(d.code)!;
      const s = staff.get(d.code)!;
      const first = load.documents.length;
      incoming(c, agency, s, d.incoming, d.code === HOAN_KIEM);
      outgoing(c, agency, s, d.outgoing, d.code === HOAN_KIEM);
      if (d.code === HOAN_KIEM || d.code === '000.00.01.H26') workFiles(c, agency, s, first);
    }
    await insertLoad(trx, load);
  });
}
