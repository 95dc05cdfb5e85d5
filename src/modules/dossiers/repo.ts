// The only code that touches the dossiers module's tables.
import { sql, type Selectable } from 'kysely';
import type { DossierDb, DossiersTable } from './tables.ts';
import type { Applicant, DeadlineInfo, Dossier, DossierEvent, DossierFile, Payment, PaymentStatus } from './schema.ts';

type DossierRow = Selectable<DossiersTable>;

/** The one mapping of a `dossiers` row to the Dossier model. */
export function toDossier(r: DossierRow): Dossier {
  return {
    id: r.id,
    code: r.code,
    agencyId: r.agency_id,
    procedureCode: r.procedure_code,
    procedureVersion: r.procedure_version,
    channel: r.channel,
    applicantAccountId: r.applicant_account_id,
    applicant: r.applicant as Applicant,
    formData: (r.form_data ?? {}) as Record<string, unknown>,
    status: r.status,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    dueDate: r.due_date,
    deadline: (r.deadline ?? null) as DeadlineInfo | null,
    feeTotalDong: Number(r.fee_total_dong),
    paymentStatus: r.payment_status,
    workflowCode: r.workflow_code,
    rowVersion: r.row_version,
    onlineLevel: r.online_level,
    handlingAgencyId: r.handling_agency_id,
    assigneeId: r.assignee_id,
    clockStartedAt: r.clock_started_at,
    pausedAt: r.paused_at,
    stepDueAt: r.step_due_at,
    originalDueAt: r.original_due_at,
    apologizedAt: r.apologized_at,
    decision: r.decision,
    resultAt: r.result_at,
    outcome: r.outcome,
    returnMethod: r.return_method,
    finishedAt: r.finished_at,
  };
}

/** A dossier as inserted: without its code, which assignCode sets last in the same transaction. */
export interface NewDossier {
  agencyId: number;
  procedureCode: string;
  procedureVersion: number;
  channel: 'online' | 'counter';
  applicantAccountId: number | null;
  applicant: Applicant;
  formData: Record<string, unknown>;
  receivedAt: Date;
  dueAt: Date | null;
  dueDate: string | null;
  deadline: (DeadlineInfo & Record<string, unknown>) | null;
  feeTotalDong: number;
  paymentStatus: PaymentStatus;
  idempotencyKey: string | null;
  /** The workflow the back office runs (migrations/0008_dossier_workflow.sql): the version's, or 'standard'. */
  workflowCode: string;
  onlineLevel: 'full' | 'partial' | null;
  /** When the legal clock starts: the receipt. */
  clockStartedAt: Date;
}

export interface NewFile {
  docKey: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
}

