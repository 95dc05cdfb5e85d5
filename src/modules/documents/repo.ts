// The only code that touches the official documents' tables (migrations/0034_documents.sql).
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { type AuditEntry, recordAudit } from '../../platform/audit/index.ts';

export type Direction = 'in' | 'out';
export type OutgoingState = 'draft' | 'review' | 'approved' | 'issued' | 'recalled' | 'cancelled';
export type IncomingState = 'registered' | 'assigned' | 'handling' | 'done' | 'recalled';
export type DocumentState = OutgoingState | IncomingState;
export type Series = 'admin' | 'legal';
export type CounterSeries = Series | 'incoming';

export interface DocumentsTable {
  id: Generated<number>;
  agency_id: number;
  direction: Direction;
  state: DocumentState;
  type_code: string;
  series: Generated<Series>;
  year: number | null;
  number: number | null;
  notation: string | null;
  arrival_number: number | null;
  summary: string;
  body: Generated<string>;
  author: Generated<string>;
  author_code: string | null;
  document_date: string | null;
  arrived_on: string | null;
  signer_name: Generated<string>;
  signer_position: Generated<string>;
  signer_competence: Generated<string>;
  urgency: Generated<string>;
  secrecy: Generated<string>;
  page_count: number | null;
  copies: Generated<number>;
  due_date: string | null;
  handling_deadline: string | null;
  recipients: Generated<string>;
  drafting_unit: Generated<string>;
  file_copy_holder: Generated<string>;
  notes: Generated<string>;
  reply_to: number | null;
  source_id: number | null;
  exchange_id: string | null;
  drafted_by: number | null;
  registered_by: number | null;
  approved_by: number | null;
  approved_at: Date | null;
  issued_by: number | null;
  issued_at: Date | null;
  done_at: Date | null;
  recalled_at: Date | null;
  recall_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The text of the document's PDFs, joined, at most 200,000 characters (migration 0036; files.ts storeFiles). */
  files_text: Generated<string>;
}

interface CountersTable {
  agency_id: number;
  year: number;
  series: CounterSeries;
  last_number: Generated<number>;
}

interface CancelledNumbersTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  series: string;
  number: number;
  document_id: number | null;
  reason: string;
  cancelled_by: number | null;
  cancelled_at: Generated<Date>;
}

interface FilesTable {
  id: Generated<number>;
  document_id: number;
  kind: 'main' | 'attachment' | 'signed' | 'scan';
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  signatures: unknown;
  added_by: number | null;
  added_at: Generated<Date>;
}

interface AssignmentsTable {
  id: Generated<number>;
  document_id: number;
  account_id: number;
  role: 'lead' | 'co' | 'info';
  instruction: Generated<string>;
  deadline: string | null;
  assigned_by: number | null;
  assigned_at: Generated<Date>;
  acknowledged_at: Date | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
}

interface EventsTable {
  id: Generated<number>;
  document_id: number;
  kind: string;
  note: Generated<string>;
  actor_id: number | null;
  actor_label: Generated<string>;
  at: Generated<Date>;
}

interface ReadersTable {
  document_id: number;
  account_id: number;
}

interface RecipientsTable {
  id: Generated<number>;
  document_id: number;
  kind: 'internal' | 'exchange' | 'email';
  agency_id: number | null;
  organ_code: string | null;
  name: string;
  email: string | null;
  sent_at: Date | null;
  status: string | null;
  status_at: Date | null;
  incoming_id: number | null;
  token_hash: Generated<string | null>;
  expires_at: Generated<Date | null>;
  opened_at: Generated<Date | null>;
}

interface WorkFilesTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  title: string;
  retention: string;
  opened_on: string;
  closed_on: string | null;
  keeper_id: number | null;
  notes: Generated<string>;
  created_at: Generated<Date>;
}

interface WorkFileDocumentsTable {
  work_file_id: number;
  document_id: number;
  added_at: Generated<Date>;
}

interface PacketsTable {
  id: Generated<number>;
  agency_id: number;
  direction: Direction;
  packet_id: string;
  kind: 'document' | 'status' | 'unknown';
  document_id: number | null;
  status: 'ok' | 'failed';
  reason: string | null;
  xml: string;
  at: Generated<Date>;
}

