// The tracking book (Sổ theo dõi hồ sơ, Form 06 of Circular 01/2018/TT-VPCP) of the officer's agency: every dossier
// the agency received in a period, one line each, as PDF or XLSX. A book holds at most BOOK_MAX_ROWS lines; past that
// the officer is told to choose a shorter period.
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import { addDays, endOfVietnamDay, isInputDate, parseIsoDate, vietnamInstant } from '../../../platform/calendar/index.ts';
import { findAgencyById } from '../../units/index.ts';
import { findProcedureVersionForDossier, stateLabels } from '../../dossiers/index.ts';
import type { BookMeta, BookRow } from '../forms/index.ts';
import { bookRepo } from './repo-book.ts';
import { bookPage as m } from './messages.ts';

export const BOOK_MAX_ROWS = 5000;
export const BOOK_MAX_DAYS = 366;

const dayNumber = (date: string): number => {
  const { y, m: month, d } = parseIsoDate(date);
  return Date.UTC(y, month - 1, d) / 86_400_000;
};

export interface Book {
  rows: BookRow[];
  meta: BookMeta;
  /** Dossiers received in the period, all of them, even past the book's limit. */
  total: number;
  cut: boolean;
}

/** The period's errors (field → message), none when it is valid. */
export function periodErrors(from: string, to: string): { field: 'from' | 'to'; message: typeof m.badDate }[] {
  const errors: { field: 'from' | 'to'; message: typeof m.badDate }[] = [];
  if (!isInputDate(from)) errors.push({ field: 'from', message: m.badDate });
  if (!isInputDate(to)) errors.push({ field: 'to', message: m.badDate });
  if (errors.length === 0 && (dayNumber(to) < dayNumber(from) || dayNumber(to) - dayNumber(from) >= BOOK_MAX_DAYS)) errors.push({ field: 'to', message: m.badRange });
  return errors;
}

function bookAgency(actor: Actor): { userId: number; agencyId: number } {
  // The one-stop desk keeps the book; the agency's leaders read it.
  const user = requireStaff(actor, 'one_stop_officer', 'leader');
  if (user.agencyId === null) throw HttpErrors.FORBIDDEN({ ...m.noAgency });
  return { userId: user.id, agencyId: user.agencyId };
}

/** How many dossiers the officer's agency received in the period. */
export async function bookCount(platform: Platform, actor: Actor, from: string, to: string): Promise<number> {
  const { agencyId } = bookAgency(actor);
  return bookRepo.count(platform.database.db, agencyId, vietnamInstant(from, 0), vietnamInstant(addDays(to, 1), 0));
}

// Printed on the paper, which is in Vietnamese only.
/** The states the book's note names: with their workflow label, as every page prints it (issue 9). */
const NOTED: ReadonlySet<string> = new Set(['refused', 'supplement']);

export async function trackingBook(platform: Platform, actor: Actor, from: string, to: string, now: Date = new Date()): Promise<Book> {
  const { agencyId } = bookAgency(actor);
  const db = platform.database.db;
  const total = await bookCount(platform, actor, from, to);
  const lines = await bookRepo.lines(db, agencyId, vietnamInstant(from, 0), vietnamInstant(addDays(to, 1), 0), BOOK_MAX_ROWS);
  const labels = await stateLabels(db);
  const names = new Map<string, string>();
  const agencies = new Map<number, string>();
  const agencyName = async (id: number): Promise<string> => {
    if (!agencies.has(id)) agencies.set(id, (await findAgencyById(db, id))?.name ?? '');
    return agencies.get(id) ?? '';
  };
  const rows: BookRow[] = [];
  for (const d of lines) {
    const key = `${d.procedure_code}@${d.procedure_version}`;
    if (!names.has(key)) names.set(key, (await findProcedureVersionForDossier(db, d.procedure_code, d.procedure_version))?.name ?? d.procedure_code);
    const refused = d.status === 'refused';
    rows.push({
      dossierCode: d.code,
      procedureName: names.get(key) ?? d.procedure_code,
      applicantName: d.applicant.name,
      address: d.applicant.address,
      phone: d.applicant.phone,
      leadAgency: await agencyName(d.handling_agency_id ?? d.agency_id),
      receivedAt: d.received_at,
      dueAt: d.due_at,
      transferredAt: d.transferred_at,
      resultAt: d.result_at ?? (refused ? d.finished_at : null),
      returnedAt: d.status === 'returned' ? d.finished_at : null,
      signature: d.status === 'returned' && d.return_method === 'online' ? 'Nhận trực tuyến' : null,
      note: d.decision === 'rejected' ? 'Không giải quyết' : NOTED.has(d.status) ? labels.of(d.status, 'vi') : null,
    });
  }
  const a = await findAgencyById(db, agencyId);
  const parent = a?.parentId ? await findAgencyById(db, a.parentId) : undefined;
  const meta: BookMeta = {
    agency: { code: a?.code ?? '', name: a?.name ?? '', parentName: parent?.name ?? null },
    from: vietnamInstant(from, 0),
    to: endOfVietnamDay(to),
    issuedAt: now,
  };
  return { rows, meta, total, cut: total > rows.length };
}
