// One dossier as the API returns it (GET /api/v1/dossiers/:code). The applicant gets what their page shows: the
// reasons owed to them but no internal comments, and no consultations between agencies.
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import { answersView } from '../../eforms/index.ts';
import type { CaseView } from '../workflow/view.ts';
import { citizenComment } from './timeline.ts';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The e-form's answers (issue 9): the stored values, and the same laid out by the form's sections and labels with
 * each value as text (choices by label, dates dd/mm/yyyy, Có/Không), in Vietnamese and English.
 */
export function formJson(view: CaseView): Record<string, unknown> | null {
  const def = view.procedure?.form;
  // A consulted agency gets the answers only if they were sent (dossiers/privacy.ts).
  if (!def || (view.sent && !view.sent.includeAnswers)) return null;
  const c = view.case;
  const vi = answersView(def, c.formData, 'vi', { units: view.units });
  const en = answersView(def, c.formData, 'en', { units: view.units });
  return {
    procedure_version: c.procedureVersion,
    eform_version: def.version,
    values: c.formData,
    sections: vi.map((s, i) => ({
      title: { vi: s.title, en: en[i]?.title ?? s.title },
      rows: s.rows.map((r, j) => ({ field: r.field, label: { vi: r.label, en: en[i]?.rows[j]?.label ?? r.label }, value: { vi: r.value, en: en[i]?.rows[j]?.value ?? r.value } })),
    })),
  };
}

export function caseJson(view: CaseView): Record<string, unknown> {
  const c = view.case;
  const agency = (id: number | null): string | null => (id ? (view.agencies.get(id)?.code ?? null) : null);
  const applicant = view.relation.applicant;
  // Result files are the applicant's only once the result is recorded; staff see every file.
  const files = view.files.filter((f) => !applicant || f.kind !== 'result' || c.resultAt !== null);
  return {
    code: c.code,
    status: c.status,
    status_label: view.state?.label ?? { vi: c.status, en: c.status },
    state: view.state?.label ?? { vi: c.status, en: c.status },
    workflow: c.workflowCode,
    procedure: { code: c.procedureCode, version: c.procedureVersion, name: view.procedure?.name ?? null },
    channel: c.channel,
    receiving_agency: agency(c.agencyId),
    handling_agency: agency(c.handlingAgencyId),
    assignee_id: c.assigneeId,
    row_version: c.rowVersion,
    received_at: c.receivedAt.toISOString(),
    clock_started_at: iso(c.clockStartedAt),
    paused_at: iso(c.pausedAt),
    due_date: c.dueDate,
    original_due_date: c.originalDueAt ? vietnamDateOf(c.originalDueAt) : null,
    apologized_at: iso(c.apologizedAt),
    decision: c.decision,
    outcome: c.outcome,
    result_at: iso(c.resultAt),
    return_method: c.returnMethod,
    finished_at: iso(c.finishedAt),
    fee_total_dong: c.feeTotalDong,
    payment_status: c.paymentStatus,
    form: formJson(view),
    history: view.history.map((h) => ({
      at: h.at.toISOString(),
      actor: h.actor,
      agency: agency(h.agencyId),
      action: h.kind,
      from: h.fromStatus,
      to: h.toStatus,
      comment: applicant ? (citizenComment(view, h, c.applicantAccountId)?.text ?? null) : h.comment,
    })),
    supplements: view.supplements.map((s) => ({
      stage: s.stage,
      items: s.items.map((i) => ({ doc_key: i.docKey, text: i.text })),
      reason: s.reason,
      requested_at: s.requestedAt.toISOString(),
      completed_at: iso(s.completedAt),
      form_changes: s.formChanges.map((f) => ({ field: f.field, old: f.old, new: f.new })),
    })),
    consultations: applicant
      ? []
      : view.consultations.map((k) => ({
          agency: agency(k.agencyId),
          question: k.question,
          requested_at: k.requestedAt.toISOString(),
          due_at: k.dueAt.toISOString(),
          replied_at: iso(k.repliedAt),
          reply: k.reply,
          documents: k.documents,
          include_answers: k.includeAnswers,
        })),
    files: files.map((f) => ({ id: f.id, doc_key: f.docKey, name: f.originalName, mime: f.mime, size: f.size, kind: f.kind })),
    rating: view.rating
      ? { overall: view.rating.overall, criteria: view.rating.criteria, comment: view.rating.comment, rated_at: view.rating.ratedAt.toISOString() }
      : null,
    feedback: view.feedback.map((f) => ({ id: f.id, message: f.message, created_at: f.createdAt.toISOString(), answer: f.answer, answered_at: iso(f.answeredAt) })),
    actions: view.actions.map((a) => a.key),
  };
}
