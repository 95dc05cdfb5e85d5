// Scale data for the registry (`egov seed --documents N`, bench/documents.ts): N documents (60% incoming, 40% outgoing)
// over every agency and the ten years up to today, in plausible Vietnamese (seed-text.ts, so full-text search has
// real work to do). Each agency-year is laid out in date order: arrival numbers and outgoing numbers follow each other
// per agency, year and series, continuing the counters, which are raised to match at the end, so the next number
// issued follows. Incoming documents are assigned to the agency's specialists (the demo desks) with working-day
// deadlines; the recent ones are still open, the rest done; the newest outgoing ones are drafts, in review or approved.
// Batches of one statement (insertJsonRows), two in flight on PostgreSQL. Not idempotent: each run adds N more.
import type { Platform } from '../../platform/http/context.ts';
import { Role } from '../../platform/auth/roles.ts';
import { addDays, vietnamDateOf, vietnamInstant, type IsoDate } from '../../platform/calendar/index.ts';
import { insertJsonRows } from '../../platform/db/bulk.ts';
import { findStaffWithRole } from '../accounts/index.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { listAgencies, type Agency } from '../units/index.ts';
import { issuerAbbreviation, notationFor } from './numbering.ts';
import { asPlatformDb, BULK_ASSIGNMENT_COLUMNS, BULK_DOCUMENT_COLUMNS, type CounterSeries, documentsBulk, documentsDb } from './repo.ts';
import { bodyFor, draftingUnits, INCOMING_TYPES, instructionFor, NATIONAL_AUTHORS, OUTGOING_TYPES, personName, pick, random, SIGNER_POSITIONS, SUBJECTS, summaryFor, URGENCY_MIX, weighted } from './seed-text.ts';

export interface DocumentSeedOptions {
  count: number;
  seed: number;
  now?: Date;
  /** Share of incoming documents (default 0.6). */
  incomingShare?: number;
  years?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DocumentSeedReport {
  documents: number;
  incoming: number;
  outgoing: number;
  assignments: number;
  agencies: number;
  years: number;
  ms: number;
}

const BATCH = 5000;
/** The city committee and the departments write and receive more than a ward. */
const WEIGHT: Record<string, number> = { city_committee: 8, department: 3, service_centre: 1, other: 1, commune_committee: 1 };

type Row = Record<string, unknown>;

export async function seedDocuments(platform: Platform, o: DocumentSeedOptions): Promise<DocumentSeedReport> {
  const started = Date.now();
  const db = documentsDb(platform.database.db);
  const rnd = random(o.seed);
  const now = o.now ?? new Date();
  const today = vietnamDateOf(now);
  const lastYear = Number(today.slice(0, 4));
  const years = o.years ?? 10;
  const share = o.incomingShare ?? 0.6;
  const calendar = await getWorkCalendar(platform);
  const agencies = (await listAgencies(platform.database.db)).filter((a) => a.active);
  const staff = new Map<number, { specialist: number | null; specialistName: string; leader: number | null; clerk: number | null }>();
  for (const a of agencies) {
    const [sp, ld, vt] = await Promise.all([Role.specialist, Role.leader, Role.registryClerk].map((r) => findStaffWithRole(platform.database.db, a.id, r)));
    staff.set(a.id, { specialist: sp?.[0]?.id ?? null, specialistName: sp?.[0]?.fullName ?? '', leader: ld?.[0]?.id ?? null, clerk: vt?.[0]?.id ?? null });
  }
  const counters = await documentsBulk.counters(db);
  const used = new Map<string, { agency_id: number; year: number; series: CounterSeries; last_number: number }>();
  const take = (agencyId: number, year: number, series: CounterSeries): number => {
    const key = `${agencyId}:${year}:${series}`;
    const c = used.get(key) ?? { agency_id: agencyId, year, series, last_number: counters.get(key) ?? 0 };
    c.last_number++;
    used.set(key, c);
    return c.last_number;
  };

  // Working days per year (up to today for this year), and "recent": the last 15 working days, still open.
  const workDays = new Map<number, IsoDate[]>();
  for (let y = lastYear - years + 1; y <= lastYear; y++) {
    const list: IsoDate[] = [];
    for (let d: IsoDate = `${y}-01-01`; d <= `${y}-12-31` && d <= today; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) list.push(d);
    workDays.set(y, list);
  }
  const recentFrom = calendar.addWorkingDays(today, -15);

  // How many documents each agency-year gets: by weight, the remainder spread at random.
  const chunks: { agency: Agency; year: number; n: number }[] = [];
  const total = agencies.reduce((s, a) => s + (WEIGHT[a.kind] ?? 1), 0) * years;
  for (const a of agencies) for (let y = lastYear - years + 1; y <= lastYear; y++) chunks.push({ agency: a, year: y, n: Math.floor((o.count * (WEIGHT[a.kind] ?? 1)) / total) });
  for (let left = o.count - chunks.reduce((s, c) => s + c.n, 0); left > 0; left--) chunks[Math.floor(rnd() * chunks.length)]!.n++;

  const parallel = platform.database.kind === 'pglite' ? 1 : 2;
  const inFlight = new Set<Promise<void>>();
  let docs: Row[] = [];
  let assignments: Row[] = [];
  let done = 0;
  let incoming = 0;
  let assigned = 0;
  let failure: unknown = null;
  const flush = async () => {
    const d = docs;
    const a = assignments;
    docs = [];
    assignments = [];
    const ids = await documentsBulk.takeIds(db, d.length);
    d.forEach((row, i) => (row.id = ids[i]));
    for (const x of a) x.document_id = (x.document_id as Row).id;
    const p: Promise<void> = (async () => {
      await insertJsonRows(asPlatformDb(db), 'documents', BULK_DOCUMENT_COLUMNS, d, true);
      await insertJsonRows(asPlatformDb(db), 'document_assignments', BULK_ASSIGNMENT_COLUMNS, a);
      done += d.length;
      o.onProgress?.(done, o.count);
    })()
      .catch((err: unknown) => void (failure ??= err))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= parallel) await Promise.race(inFlight);
    if (failure) throw failure;
  };

