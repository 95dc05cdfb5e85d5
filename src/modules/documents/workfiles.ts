// Work files (hồ sơ công việc, Decree 30/2020 Chapter IV; DOMAIN §7): an agency groups its documents into files, one
// per matter, each with a code unique in the agency, a title, a retention period (Circular 10/2022/TT-BNV: a number
// of years or permanent), the day it was opened and closed, and the person who keeps it. A closed file takes no more
// documents and is no longer edited. Only the agency's registry clerks and leaders open and edit files; they and the
// keeper add, remove and close; every registry role of the agency sees the list and a file's index, which lists only
// the documents the user may see (access.ts). Each change checks access first and writes its audit row in the same
// transaction.
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { isInputDate, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { foldAccents } from '../../platform/text/index.ts';
import { findAccountContact, findStaffAgencyId, findStaffWithRole, type StaffSummary } from '../accounts/index.ts';
import { canSee, documentForUser, isClerk, isLeader, requireDocumentStaff } from './access.ts';
import { DocumentErrors } from './errors.ts';
import { audit, type DocumentRow, type DocumentsDb, documentsDb, type WorkFileRow } from './repo.ts';
import { WF_FIELDS as f, type WorkFileField, WorkFileErrors, wfErrors as m } from './workfiles-messages.ts';

type Staff = SessionUser & { agencyId: number };
type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

// ---------------------------------------------------------------------------------------------------------------
// Form values

/** The form's values as typed, so that a refused form comes back with nothing lost. */
export interface WorkFileValues {
  code: string;
  title: string;
  /** 'permanent' or a number of years. */
  retention: string;
  openedOn: string;
  /** The keeper's account id. */
  keeper: string;
  notes: string;
}

export function emptyWorkFile(today: string, keeperId: number | null = null): WorkFileValues {
  return { code: '', title: '', retention: '10', openedOn: today, keeper: keeperId === null ? '' : String(keeperId), notes: '' };
}

export function workFileValues(b: Body): WorkFileValues {
  return {
    code: str(b.code).trim().replace(/\s+/g, ' '),
    title: str(b.title).trim().replace(/\s+/g, ' '),
    retention: str(b.retention).trim(),
    openedOn: str(b.openedOn).trim(),
    keeper: str(b.keeper).trim(),
    notes: str(b.notes).trim(),
  };
}

export const valuesOf = (w: WorkFileRow): WorkFileValues => ({
  code: w.code,
  title: w.title,
  retention: w.retention,
  openedOn: w.opened_on,
  keeper: w.keeper_id === null ? '' : String(w.keeper_id),
  notes: w.notes,
});

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}.\-/_ ]{0,49}$/u;

/** 'permanent', or a whole number of years from 1 to 70 written without a leading zero. */
export function isRetention(v: string): boolean {
  return v === 'permanent' || (/^[1-9]\d?$/.test(v) && Number(v) <= 70);
}

interface Checked {
  code: string;
  title: string;
  retention: string;
  opened_on: string;
  keeper_id: number;
  notes: string;
}

export const fail = (fields: FieldError[]): AppError => WorkFileErrors.INVALID({ fields });

function day(errors: FieldError[], field: WorkFileField, v: string, today: string): string {
  if (v === '') errors.push({ field, message: m.missing(f[field]) });
  else if (!isInputDate(v)) errors.push({ field, message: m.date(f[field]) });
  else if (v > today) errors.push({ field, message: m.future(f[field]) });
  return v;
}

