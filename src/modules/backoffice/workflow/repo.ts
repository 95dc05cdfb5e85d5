// The back office's SQL: a dossier's workflow columns, its history, supplements and consultations. Only this file and
// ../repo.ts touch the dossiers module's tables.
import { sql, type Selectable, type Updateable } from 'kysely';
import type { DossierDb, DossiersTable } from '../../dossiers/tables.ts';
import type { Applicant } from '../../dossiers/schema.ts';

export interface Case {
  id: number;
  code: string;
  agencyId: number;
  handlingAgencyId: number | null;
  procedureCode: string;
  procedureVersion: number;
  channel: 'online' | 'counter';
  applicantAccountId: number | null;
  applicant: Applicant;
  status: string;
  workflowCode: string;
  rowVersion: number;
  receivedAt: Date;
  clockStartedAt: Date | null;
  dueAt: Date | null;
  dueDate: string | null;
  pausedAt: Date | null;
  stepDueAt: Date | null;
  originalDueAt: Date | null;
  apologizedAt: Date | null;
  decision: 'approved' | 'rejected' | null;
  resultAt: Date | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  returnMethod: 'counter' | 'post' | 'online' | null;
  finishedAt: Date | null;
  assigneeId: number | null;
  onlineLevel: string | null;
  feeTotalDong: number;
  paymentStatus: string;
}

type Row = Selectable<DossiersTable>;

export function toCase(r: Row): Case {
  return {
    id: r.id,
    code: r.code,
    agencyId: r.agency_id,
    handlingAgencyId: r.handling_agency_id,
    procedureCode: r.procedure_code,
    procedureVersion: r.procedure_version,
    channel: r.channel,
    applicantAccountId: r.applicant_account_id,
    applicant: r.applicant as Applicant,
    status: r.status,
    workflowCode: r.workflow_code,
    rowVersion: r.row_version,
    receivedAt: r.received_at,
    clockStartedAt: r.clock_started_at,
    dueAt: r.due_at,
    dueDate: r.due_date,
    pausedAt: r.paused_at,
    stepDueAt: r.step_due_at,
    originalDueAt: r.original_due_at,
    apologizedAt: r.apologized_at,
    decision: r.decision,
    resultAt: r.result_at,
    outcome: r.outcome,
    returnMethod: r.return_method,
    finishedAt: r.finished_at,
    assigneeId: r.assignee_id,
    onlineLevel: r.online_level,
    feeTotalDong: Number(r.fee_total_dong),
    paymentStatus: r.payment_status,
  };
}

/** The columns a workflow action may change, typed as the table declares them. */
export type CasePatch = Pick<
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
>;

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

export interface Supplement {
  id: number;
  stage: 'receipt' | 'appraisal';
  items: { docKey: string | null; text: string }[];
  reason: string | null;
  requestedAt: Date;
  completedAt: Date | null;
}

export interface Consultation {
  id: number;
  agencyId: number;
  question: string;
  requestedAt: Date;
  dueAt: Date;
  repliedAt: Date | null;
  reply: string | null;
}