  const at = (date: IsoDate, minute: number): string => new Date(Math.min(vietnamInstant(date, minute).getTime(), now.getTime() - 60_000)).toISOString();
  const min = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
  for (const chunk of chunks) {
    const days = workDays.get(chunk.year) ?? [];
    if (chunk.n === 0 || days.length === 0) continue;
    const { agency, year } = chunk;
    const s = staff.get(agency.id)!;
    const issuer = issuerAbbreviation(agency);
    const units = draftingUnits(agency);
    const dates = Array.from({ length: chunk.n }, () => days[Math.floor(rnd() * days.length)]!).sort();
    const outgoing: Row[] = [];
    for (const day of dates) {
      const minute = 450 + Math.floor(rnd() * 540);
      const subject = pick(rnd, SUBJECTS);
      const urgency = weighted(rnd, URGENCY_MIX);
      const created = at(day, minute);
      const recent = day >= recentFrom;
      if (rnd() < share) {
        incoming++;
        const type = weighted(rnd, INCOMING_TYPES);
        const from = rnd() < 0.7 ? pick(rnd, agencies) : null;
        const national = pick(rnd, NATIONAL_AUTHORS);
        const author = from && from.id !== agency.id ? from.name : national.name;
        const arrival = take(agency.id, year, 'incoming');
        const open = recent && s.specialist !== null && s.leader !== null;
        const state = recent ? (open ? pick(rnd, ['registered', 'assigned', 'handling'] as const) : 'registered') : 'done';
        const deadline = state === 'registered' ? null : calendar.addWorkingDays(day, pick(rnd, [5, 7, 10, 15]));
        const row: Row = {
          agency_id: agency.id, direction: 'in', state, type_code: type, series: 'admin', year,
          // The issuer's number: unique per issuer in the agency's book (the arrival number, shifted per issuer).
          number: arrival + (author.length % 37), notation: notationFor(type, from && from.id !== agency.id ? issuerAbbreviation(from) : national.abbr, 'VP'),
          arrival_number: arrival, summary: summaryFor(rnd, type, year, agency.name, subject), body: rnd() < 0.5 ? bodyFor(rnd, subject, year, 1) : '', author,
          author_code: from && from.id !== agency.id ? from.code : null, document_date: addDays(day, -Math.floor(rnd() * 3)), arrived_on: day, signer_name: personName(rnd),
          signer_position: '', signer_competence: '', urgency, secrecy: 'normal', page_count: 1 + Math.floor(rnd() * 6), copies: 1, due_date: null,
          handling_deadline: deadline && s.specialist !== null ? deadline : null, recipients: '', drafting_unit: '', file_copy_holder: '', drafted_by: null,
          registered_by: s.clerk, approved_by: null, approved_at: null, issued_by: null, issued_at: null,
          done_at: state === 'done' ? at(min(deadline ? (rnd() < 0.85 ? calendar.addWorkingDays(day, 2) : addDays(deadline, 3)) : addDays(day, 3), today), 15 * 60) : null,
          recalled_at: null, recall_reason: null, created_at: created, updated_at: created,
        };
        docs.push(row);
        if (state !== 'registered' && s.specialist !== null && s.leader !== null) {
          assigned++;
          assignments.push({ document_id: row, account_id: s.specialist, role: 'lead', instruction: instructionFor(rnd, s.specialistName, deadline), deadline, assigned_by: s.leader, assigned_at: at(day, Math.min(minute + 60, 1020)), acknowledged_at: state === 'assigned' ? null : at(min(calendar.addWorkingDays(day, 1), today), 500) });
        }
      } else {
        const type = weighted(rnd, OUTGOING_TYPES);
        const unit = pick(rnd, units);
        const sign = pick(rnd, SIGNER_POSITIONS);
        const pending = recent && rnd() < 0.3;
        const state = pending ? pick(rnd, ['draft', 'review', 'approved'] as const) : 'issued';
        const row: Row = {
          agency_id: agency.id, direction: 'out', state, type_code: type, series: type === 'QĐ' && agency.kind !== 'department' && rnd() < 0.15 ? 'legal' : 'admin',
          year: null, number: null, notation: null, arrival_number: null, summary: summaryFor(rnd, type, year, agency.name, subject), body: bodyFor(rnd, subject, year, 1 + Math.floor(rnd() * 2)),
          author: '', author_code: null, document_date: null, arrived_on: null, signer_name: state === 'draft' || state === 'review' ? '' : personName(rnd), signer_position: sign.position,
          signer_competence: sign.competence, urgency, secrecy: 'normal', page_count: null, copies: 2 + Math.floor(rnd() * 6), due_date: null, handling_deadline: null,
          recipients: pick(rnd, agencies).name, drafting_unit: unit, file_copy_holder: state === 'issued' ? 'VT' : '', drafted_by: s.specialist, registered_by: null,
          approved_by: state === 'approved' || state === 'issued' ? s.leader : null, approved_at: state === 'approved' || state === 'issued' ? at(day, 480) : null,
          issued_by: state === 'issued' ? s.clerk : null, issued_at: state === 'issued' ? created : null, done_at: null, recalled_at: null, recall_reason: null,
          created_at: at(addDays(day, -2), minute), updated_at: created,
        };
        if (state === 'issued') Object.assign(row, { year, document_date: day, notation: notationFor(type, issuer, unit) });
        docs.push(row);
        if (state === 'issued') outgoing.push(row);
      }
      if (docs.length >= BATCH) {
        // Numbers are given in date order within the agency-year, before its rows leave.
        for (const r of outgoing.splice(0)) r.number = take(agency.id, year, r.series as CounterSeries);
        await flush();
      }
    }
    for (const r of outgoing.splice(0)) r.number = take(agency.id, year, r.series as CounterSeries);
  }
  if (docs.length > 0) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure;
  await documentsBulk.raiseCounters(db, [...used.values()]);
  return { documents: o.count, incoming, outgoing: o.count - incoming, assignments: assigned, agencies: agencies.length, years, ms: Date.now() - started };
}
