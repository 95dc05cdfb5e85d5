// What each kind of action does besides moving the state (the `effect` of a workflow action), and the legal rules
// each one checks first. Returns the columns to write; the engine writes them with the history and audit rows.
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { type WorkCalendar, endOfVietnamDay, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { findStaffWithRole } from '../../accounts/index.ts';
import { type DossierProcedure, deadlineColumns, restartDeadline, setDeadline, type DossierDeadline, dossierRows, type Dossier, type DossierPatch } from '../../dossiers/index.ts';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { stateOf, type Workflow, type WorkflowAction } from './definition.ts';
import { WorkflowErrors } from './errors.ts';
import type { CheckedInput } from './input.ts';
import { fieldText } from './messages.ts';
import type { NotifyKind } from './notify-events.ts';
import { caseRepo } from './repo.ts';
import { handlingAgencyFor } from './routing.ts';
import { checkApology, checkSupplement, outcomeOf, stepDue, supplementStage } from './rules.ts';

export interface EffectContext {
  platform: Platform;
  db: Kysely<PlatformTables>;
  user: SessionUser;
  action: WorkflowAction;
  workflow: Workflow;
  c: Dossier;
  input: CheckedInput;
  procedure: DossierProcedure | undefined;
  calendar: WorkCalendar;
  now: Date;
  /** Read before the transaction (PGlite has one connection: nothing inside may go around the transaction). */
  prepared: Prepared;
}

export interface Prepared {
  handlingAgencyId: number | null;
  staffIds: number[];
  /** The names of those staff, for the history row of an assignment (issue 9). */
  staffNames: Map<number, string>;
  restart: DossierDeadline | undefined;
  set: DossierDeadline | undefined;
}

/** What an effect needs from outside the dossier's own rows, read before the transaction starts. */
export async function prepareEffect(platform: Platform, action: WorkflowAction, c: Dossier, procedure: DossierProcedure | undefined, now: Date, input: CheckedInput): Promise<Prepared> {
  const db = platform.database.db;
  const agency = c.handlingAgencyId ?? c.agencyId;
  const staff = action.effect === 'assign' ? [...(await findStaffWithRole(db, agency, 'specialist')), ...(await findStaffWithRole(db, agency, 'leader'))] : [];
  return {
    handlingAgencyId: action.effect === 'accept' ? await handlingAgencyFor(db, c, platform.log) : null,
    staffIds: staff.map((x) => x.id),
    staffNames: new Map(staff.map((x) => [x.id, x.fullName])),
    restart: action.effect === 'complete_supplement' && procedure ? await restartDeadline(platform, procedure, c.deadline, now) : undefined,
    // The return date the receiving officer sets where the catalogue gives none, counted from receipt (requirementsOf).
    set:
      action.effect === 'accept' && !c.dueDate && input.processingDays
        ? await setDeadline(platform, c.clockStartedAt ?? c.receivedAt, input.processingDays)
        : undefined,
  };
}

export interface EffectResult {
  patch: DossierPatch;
  /** A state other than the action's `to` (e.g. back to where a supplement was asked). */
  status?: string;
  note: Record<string, unknown>;
  notifyKind?: NotifyKind;
  dueDate?: string | null;
  newDueDate?: string;
  items?: string[];
  reason?: string;
}

function legalWorkingDays(p: DossierProcedure | undefined): number | null {
  return p?.processingTime.unit === 'working_days' && p.processingTime.amount ? Math.ceil(p.processingTime.amount) : null;
}

function stepDueAt(x: EffectContext, toStatus: string, dueAt: Date | null = x.c.dueAt): Date | null {
  const budget = stateOf(x.workflow, toStatus)?.budget ?? 0;
  return stepDue(x.calendar, { now: x.now, budget, legalWorkingDays: legalWorkingDays(x.procedure), dueAt, endOfDay: endOfVietnamDay });
}

export async function applyEffect(x: EffectContext): Promise<EffectResult> {
  const { c, input, now, action } = x;
  switch (action.effect) {
    case 'accept': {
      const handling = x.prepared.handlingAgencyId ?? c.agencyId;
      const d = x.prepared.set;
      if (!d) return { patch: { handling_agency_id: handling, step_due_at: stepDueAt(x, 'processing') }, note: { handling_agency_id: handling }, notifyKind: 'receipt' };
      return {
        patch: { handling_agency_id: handling, ...deadlineColumns(d), step_due_at: stepDueAt(x, 'processing', d.dueAt) },
        note: { handling_agency_id: handling, processing_days: d.amount, due_date: d.dueDate },
        notifyKind: 'receipt',
        dueDate: d.dueDate,
      };
    }
    case 'request_supplement': {
      const stage = supplementStage(c.status);
      const existing = await caseRepo.supplements(x.db, c.id);
      const verdict = checkSupplement(x.calendar, { stage, alreadyAtStage: existing.some((s) => s.stage === stage), clockStartedAt: c.clockStartedAt ?? c.receivedAt, now });
      if (verdict === 'once') throw WorkflowErrors.SUPPLEMENT_ONCE();
      if (verdict === 'too_late') throw WorkflowErrors.SUPPLEMENT_TOO_LATE();
      await caseRepo.addSupplement(x.db, { dossierId: c.id, stage, items: input.items, reason: input.comment, by: x.user.id, at: now });
      return { patch: { paused_at: now }, note: { stage, items: input.items.length }, notifyKind: 'supplement', items: input.items.map((i) => i.text) };
    }
    case 'complete_supplement': {
      const answers = input.answers;
      const stage = await caseRepo.completeSupplement(x.db, c.id, now, answers?.changes ?? []);
      const back = stage === 'appraisal' ? 'processing' : 'received';
      await dossierRows.addFiles(x.db, c.id, 'supplement', input.files);
      // The clock restarts from zero when the complete dossier comes back (DOMAIN §4).
      const d = x.prepared.restart;
      const dueAt = d?.dueAt ?? c.dueAt;
      const patch: DossierPatch = { paused_at: null, clock_started_at: now, due_soon_at: null, overdue_at: null };
      if (d) Object.assign(patch, deadlineColumns(d));
      patch.step_due_at = stepDueAt(x, back, dueAt);
      if (answers) patch.form_data = JSON.stringify(answers.value);
      const corrected = answers ? { answers_changed: answers.changes.map((f) => f.field) } : {};
      return { patch, status: back, note: { stage: stage ?? null, files: input.files.length, due_date: d?.dueDate ?? c.dueDate, ...corrected } };
    }
    case 'refuse':
      return { patch: { finished_at: now, step_due_at: null }, note: {}, notifyKind: 'refusal', reason: input.comment ?? '' };
    case 'assign': {
      if (!x.prepared.staffIds.some((id) => id === input.assigneeId)) throw WorkflowErrors.INVALID_ACTION({ fields: [{ field: 'assignee', message: fieldText.assigneeInvalid }] });
      return { patch: { assignee_id: input.assigneeId }, note: { assignee_id: input.assigneeId, assignee_name: x.prepared.staffNames.get(input.assigneeId ?? -1) ?? null } };
    }
    case 'consult': {
      const handling = c.handlingAgencyId ?? c.agencyId;
      if (input.agencies.some((a) => a.id === handling)) throw WorkflowErrors.INVALID_ACTION({ fields: [{ field: 'agencies', message: fieldText.agencySelf }] });
      // Each consulted agency answers by its own date: the one given, else the consultation step's share of the time.
      const fallback = stepDueAt(x, 'consulting') ?? endOfVietnamDay(x.calendar.addWorkingDays(vietnamDateOf(now), 3));
      const asks = input.agencies.map((a) => ({ agencyId: a.id, dueAt: a.dueDate ? endOfVietnamDay(a.dueDate) : fallback }));
      // Only what is sent is read by the consulted agencies (dossiers/privacy.ts): files of this dossier, chosen here.
      const own = new Set((await dossierRows.files(x.db, c.id)).map((f) => f.id));
      if (input.documents.some((id) => !own.has(id))) throw WorkflowErrors.INVALID_ACTION({ fields: [{ field: 'documents', message: fieldText.documentUnknown }] });
      await caseRepo.addConsultations(x.db, c.id, x.user.id, now, input.comment ?? '', asks, { documents: input.documents, includeAnswers: input.includeAnswers });
      return { patch: { step_due_at: fallback }, note: { agencies: input.agencies.map((a) => a.code), documents: input.documents, answers: input.includeAnswers } };
    }
    case 'reply_consultation': {
      const open = await caseRepo.reply(x.db, c.id, x.user.agencyId ?? 0, x.user.id, now, input.comment ?? '');
      if (open < 0) throw WorkflowErrors.CONSULTATION_NOT_OPEN();
      // The lead agency takes the dossier back once every consulted agency has answered.
      return open === 0 ? { patch: { step_due_at: stepDueAt(x, 'processing') }, status: 'processing', note: { open } } : { patch: {}, status: c.status, note: { open } };
    }
    case 'submit_for_approval':
      return { patch: { step_due_at: stepDueAt(x, 'approval') }, note: {} };
    case 'send_back':
      return { patch: { step_due_at: stepDueAt(x, 'processing') }, note: {} };
    case 'approve':
      return { patch: { decision: 'approved', decided_at: now, step_due_at: stepDueAt(x, 'approved') }, note: {} };
    case 'reject':
      return {
        patch: { decision: 'rejected', decided_at: now, result_at: now, outcome: outcomeOf(now, c.dueAt, c.dueDate), step_due_at: null },
        note: {},
        notifyKind: 'rejected',
        reason: input.comment ?? '',
      };
    case 'record_result': {
      await dossierRows.addFiles(x.db, c.id, 'result', input.files.map((f) => ({ ...f, docKey: 'result' })));
      const outcome = outcomeOf(now, c.dueAt, c.dueDate);
      return { patch: { result_at: now, outcome, step_due_at: null }, note: { outcome }, notifyKind: outcome === 'early' ? 'early_result' : 'result' };
    }
    case 'return_result':
      return { patch: { return_method: input.returnMethod, finished_at: now }, note: { return_method: input.returnMethod }, notifyKind: 'returned' };
    case 'apologize': {
      const newDueDate = input.newDueDate ?? '';
      const verdict = checkApology(x.calendar, { apologizedAt: c.apologizedAt, dueDate: c.dueDate, newDueDate, now });
      if (verdict === 'once') throw WorkflowErrors.APOLOGY_ONCE();
      if (verdict === 'too_late') throw WorkflowErrors.APOLOGY_TOO_LATE();
      if (verdict === 'no_deadline') throw WorkflowErrors.NO_DEADLINE();
      if (verdict === 'bad_date') throw WorkflowErrors.INVALID_ACTION({ fields: [{ field: 'new_due_date', message: fieldText.dateNotWorking }] });
      return {
        patch: { original_due_at: c.dueAt, apologized_at: now, due_at: endOfVietnamDay(newDueDate), due_date: newDueDate, due_soon_at: null, overdue_at: null },
        note: { original_due_date: c.dueDate, new_due_date: newDueDate },
        notifyKind: 'apology',
        newDueDate,
        reason: input.comment ?? '',
      };
    }
  }
}