export const caseRepo = {
  async findByCode(db: DossierDb, code: string): Promise<Case | undefined> {
    const r = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toCase(r as Row) : undefined;
  },

  /** The dossier, locked until the transaction ends: transitions of one dossier run one after another. */
  async lockByCode(db: DossierDb, code: string): Promise<Case | undefined> {
    const r = await db.selectFrom('dossiers').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    return r ? toCase(r as Row) : undefined;
  },

  /** Writes the patch and bumps the version; false when the row is no longer at `version`. */
  async update(db: DossierDb, id: number, version: number, patch: CasePatch): Promise<boolean> {
    const r = await db
      .updateTable('dossiers')
      .set({ ...patch, row_version: sql<number>`row_version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('row_version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async addHistory(db: DossierDb, dossierId: number, e: Omit<HistoryEntry, 'note'> & { note?: Record<string, unknown> }): Promise<void> {
    await db
      .insertInto('dossier_events')
      .values({
        dossier_id: dossierId,
        at: e.at,
        actor_id: e.actorId,
        actor: e.actor,
        agency_id: e.agencyId,
        kind: e.kind,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        comment: e.comment,
        note: JSON.stringify(e.note ?? {}),
      })
      .execute();
  },

  async history(db: DossierDb, dossierId: number): Promise<HistoryEntry[]> {
    const rows = await db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('at').orderBy('id').execute();
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

  async supplements(db: DossierDb, dossierId: number): Promise<Supplement[]> {
    const rows = await db.selectFrom('dossier_supplements').selectAll().where('dossier_id', '=', dossierId).orderBy('requested_at').execute();
    return rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      items: ((r.items ?? []) as { doc_key: string | null; text: string }[]).map((i) => ({ docKey: i.doc_key, text: i.text })),
      reason: r.reason,
      requestedAt: r.requested_at,
      completedAt: r.completed_at,
    }));
  },

  async addSupplement(db: DossierDb, s: { dossierId: number; stage: 'receipt' | 'appraisal'; items: { docKey: string | null; text: string }[]; reason: string | null; by: number; at: Date }): Promise<void> {
    await db
      .insertInto('dossier_supplements')
      .values({
        dossier_id: s.dossierId,
        stage: s.stage,
        items: JSON.stringify(s.items.map((i) => ({ doc_key: i.docKey, text: i.text }))),
        reason: s.reason,
        requested_by: s.by,
        requested_at: s.at,
      })
      .execute();
  },

  /** Marks the open request complete and says at which stage it was made. */
  async completeSupplement(db: DossierDb, dossierId: number, at: Date): Promise<'receipt' | 'appraisal' | undefined> {
    const r = await db
      .updateTable('dossier_supplements')
      .set({ completed_at: at })
      .where('dossier_id', '=', dossierId)
      .where('completed_at', 'is', null)
      .returning('stage')
      .executeTakeFirst();
    return r?.stage;
  },

  async consultations(db: DossierDb, dossierId: number): Promise<Consultation[]> {
    const rows = await db.selectFrom('dossier_consultations').selectAll().where('dossier_id', '=', dossierId).orderBy('requested_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, question: r.question, requestedAt: r.requested_at, dueAt: r.due_at, repliedAt: r.replied_at, reply: r.reply }));
  },

  async addConsultations(db: DossierDb, dossierId: number, by: number, at: Date, question: string, asks: { agencyId: number; dueAt: Date }[]): Promise<void> {
    if (asks.length === 0) return;
    await db
      .insertInto('dossier_consultations')
      .values(asks.map((a) => ({ dossier_id: dossierId, agency_id: a.agencyId, question, requested_by: by, requested_at: at, due_at: a.dueAt })))
      .execute();
  },

  /** Records the agency's reply; returns how many consultations of the dossier are still open, or -1 if it had none open. */
  async reply(db: DossierDb, dossierId: number, agencyId: number, by: number, at: Date, reply: string): Promise<number> {
    const r = await db
      .updateTable('dossier_consultations')
      .set({ replied_at: at, replied_by: by, reply })
      .where('dossier_id', '=', dossierId)
      .where('agency_id', '=', agencyId)
      .where('replied_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return -1;
    const open = await db
      .selectFrom('dossier_consultations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('dossier_id', '=', dossierId)
      .where('replied_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(open.n);
  },

  async consultedAgencies(db: DossierDb, dossierId: number): Promise<number[]> {
    const rows = await db.selectFrom('dossier_consultations').select('agency_id').distinct().where('dossier_id', '=', dossierId).execute();
    return rows.map((r) => r.agency_id);
  },

  async addFiles(db: DossierDb, dossierId: number, kind: 'supplement' | 'scan' | 'result', files: { docKey: string; originalName: string; mime: string; size: number; sha256: string }[]): Promise<void> {
    if (files.length === 0) return;
    await db
      .insertInto('stored_files')
      .values(files.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime })))
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await db
      .insertInto('dossier_files')
      .values(files.map((f) => ({ dossier_id: dossierId, doc_key: f.docKey, original_name: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256, kind })))
      .execute();
  },
};