/** Every field checked, the keeper and the code's uniqueness too, so the form shows all its errors at once. */
async function check(platform: Platform, user: Staff, v: WorkFileValues, today: string, self: number | null): Promise<Checked> {
  const errors: FieldError[] = [];
  if (v.code === '') errors.push({ field: 'code', message: m.missing(f.code) });
  else if (v.code.length > 50) errors.push({ field: 'code', message: m.tooLong(f.code, 50) });
  else if (!CODE.test(v.code)) errors.push({ field: 'code', message: m.code });
  else if (await codeTaken(documentsDb(platform.database.db), user.agencyId, v.code, self)) errors.push({ field: 'code', message: m.codeTaken });
  if (v.title === '') errors.push({ field: 'title', message: m.missing(f.title) });
  else if (v.title.length > 500) errors.push({ field: 'title', message: m.tooLong(f.title, 500) });
  if (!isRetention(v.retention)) errors.push({ field: 'retention', message: m.retention });
  day(errors, 'openedOn', v.openedOn, today);
  const keeper = /^\d{1,12}$/.test(v.keeper) ? Number(v.keeper) : NaN;
  if (v.keeper === '') errors.push({ field: 'keeper', message: m.missing(f.keeper) });
  else if (!Number.isSafeInteger(keeper) || (await findStaffAgencyId(platform.database.db, keeper)) !== user.agencyId) errors.push({ field: 'keeper', message: m.keeper });
  if (v.notes.length > 2000) errors.push({ field: 'notes', message: m.tooLong(f.notes, 2000) });
  if (errors.length > 0) throw fail(errors);
  return { code: v.code, title: v.title, retention: v.retention, opened_on: v.openedOn, keeper_id: keeper, notes: v.notes };
}

async function codeTaken(db: DocumentsDb, agencyId: number, code: string, self: number | null): Promise<boolean> {
  let q = db.selectFrom('work_files').select('id').where('agency_id', '=', agencyId).where(sql<boolean>`lower(code) = lower(${code})`);
  if (self !== null) q = q.where('id', '<>', self);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Two people taking the same code at once: the unique index settles it and the loser gets the same field error. */
function uniqueCode(err: unknown): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505' && String(e.constraint ?? '').startsWith('work_files_agency_id_code')) throw fail([{ field: 'code', message: m.codeTaken }]);
  throw err;
}

// ---------------------------------------------------------------------------------------------------------------
// Access

const mayEdit = (u: Staff): boolean => isClerk(u) || isLeader(u);
export const mayFile = (u: Staff, w: WorkFileRow): boolean => mayEdit(u) || w.keeper_id === u.id;

/** What the user may do with a file (the pages show only these forms). */
export function workFileRights(u: Staff, w: WorkFileRow): { edit: boolean; file: boolean } {
  const open = w.closed_on === null;
  return { edit: open && mayEdit(u), file: open && mayFile(u, w) };
}

/** The file if it belongs to the user's agency; otherwise the same 404 as for a file that does not exist. */
export async function fileOf(db: DocumentsDb, user: Staff, id: number, lock = false): Promise<WorkFileRow> {
  if (!Number.isSafeInteger(id) || id <= 0) throw WorkFileErrors.NOT_FOUND();
  let q = db.selectFrom('work_files').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const w = await q.executeTakeFirst();
  if (!w || w.agency_id !== user.agencyId) throw WorkFileErrors.NOT_FOUND();
  return w;
}

// ---------------------------------------------------------------------------------------------------------------
// Changes

export async function createWorkFile(platform: Platform, actor: Actor, v: WorkFileValues, ip: string | null, now = new Date()): Promise<WorkFileRow> {
  const user = requireDocumentStaff(actor);
  if (!mayEdit(user)) throw WorkFileErrors.NOT_ALLOWED();
  const c = await check(platform, user, v, vietnamDateOf(now), null);
  const db = documentsDb(platform.database.db);
  try {
    return await db.transaction().execute(async (trx) => {
      const w = await trx
        .insertInto('work_files')
        .values({ agency_id: user.agencyId, ...c, closed_on: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actor: user, action: 'workfile.created', entity: 'work_file', entityId: w.id, agencyId: user.agencyId, ip, data: { code: c.code, title: c.title, retention: c.retention, keeper: c.keeper_id } });
      return w;
    });
  } catch (err) {
    return uniqueCode(err);
  }
}