export type DocumentTables = {
  documents: DocumentsTable;
  document_counters: CountersTable;
  document_cancelled_numbers: CancelledNumbersTable;
  document_files: FilesTable;
  document_assignments: AssignmentsTable;
  document_events: EventsTable;
  document_readers: ReadersTable;
  document_recipients: RecipientsTable;
  work_files: WorkFilesTable;
  work_file_documents: WorkFileDocumentsTable;
  exchange_packets: PacketsTable;
};
export type DocumentsDb = Kysely<PlatformTables & DocumentTables>;
export type DocumentRow = Selectable<DocumentsTable>;
export type FileRow = Selectable<FilesTable>;
export type FileInfo = Omit<FileRow, 'content'>;
export type AssignmentRow = Selectable<AssignmentsTable>;
export type EventRow = Selectable<EventsTable>;
export type RecipientRow = Selectable<RecipientsTable>;
export type WorkFileRow = Selectable<WorkFilesTable>;
export type CancelledRow = Selectable<CancelledNumbersTable>;
export type PacketRow = Selectable<PacketsTable>;
export type NewDocument = Omit<DocumentsTable, 'id' | 'version' | 'created_at' | 'updated_at' | 'files_text' | 'series' | 'body' | 'author' | 'signer_name' | 'signer_position' | 'signer_competence' | 'urgency' | 'secrecy' | 'copies' | 'recipients' | 'drafting_unit' | 'file_copy_holder' | 'notes'> &
  Partial<Pick<DocumentRow, 'series' | 'body' | 'author' | 'signer_name' | 'signer_position' | 'signer_competence' | 'urgency' | 'secrecy' | 'copies' | 'recipients' | 'drafting_unit' | 'file_copy_holder' | 'notes'>>;
export type DocumentPatch = Partial<Omit<DocumentRow, 'id' | 'agency_id' | 'direction' | 'created_at' | 'version' | 'files_text'>>;

export function documentsDb(db: Kysely<PlatformTables>): DocumentsDb {
  return db.withTables<DocumentTables>();
}

export const FILES_TEXT_MAX = 200_000;

const fileInfoColumns = ['id', 'document_id', 'kind', 'name', 'mime', 'size', 'sha256', 'signatures', 'added_by', 'added_at'] as const;

