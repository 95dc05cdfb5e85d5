// The dossier row, its timeline and its files as the back office reads and changes them: other modules call these
// (through ./index.ts) with their own transaction handle, so a workflow action's new state, its history row and its
// files commit with the rest of the action. Only this file and ./repo.ts, ./repo-bulk.ts touch this module's tables.
import { sql, type Kysely, type Updateable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { dossierRepo, toDossier } from './repo.ts';
import type { Dossier, DossierFile } from './schema.ts';
import { dossierDb, type DossiersTable } from './tables.ts';

/** The columns a workflow action may change, typed as the table declares them. */
export type DossierPatch = Pick<
  Updateable<DossiersTable>,
  | 'status'
  | 'handling_agency_id'
  | 'assignee_id'
  | 'clock_started_at'
  | 'paused_at'
  | 'step_due_at'
  | 'due_at'
  | 'due_date'
  | 'deadline'
  | 'original_due_at'
  | 'apologized_at'
  | 'decision'
  | 'decided_at'
  | 'result_at'
  | 'outcome'
  | 'return_method'
  | 'finished_at'
  | 'due_soon_at'
  | 'overdue_at'
  // Answers the applicant corrected with a supplement (issue 9).
  | 'form_data'
>;

/** A row of the process history (Form 05's hand-overs): the timeline's row with the columns of migrations/0008. */
export interface HistoryEntry {
  at: Date;
  actorId: number | null;
  actor: string;
  agencyId: number | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  note: Record<string, unknown>;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'note' | 'fromStatus' | 'toStatus' | 'comment'> &
  Partial<Pick<HistoryEntry, 'fromStatus' | 'toStatus' | 'comment'>> & { note?: Record<string, unknown> };

/** A dossier a deadline sweep flagged (due soon or overdue). */
export interface FlaggedDossier {
  id: number;
  code: string;
  agency_id: number;
  handling_agency_id: number | null;
  procedure_code: string;
  due_at: Date;
  due_date: string | null;
  apologized_at: Date | null;
}

const historyRow = (dossierId: number, e: NewHistoryEntry) => ({
  dossier_id: dossierId,
  at: e.at,
  actor_id: e.actorId,
  actor: e.actor,
  agency_id: e.agencyId,
  kind: e.kind,
  from_status: e.fromStatus ?? null,
  to_status: e.toStatus ?? null,
  comment: e.comment ?? null,
  note: JSON.stringify(e.note ?? {}),
});

export const dossierRows = {
  async findByCode(db: Kysely<PlatformTables>, code: string): Promise<Dossier | undefined> {
    const r = await dossierDb(db).selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toDossier(r) : undefined;
  },

  /** The dossier, locked until the transaction ends: transitions of one dossier run one after another. */
  async lockByCode(db: Kysely<PlatformTables>, code: string): Promise<Dossier | undefined> {
    const r = await dossierDb(db).selectFrom('dossiers').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    return r ? toDossier(r) : undefined;
  },

  /** Holds the dossier's row until the transaction ends (e.g. so that counting and inserting feedback is one step). */
  async lockById(db: Kysely<PlatformTables>, dossierId: number): Promise<void> {
    await dossierDb(db).selectFrom('dossiers').select('id').where('id', '=', dossierId).forUpdate().execute();
  },

  /** Writes the patch and bumps the version; false when the row is no longer at `version`. */
  async update(db: Kysely<PlatformTables>, id: number, version: number, patch: DossierPatch): Promise<boolean> {
    const r = await dossierDb(db)
      .updateTable('dossiers')
      .set({ ...patch, row_version: sql<number>`row_version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('row_version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async addHistory(db: Kysely<PlatformTables>, dossierId: number, e: NewHistoryEntry): Promise<void> {
    await dossierDb(db).insertInto('dossier_events').values(historyRow(dossierId, e)).execute();
  },

  /** Several dossiers' history rows in one statement (a sweep's batch). */
  async addHistoryRows(db: Kysely<PlatformTables>, rows: readonly { dossierId: number; entry: NewHistoryEntry }[]): Promise<void> {
    if (rows.length === 0) return;
    await dossierDb(db).insertInto('dossier_events').values(rows.map((r) => historyRow(r.dossierId, r.entry))).execute();
  },

  async history(db: Kysely<PlatformTables>, dossierId: number): Promise<HistoryEntry[]> {
    const rows = await dossierDb(db).selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({
      at: r.at,
      actorId: r.actor_id,
      actor: r.actor,
      agencyId: r.agency_id,
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
      note: (r.note ?? {}) as Record<string, unknown>,
    }));
  },

  /** Files the back office adds (a supplement, a scan, the result): stored once by content, then linked to the dossier. */
  async addFiles(db: Kysely<PlatformTables>, dossierId: number, kind: 'supplement' | 'scan' | 'result', files: { docKey: string; originalName: string; mime: string; size: number; sha256: string }[]): Promise<void> {
    if (files.length === 0) return;
    const ddb = dossierDb(db);
    await dossierRepo.addStoredFiles(ddb, files);
    await dossierRepo.addFiles(ddb, dossierId, files, kind);
  },

  /** Every file of the dossier with what it is to the dossier, in the order they came. */
  async files(db: Kysely<PlatformTables>, dossierId: number): Promise<(DossierFile & { kind: string })[]> {
    const rows = await dossierDb(db).selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
    return rows.map((f) => ({ id: f.id, docKey: f.doc_key, originalName: f.original_name, mime: f.mime, size: Number(f.size), sha256: f.sha256, kind: f.kind }));
  },

  file: (db: Kysely<PlatformTables>, dossierId: number, fileId: number) => dossierRepo.file(dossierDb(db), dossierId, fileId),

  /**
   * Sets a deadline flag (`due_soon_at` or `overdue_at`) on at most `batch` in-progress dossiers whose due time is in
   * [from, before), the earliest first, and returns them. In progress: not finished, no result, not waiting for the
   * applicant (supplement) nor refused. Taken with SKIP LOCKED: two sweeps never flag one dossier twice. Not a
   * transition: `row_version` stays, so an officer's open form is not made stale.
   */
  async flagDeadlines(db: Kysely<PlatformTables>, flag: 'due_soon' | 'overdue', now: Date, range: { from?: Date; before: Date }, batch: number): Promise<FlaggedDossier[]> {
    const column = flag === 'due_soon' ? 'due_soon_at' : 'overdue_at';
    // A materialized CTE takes the batch once: as `id in (subquery)` the planner may rescan the subquery per row, and each
    // rescan, skipping the rows this statement already updated, would lock the next ones: no bound at all.
    return dossierDb(db)
      .with(
        (cte) => cte('batch').materialized(),
        (qb) => {
          let q = qb
            .selectFrom('dossiers')
            .select('id')
            .where('finished_at', 'is', null)
            .where('result_at', 'is', null)
            .where('status', 'not in', ['supplement', 'refused'])
            .where(column, 'is', null)
            .where('due_at', '<', range.before);
          if (range.from) q = q.where('due_at', '>=', range.from);
          return q.orderBy('due_at').orderBy('id').limit(batch).forUpdate().skipLocked();
        },
      )
      .updateTable('dossiers')
      .from('batch')
      .set(flag === 'due_soon' ? { due_soon_at: now } : { overdue_at: now })
      .whereRef('dossiers.id', '=', 'batch.id')
      .returning([
        'dossiers.id',
        'dossiers.code',
        'dossiers.agency_id',
        'dossiers.handling_agency_id',
        'dossiers.procedure_code',
        'dossiers.due_at',
        'dossiers.due_date',
        'dossiers.apologized_at',
      ])
      .$narrowType<{ due_at: Date }>() // the batch has a due time
      .execute();
  },
};