export async function updateWorkFile(platform: Platform, actor: Actor, id: number, v: WorkFileValues, ip: string | null, now = new Date()): Promise<WorkFileRow> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  const before = await fileOf(db, user, id);
  if (!mayEdit(user)) throw WorkFileErrors.NOT_ALLOWED();
  if (before.closed_on !== null) throw WorkFileErrors.CLOSED();
  const c = await check(platform, user, v, vietnamDateOf(now), id);
  try {
    return await db.transaction().execute(async (trx) => {
      const w = await fileOf(trx, user, id, true);
      if (w.closed_on !== null) throw WorkFileErrors.CLOSED();
      const after = await trx.updateTable('work_files').set(c).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      const changed = Object.fromEntries(Object.entries(c).filter(([k, val]) => w[k as keyof Checked] !== val));
      await audit(trx, { actor: user, action: 'workfile.updated', entity: 'work_file', entityId: id, agencyId: user.agencyId, ip, data: { changed } });
      return after;
    });
  } catch (err) {
    return uniqueCode(err);
  }
}

export async function closeWorkFile(platform: Platform, actor: Actor, id: number, closedOn: string, ip: string | null, now = new Date()): Promise<WorkFileRow> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  return db.transaction().execute(async (trx) => {
    const w = await fileOf(trx, user, id, true);
    if (!mayFile(user, w)) throw WorkFileErrors.NOT_ALLOWED();
    if (w.closed_on !== null) throw WorkFileErrors.CLOSED({ fields: [{ field: 'closedOn', message: m.closed }] });
    const errors: FieldError[] = [];
    const v = day(errors, 'closedOn', closedOn.trim(), vietnamDateOf(now));
    if (errors.length === 0 && v < w.opened_on) errors.push({ field: 'closedOn', message: m.closedBeforeOpened });
    if (errors.length > 0) throw fail(errors);
    const after = await trx.updateTable('work_files').set({ closed_on: v }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, { actor: user, action: 'workfile.closed', entity: 'work_file', entityId: id, agencyId: user.agencyId, ip, data: { closedOn: v } });
    return after;
  });
}

/** Puts a document the user may see into an open file of the same agency. */
export async function addDocument(platform: Platform, actor: Actor, fileId: number, documentId: number, ip: string | null): Promise<void> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  await db.transaction().execute(async (trx) => {
    const w = await fileOf(trx, user, fileId, true);
    if (!mayFile(user, w)) throw WorkFileErrors.NOT_ALLOWED();
    if (w.closed_on !== null) throw WorkFileErrors.CLOSED({ fields: [{ field: 'document', message: m.closed }] });
    const doc = await visibleDocument(trx, actor, documentId);
    if (doc.agency_id !== w.agency_id) throw DocumentErrors.NOT_FOUND({ fields: [{ field: 'document', message: m.documentNotFound }] });
    if (doc.direction === 'out' && ['draft', 'review', 'approved'].includes(doc.state)) throw fail([{ field: 'document', message: m.draft }]);
    const added = await trx.insertInto('work_file_documents').values({ work_file_id: w.id, document_id: doc.id }).onConflict((oc) => oc.doNothing()).returning('document_id').executeTakeFirst();
    if (!added) throw fail([{ field: 'document', message: m.already }]);
    await audit(trx, { actor: user, action: 'workfile.document_added', entity: 'work_file', entityId: w.id, agencyId: user.agencyId, ip, data: { document: doc.id } });
  });
}

/** Takes a document out of an open file; the user must still be able to see it. */
export async function removeDocument(platform: Platform, actor: Actor, fileId: number, documentId: number, ip: string | null): Promise<void> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  await db.transaction().execute(async (trx) => {
    const w = await fileOf(trx, user, fileId, true);
    if (!mayFile(user, w)) throw WorkFileErrors.NOT_ALLOWED();
    if (w.closed_on !== null) throw WorkFileErrors.CLOSED();
    const doc = await visibleDocument(trx, actor, documentId);
    const gone = await trx.deleteFrom('work_file_documents').where('work_file_id', '=', w.id).where('document_id', '=', doc.id).returning('document_id').executeTakeFirst();
    if (!gone) throw DocumentErrors.NOT_FOUND();
    await audit(trx, { actor: user, action: 'workfile.document_removed', entity: 'work_file', entityId: w.id, agencyId: user.agencyId, ip, data: { document: doc.id } });
  });
}