export const dossierRepo = {
  /** Inserts the dossier without its code; undefined when another dossier already holds the idempotency key. */
  async insert(db: DossierDb, d: NewDossier): Promise<number | undefined> {
    const row = await db
      .insertInto('dossiers')
      .values({
        code: null,
        agency_id: d.agencyId,
        procedure_code: d.procedureCode,
        procedure_version: d.procedureVersion,
        channel: d.channel,
        applicant_account_id: d.applicantAccountId,
        applicant: JSON.stringify(d.applicant),
        form_data: JSON.stringify(d.formData),
        status: 'received',
        received_at: d.receivedAt,
        due_at: d.dueAt,
        due_date: d.dueDate,
        deadline: d.deadline ? JSON.stringify(d.deadline) : null,
        fee_total_dong: d.feeTotalDong,
        payment_status: d.paymentStatus,
        idempotency_key: d.idempotencyKey,
        workflow_code: d.workflowCode,
        online_level: d.onlineLevel,
        clock_started_at: d.clockStartedAt,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  /**
   * Takes the next number of the agency's day and gives the dossier its code `<prefix>-XXXX`, in ONE statement. The
   * upsert locks the agency's sequence row until the transaction ends (so concurrent submissions get consecutive
   * numbers, and a rollback gives the number back): call it last, with only what needs the code after it.
   * Past 9999 the sequence's check constraint fails (23514, dossier_sequences_last_check).
   */
  async assignCode(db: DossierDb, dossierId: number, agencyId: number, day: string, prefix: string): Promise<Dossier> {
    const row = await db
      .with('s', (qb) =>
        qb
          .insertInto('dossier_sequences')
          .values({ agency_id: agencyId, day, last: 1 })
          .onConflict((oc) => oc.columns(['agency_id', 'day']).doUpdateSet({ last: sql<number>`dossier_sequences.last + 1` }))
          .returning('last'),
      )
      .updateTable('dossiers')
      .from('s')
      .set({ code: sql<string>`${prefix} || '-' || lpad(s.last::text, 4, '0')` })
      .where('dossiers.id', '=', dossierId)
      .returningAll('dossiers')
      .executeTakeFirstOrThrow();
    return toDossier(row);
  },

  async findByCode(db: DossierDb, code: string): Promise<Dossier | undefined> {
    const r = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toDossier(r) : undefined;
  },

  async findByIdempotencyKey(db: DossierDb, key: string): Promise<Dossier | undefined> {
    const r = await db.selectFrom('dossiers').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return r ? toDossier(r) : undefined;
  },

  /** The public facts of a code, and what the lookup checks the caller knows: the applicant's phone (E.164) and personal ID number. */
  async statusByCode(db: DossierDb, code: string): Promise<
    | { code: string; status: string; procedure_code: string; procedure_version: number; agency_id: number; due_date: string | null; phone: string | null; personalId: string | null }
    | undefined
  > {
    return db
      .selectFrom('dossiers')
      .select([
        'code',
        'status',
        'procedure_code',
        'procedure_version',
        'agency_id',
        'due_date',
        sql<string | null>`applicant->>'phone'`.as('phone'),
        sql<string | null>`applicant->>'personal_id'`.as('personalId'),
      ])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  async listByApplicant(db: DossierDb, accountId: number, limit = 200): Promise<Dossier[]> {
    const rows = await db
      .selectFrom('dossiers')
      .selectAll()
      .where('applicant_account_id', '=', accountId)
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDossier);
  },

  /** Which of these content addresses a committed row refers to. */
  async storedAmong(db: DossierDb, shas: string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    const rows = await db.selectFrom('stored_files').select('sha256').where('sha256', 'in', shas).execute();
    return new Set(rows.map((r) => r.sha256));
  },

  async addStoredFiles(db: DossierDb, files: { sha256: string; size: number; mime: string }[]): Promise<void> {
    if (files.length === 0) return;
    await db
      .insertInto('stored_files')
      .values(files.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime })))
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  },

  async addFiles(db: DossierDb, dossierId: number, files: NewFile[], kind: 'applicant' | 'supplement' | 'scan' | 'result' = 'applicant'): Promise<void> {
    if (files.length === 0) return;
    await db
      .insertInto('dossier_files')
      .values(files.map((f) => ({ dossier_id: dossierId, doc_key: f.docKey, original_name: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256, kind })))
      .execute();
  },

  async filesOf(db: DossierDb, dossierIds: number[]): Promise<Map<number, DossierFile[]>> {
    const out = new Map<number, DossierFile[]>();
    if (dossierIds.length === 0) return out;
    const rows = await db.selectFrom('dossier_files').selectAll().where('dossier_id', 'in', dossierIds).orderBy('id').execute();
    for (const r of rows) {
      const list = out.get(r.dossier_id) ?? [];
      list.push({ id: r.id, docKey: r.doc_key, originalName: r.original_name, mime: r.mime, size: r.size, sha256: r.sha256 });
      out.set(r.dossier_id, list);
    }
    return out;
  },

  async file(db: DossierDb, dossierId: number, fileId: number): Promise<DossierFile | undefined> {
    const r = await db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).where('id', '=', fileId).executeTakeFirst();
    return r ? { id: r.id, docKey: r.doc_key, originalName: r.original_name, mime: r.mime, size: r.size, sha256: r.sha256 } : undefined;
  },

  async addEvent(db: DossierDb, dossierId: number, e: { actorId: number | null; actor: string; kind: string; agencyId?: number | null; note?: Record<string, unknown>; at?: Date }): Promise<void> {
    await db
      .insertInto('dossier_events')
      .values({ dossier_id: dossierId, actor_id: e.actorId, actor: e.actor, kind: e.kind, agency_id: e.agencyId ?? null, note: JSON.stringify(e.note ?? {}), ...(e.at ? { at: e.at } : {}) })
      .execute();
  },

  async eventsOf(db: DossierDb, dossierIds: number[]): Promise<Map<number, DossierEvent[]>> {
    const out = new Map<number, DossierEvent[]>();
    if (dossierIds.length === 0) return out;
    const rows = await db.selectFrom('dossier_events').selectAll().where('dossier_id', 'in', dossierIds).orderBy('at').orderBy('id').execute();
    for (const r of rows) {
      const list = out.get(r.dossier_id) ?? [];
      list.push({ at: r.at, actor: r.actor, kind: r.kind, note: (r.note ?? {}) as Record<string, unknown> });
      out.set(r.dossier_id, list);
    }
    return out;
  },

  async addPayment(db: DossierDb, dossierId: number, p: { amountDong: number; method: Payment['method'] }): Promise<number> {
    const row = await db
      .insertInto('payments')
      .values({ dossier_id: dossierId, amount_dong: p.amountDong, method: p.method })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async paymentsOf(db: DossierDb, dossierId: number): Promise<Payment[]> {
    const rows = await db.selectFrom('payments').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      amountDong: r.amount_dong,
      method: r.method,
      status: r.status,
      providerRef: r.provider_ref,
      createdAt: r.created_at,
      paidAt: r.paid_at,
    }));
  },

  /** Marks the dossier's pending payments paid; locks the dossier row first so two confirmations do not race. */
  async markPaid(db: DossierDb, dossierId: number, method: Payment['method'], providerRef: string, at: Date): Promise<number> {
    await db.selectFrom('dossiers').select('id').where('id', '=', dossierId).forUpdate().executeTakeFirst();
    const paid = await db
      .updateTable('payments')
      .set({ status: 'paid', method, provider_ref: providerRef, paid_at: at })
      .where('dossier_id', '=', dossierId)
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
    if (paid.length > 0) {
      await db.updateTable('dossiers').set({ payment_status: 'paid', updated_at: at }).where('id', '=', dossierId).execute();
    }
    return paid.length;
  },

  async saveDraft(db: DossierDb, accountId: number, procedureCode: string, data: Record<string, unknown>): Promise<void> {
    await db
      .insertInto('dossier_drafts')
      .values({ account_id: accountId, procedure_code: procedureCode, data: JSON.stringify(data) })
      .onConflict((oc) => oc.columns(['account_id', 'procedure_code']).doUpdateSet({ data: JSON.stringify(data), updated_at: sql<Date>`now()` }))
      .execute();
  },

  async findDraft(db: DossierDb, accountId: number, procedureCode: string): Promise<{ data: Record<string, unknown>; updatedAt: Date } | undefined> {
    const r = await db
      .selectFrom('dossier_drafts')
      .select(['data', 'updated_at'])
      .where('account_id', '=', accountId)
      .where('procedure_code', '=', procedureCode)
      .executeTakeFirst();
    return r ? { data: (r.data ?? {}) as Record<string, unknown>, updatedAt: r.updated_at } : undefined;
  },

  async deleteDraft(db: DossierDb, accountId: number, procedureCode: string): Promise<void> {
    await db.deleteFrom('dossier_drafts').where('account_id', '=', accountId).where('procedure_code', '=', procedureCode).execute();
    await db.deleteFrom('dossier_draft_files').where('account_id', '=', accountId).where('procedure_code', '=', procedureCode).execute();
  },

  /** A draft's file for one document, replacing the one uploaded before for it. */
  async putDraftFile(db: DossierDb, accountId: number, procedureCode: string, f: { docKey: string; originalName: string; mime: string; size: number; sha256: string }): Promise<void> {
    const row = { original_name: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256 };
    await db
      .insertInto('dossier_draft_files')
      .values({ account_id: accountId, procedure_code: procedureCode, doc_key: f.docKey, ...row })
      .onConflict((oc) => oc.columns(['account_id', 'procedure_code', 'doc_key']).doUpdateSet({ ...row, created_at: sql<Date>`now()` }))
      .execute();
  },

  async draftFiles(db: DossierDb, accountId: number, procedureCode: string): Promise<{ docKey: string; originalName: string; mime: string; size: number; sha256: string }[]> {
    const rows = await db
      .selectFrom('dossier_draft_files')
      .select(['doc_key', 'original_name', 'mime', 'size', 'sha256'])
      .where('account_id', '=', accountId)
      .where('procedure_code', '=', procedureCode)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ docKey: r.doc_key, originalName: r.original_name, mime: r.mime, size: r.size, sha256: r.sha256 }));
  },
};