export const documentsRepo = {
  /** The next number of a series, in the caller's transaction: the row lock serialises concurrent issues, and a
   *  rollback returns the number, so numbers stay gap-free (Decree 30 Art. 15). */
  async takeNumber(db: DocumentsDb, agencyId: number, year: number, series: CounterSeries): Promise<number> {
    const r = await sql<{ last_number: number }>`
      insert into document_counters (agency_id, year, series, last_number) values (${agencyId}, ${year}, ${series}, 1)
      on conflict (agency_id, year, series) do update set last_number = document_counters.last_number + 1
      returning last_number`.execute(db);
    return Number(r.rows[0]!.last_number);
  },

  async lastNumber(db: DocumentsDb, agencyId: number, year: number, series: CounterSeries): Promise<number> {
    const r = await db.selectFrom('document_counters').select('last_number').where('agency_id', '=', agencyId).where('year', '=', year).where('series', '=', series).executeTakeFirst();
    return r?.last_number ?? 0;
  },

  insert(db: DocumentsDb, d: NewDocument): Promise<DocumentRow> {
    return db.insertInto('documents').values(d).returningAll().executeTakeFirstOrThrow();
  },

  find(db: DocumentsDb, id: number): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  lock(db: DocumentsDb, id: number): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  update(db: DocumentsDb, id: number, patch: DocumentPatch): Promise<DocumentRow> {
    return db
      .updateTable('documents')
      .set({ ...patch, updated_at: new Date(), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  findIncomingDuplicate(db: DocumentsDb, agencyId: number, author: string, number: number | null, notation: string | null, date: string | null): Promise<DocumentRow | undefined> {
    if (number === null || notation === null || date === null) return Promise.resolve(undefined);
    return db
      .selectFrom('documents')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('direction', '=', 'in')
      .where('state', '<>', 'recalled')
      .where(sql<boolean>`lower(author) = lower(${author})`)
      .where('number', '=', number)
      .where(sql<boolean>`lower(notation) = lower(${notation})`)
      .where('document_date', '=', date)
      .executeTakeFirst();
  },

  async addEvent(db: DocumentsDb, documentId: number, kind: string, note: string, actor: { id: number | null; label: string }, at = new Date()): Promise<void> {
    await db.insertInto('document_events').values({ document_id: documentId, kind, note, actor_id: actor.id, actor_label: actor.label, at }).execute();
  },

  events(db: DocumentsDb, documentId: number): Promise<EventRow[]> {
    return db.selectFrom('document_events').selectAll().where('document_id', '=', documentId).orderBy('at').orderBy('id').execute();
  },

  async addFile(db: DocumentsDb, f: Omit<FileRow, 'id' | 'added_at'>): Promise<FileInfo> {
    return db.insertInto('document_files').values(f).returning(fileInfoColumns).executeTakeFirstOrThrow();
  },

  /** Adds the text of a stored PDF to what the document's search reads, keeping the first 200,000 characters. */
  async appendFilesText(db: DocumentsDb, documentId: number, text: string): Promise<void> {
    if (text === '') return;
    await db
      .updateTable('documents')
      .set({ files_text: sql<string>`left(ltrim(files_text || ' ' || ${text}), ${FILES_TEXT_MAX}::int)` })
      .where('id', '=', documentId)
      .execute();
  },

  files(db: DocumentsDb, documentId: number): Promise<FileInfo[]> {
    return db.selectFrom('document_files').select(fileInfoColumns).where('document_id', '=', documentId).orderBy('id').execute();
  },

  file(db: DocumentsDb, documentId: number, fileId: number): Promise<FileRow | undefined> {
    return db.selectFrom('document_files').selectAll().where('document_id', '=', documentId).where('id', '=', fileId).executeTakeFirst();
  },

  assignments(db: DocumentsDb, documentId: number): Promise<AssignmentRow[]> {
    return db.selectFrom('document_assignments').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
  },

  async isReader(db: DocumentsDb, documentId: number, accountId: number): Promise<boolean> {
    const [a, r] = await Promise.all([
      db.selectFrom('document_assignments').select('id').where('document_id', '=', documentId).where('account_id', '=', accountId).executeTakeFirst(),
      db.selectFrom('document_readers').select('account_id').where('document_id', '=', documentId).where('account_id', '=', accountId).executeTakeFirst(),
    ]);
    return a !== undefined || r !== undefined;
  },

  readers(db: DocumentsDb, documentId: number): Promise<number[]> {
    return db.selectFrom('document_readers').select('account_id').where('document_id', '=', documentId).execute().then((rows) => rows.map((r) => r.account_id));
  },

  recipients(db: DocumentsDb, documentId: number): Promise<RecipientRow[]> {
    return db.selectFrom('document_recipients').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
  },

  cancelled(db: DocumentsDb, agencyId: number, from: string, to: string): Promise<CancelledRow[]> {
    return db
      .selectFrom('document_cancelled_numbers')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where(sql<boolean>`(cancelled_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date`)
      .orderBy('number')
      .execute();
  },
};

/** Bulk loads (seed.ts, generate.ts): the columns of the rows they insert with insertJsonRows, ids taken beforehand. */
export const BULK_DOCUMENT_COLUMNS = [
  ['id', 'bigint'], ['agency_id', 'bigint'], ['direction', 'text'], ['state', 'text'], ['type_code', 'text'], ['series', 'text'], ['year', 'int'],
  ['number', 'int'], ['notation', 'text'], ['arrival_number', 'int'], ['summary', 'text'], ['body', 'text'], ['author', 'text'], ['author_code', 'text'],
  ['document_date', 'date'], ['arrived_on', 'date'], ['signer_name', 'text'], ['signer_position', 'text'], ['signer_competence', 'text'], ['urgency', 'text'],
  ['secrecy', 'text'], ['page_count', 'int'], ['copies', 'int'], ['due_date', 'date'], ['handling_deadline', 'date'], ['recipients', 'text'],
  ['drafting_unit', 'text'], ['file_copy_holder', 'text'], ['drafted_by', 'bigint'], ['registered_by', 'bigint'], ['approved_by', 'bigint'],
  ['approved_at', 'timestamptz'], ['issued_by', 'bigint'], ['issued_at', 'timestamptz'], ['done_at', 'timestamptz'], ['recalled_at', 'timestamptz'],
  ['recall_reason', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
] as const;
export const BULK_ASSIGNMENT_COLUMNS = [
  ['document_id', 'bigint'], ['account_id', 'bigint'], ['role', 'text'], ['instruction', 'text'], ['deadline', 'date'], ['assigned_by', 'bigint'],
  ['assigned_at', 'timestamptz'], ['acknowledged_at', 'timestamptz'],
] as const;
export const BULK_EVENT_COLUMNS = [['document_id', 'bigint'], ['kind', 'text'], ['note', 'text'], ['actor_id', 'bigint'], ['actor_label', 'text'], ['at', 'timestamptz']] as const;

export const documentsBulk = {
  /** `n` ids from the documents' identity sequence, so that a bulk load can link rows before inserting them. */
  async takeIds(db: DocumentsDb, n: number): Promise<number[]> {
    if (n <= 0) return [];
    const r = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('documents', 'id')) as id from generate_series(1, ${n}::int)`.execute(db);
    return r.rows.map((x) => Number(x.id));
  },

  /** Raises counters to at least the numbers a bulk load used (never lowers one: numbers issued since stay taken). */
  async raiseCounters(db: DocumentsDb, rows: readonly { agency_id: number; year: number; series: CounterSeries; last_number: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`insert into document_counters (agency_id, year, series, last_number)
      select agency_id, year, series, last_number from json_to_recordset(${JSON.stringify(rows)}::json) as r(agency_id bigint, year int, series text, last_number int)
      on conflict (agency_id, year, series) do update set last_number = greatest(document_counters.last_number, excluded.last_number)`.execute(db);
  },

  /** Every counter, keyed `agency:year:series`, for a bulk load to continue from. */
  async counters(db: DocumentsDb): Promise<Map<string, number>> {
    const rows = await db.selectFrom('document_counters').selectAll().execute();
    return new Map(rows.map((r) => [`${r.agency_id}:${r.year}:${r.series}`, r.last_number]));
  },
};

/** The same connection (or transaction) seen through the platform's tables, for other modules' functions: inside a
 *  transaction they must use it, or they would wait for a second connection (PGlite has only one). */
export const asPlatformDb = (db: DocumentsDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

/** The audit row of a change, in the change's transaction. */
export function audit(db: DocumentsDb, e: AuditEntry): Promise<void> {
  return recordAudit(asPlatformDb(db), e);
}