async function visibleDocument(db: DocumentsDb, actor: Actor, id: number): Promise<DocumentRow> {
  try {
    return (await documentForUser(db, actor, id)).doc;
  } catch (err) {
    // The same 404, with its message beside the form's field.
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw DocumentErrors.NOT_FOUND({ fields: [{ field: 'document', message: m.documentNotFound }] });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface WorkFileSummary extends WorkFileRow {
  documentCount: number;
  keeperName: string;
}

async function keeperNames(platform: Platform, ids: (number | null)[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(ids.filter((x): x is number => x !== null))) {
    const c = await findAccountContact(platform.database.db, id);
    if (c) out.set(id, c.fullName);
  }
  return out;
}

const LIST_LIMIT = 500;

/** The agency's files, the open ones first, newest first; `query` searches the code and (accent-insensitively) the title. */
export async function listWorkFiles(platform: Platform, actor: Actor, o: { query?: string } = {}): Promise<WorkFileSummary[]> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  let q = db
    .selectFrom('work_files as w')
    .selectAll('w')
    .select((eb) => eb.selectFrom('work_file_documents as d').select((e) => e.fn.countAll<number>().as('n')).whereRef('d.work_file_id', '=', 'w.id').as('documentCount'))
    .where('w.agency_id', '=', user.agencyId);
  const query = (o.query ?? '').normalize('NFC').trim().slice(0, 200);
  if (query !== '') {
    const like = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const words = foldAccents(query)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
      .slice(0, 12);
    const tsquery = words.map((w) => `${w}:*`).join(' & ');
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`lower(w.code)`, 'like', like),
        ...(words.length > 0 ? [eb(sql<boolean>`to_tsvector('vn'::regconfig, w.title) @@ to_tsquery('vn'::regconfig, ${tsquery})`, '=', true)] : []),
      ]),
    );
  }
  const rows = await q
    .orderBy(sql`w.closed_on is not null`)
    .orderBy('w.opened_on', 'desc')
    .orderBy('w.id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  const names = await keeperNames(
    platform,
    rows.map((r) => r.keeper_id),
  );
  return rows.map((r) => ({ ...r, documentCount: Number(r.documentCount ?? 0), keeperName: r.keeper_id === null ? '' : (names.get(r.keeper_id) ?? '') }));
}

export interface WorkFileIndex {
  file: WorkFileRow;
  keeperName: string;
  /** The documents the user may see, in date order. */
  documents: DocumentRow[];
  /** Documents in the file the user may not see (confidential), left out of the index. */
  withheld: number;
  rights: { edit: boolean; file: boolean };
}

/** A file with its documents in date order (the document's date, else the day it arrived, then the order of entry). */
export async function workFileIndex(platform: Platform, actor: Actor, id: number): Promise<WorkFileIndex> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  const file = await fileOf(db, user, id);
  const all = await db
    .selectFrom('work_file_documents as wd')
    .innerJoin('documents', 'documents.id', 'wd.document_id')
    .selectAll('documents')
    .where('wd.work_file_id', '=', id)
    .orderBy(sql`coalesce(documents.document_date, documents.arrived_on)`, 'asc')
    .orderBy('wd.added_at', 'asc')
    .orderBy('documents.id', 'asc')
    .execute();
  const documents: DocumentRow[] = [];
  for (const d of all) if (await canSee(db, user, d)) documents.push(d);
  const names = await keeperNames(platform, [file.keeper_id]);
  return { file, keeperName: file.keeper_id === null ? '' : (names.get(file.keeper_id) ?? ''), documents, withheld: all.length - documents.length, rights: workFileRights(user, file) };
}

/** The people who may keep a file: the agency's staff with a registry role, by name. */
export async function keeperOptions(platform: Platform, actor: Actor): Promise<StaffSummary[]> {
  const user = requireDocumentStaff(actor);
  const lists = await Promise.all([Role.registryClerk, Role.leader, Role.specialist].map((r) => findStaffWithRole(platform.database.db, user.agencyId, r)));
  const byId = new Map<number, StaffSummary>();
  for (const s of lists.flat()) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}

/** Whether the user may open new files (the list page shows the form only to them). */
export function mayCreateWorkFile(actor: Actor): boolean {
  const user = requireDocumentStaff(actor);
  return mayEdit(user);
}
