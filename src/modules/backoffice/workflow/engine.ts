// Taking an action on a dossier (issue 4 "Workflow as data"): one service call, one transaction. The dossier row is
// locked, the action must exist in its workflow, start from its state, be the actor's to take (role and agency), carry
// what it requires and pass the rules of the law (rules.ts); then the new state, a process-history row, the audit row
// and the applicant's notifications (mail and SMS outboxes, and a job to send them) commit together. Any refusal
// changes nothing and says why.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireUser } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';

import { getWorkCalendar } from '../../calendar/index.ts';
import { findAgencyById } from '../../units/index.ts';
import { procedureExtension, findProcedureVersionForDossier, type DossierProcedure, isDossierCode, DossierErrors, attachmentLimits, stageFiles, dossierRows, type Dossier } from '../../dossiers/index.ts';
import { canSeeCase, mayTake, relationOf } from './access.ts';
import { actionOf, requirementsOf, stateOf, type Workflow, type WorkflowAction } from './definition.ts';
import { applyEffect, prepareEffect, type EffectResult } from './effects.ts';
import { WorkflowErrors } from './errors.ts';
import { type ActionInput, checkInput } from './input.ts';
import { correctedAnswers } from './answers.ts';
import { transitionText } from './messages.ts';
import { getWorkflow } from './registry.ts';
import { caseRepo } from './repo.ts';
import { NOTIFY_JOB, notifyFor } from './notify-events.ts';

export interface ActionContext {
  via: 'web' | 'api';
  ip?: string | null;
  /** The moment of the action (tests); now by default. */
  now?: Date;
}

export interface ActionResult {
  code: string;
  action: string;
  status: string;
  rowVersion: number;
  /** The official form the action issued (the page links to its PDF). */
  form: '01' | '02' | '03' | '04' | null;
}

export async function takeAction(platform: Platform, actor: Actor, code: string, input: ActionInput, ctx: ActionContext): Promise<ActionResult> {
  const user = requireUser(actor);
  const db = platform.database.db;
  const now = ctx.now ?? new Date();
  if (!isDossierCode(code)) throw DossierErrors.DOSSIER_NOT_FOUND();

  // Everything that can be checked without the lock is checked first, so the transaction stays short.
  const seen = await dossierRows.findByCode(db, code);
  if (!seen) throw DossierErrors.DOSSIER_NOT_FOUND();
  const workflow = await getWorkflow(db, seen.workflowCode);
  const action = actionOf(workflow, input.action);
  const consulted0 = await caseRepo.consultedAgencies(db, seen.id);
  if (!canSeeCase(user, seen, consulted0)) throw DossierErrors.DOSSIER_NOT_FOUND();
  const rel0 = relationOf(user, seen, consulted0);
  if (!action) throw WorkflowErrors.UNKNOWN_ACTION({ details: { action: input.action } });
  const procedure = await findProcedureVersionForDossier(db, seen.procedureCode, seen.procedureVersion);
  // Answers corrected with a supplement (issue 9) are checked by the e-form; a correction alone is a supplement.
  const corrected = input.form !== undefined && action.effect === 'complete_supplement' && procedure ? await correctedAnswers(db, procedure.form, seen.formData, input.form, now) : undefined;
  const requires = requirementsOf(action, seen).filter((r) => !(r === 'files' && corrected && corrected.changes.length > 0));
  const checked = await checkInput(db, requires, input, attachmentLimits(platform));
  if (corrected) checked.errors.push(...corrected.errors);
  if (checked.errors.length > 0) throw WorkflowErrors.INVALID_ACTION({ fields: checked.errors });
  if (corrected?.value && corrected.changes.length > 0) checked.value.answers = { value: corrected.value, changes: corrected.changes };
  const calendar = await getWorkCalendar(platform);
  const prepared = await prepareEffect(platform, action, seen, procedure, now, checked.value);
  const agency = await findAgencyById(db, seen.handlingAgencyId ?? seen.agencyId);
  const agencyName = (prepared.handlingAgencyId ? (await findAgencyById(db, prepared.handlingAgencyId))?.name : agency?.name) ?? '';
  // A user who may not take the action at all gets no file written; the check is repeated under the lock.
  if (!mayTake(user, rel0, action)) throw WorkflowErrors.NOT_ALLOWED({ ...transitionText.notAllowed(action.label) });
  // Files are written before the transaction and deleted again if it does not commit (dossiers' stageFiles).
  const staged = await stageFiles(platform, checked.value.files);

  const outcome = await db.transaction().execute(async (trx) => {
    const c = await dossierRows.lockByCode(trx, code);
    if (!c) throw DossierErrors.DOSSIER_NOT_FOUND();
    if (input.version !== undefined && input.version !== c.rowVersion) throw WorkflowErrors.STALE({ details: { current: c.rowVersion, seen: input.version } });
    const rel = relationOf(user, c, await caseRepo.consultedAgencies(trx, c.id));
    refuseIllegal(workflow, action, c);
    if (!mayTake(user, rel, action)) throw WorkflowErrors.NOT_ALLOWED({ ...transitionText.notAllowed(action.label) });
    const effect = await applyEffect({ platform, db: trx, user, action, workflow, c, input: checked.value, procedure, calendar, now, prepared });
    // The procedure's own module issues the result in this transaction (dossiers' extensions.ts), e.g. the renewed
    // driving licence of 3.000347; a refusal there refuses the approval.
    const ext = action.effect === 'approve' ? procedureExtension(c.procedureCode) : undefined;
    if (ext?.approved) Object.assign(effect.note, (await ext.approved(trx, platform, { dossier: c, user, now })) ?? {});
    const toStatus = effect.status ?? action.to ?? c.status;
    if (!(await dossierRows.update(trx, c.id, c.rowVersion, { ...effect.patch, status: toStatus }))) throw WorkflowErrors.STALE();
    await dossierRows.addHistory(trx, c.id, {
      at: now,
      actorId: user.id,
      actor: user.displayName,
      agencyId: user.agencyId,
      kind: action.key,
      fromStatus: c.status,
      toStatus,
      comment: checked.value.comment,
      note: { via: ctx.via, ...(action.form ? { form: action.form } : {}), ...effect.note },
    });
    await recordAudit(trx, {
      actor: user,
      action: `dossiers.${action.key}`,
      entity: 'dossier',
      entityId: c.code,
      agencyId: user.agencyId,
      ip: ctx.ip ?? null,
      data: { from: c.status, to: toStatus, version: c.rowVersion + 1, ...effect.note },
    });
    if (action.notify) await notifyApplicant(trx, platform, c, action, effect, procedure, agencyName);
    return { status: toStatus, rowVersion: c.rowVersion + 1 };
  }).catch(async (err: unknown) => {
    await staged.discard();
    throw err;
  });
  return { code, action: action.key, status: outcome.status, rowVersion: outcome.rowVersion, form: action.form ?? null };
}

function refuseIllegal(workflow: Workflow, action: WorkflowAction, c: Dossier): void {
  if (action.from.includes(c.status)) return;
  const state = stateOf(workflow, c.status)?.label ?? { vi: c.status, en: c.status };
  throw WorkflowErrors.ILLEGAL_TRANSITION({ ...transitionText.notFrom(action.label, state), details: { status: c.status, action: action.key } });
}

async function notifyApplicant(trx: Kysely<PlatformTables>, platform: Platform, c: Dossier, action: WorkflowAction, effect: EffectResult, procedure: DossierProcedure | undefined, agencyName: string): Promise<void> {
  const kind = effect.notifyKind ?? null;
  if (!kind) return;
  await notifyFor(trx, platform, {
    kind,
    code: c.code,
    procedureName: procedure?.name ?? c.procedureCode,
    applicant: { name: c.applicant.name, email: c.applicant.email, phone: c.applicant.phone },
    agencyName,
    dueDate: effect.dueDate ?? c.dueDate,
    ...(effect.newDueDate ? { newDueDate: effect.newDueDate } : {}),
    ...(effect.items ? { items: effect.items } : {}),
    ...(effect.reason ? { reason: effect.reason } : {}),
  });
  await platform.jobs.send(NOTIFY_JOB, { code: c.code, action: action.key }, trx as unknown as Kysely<unknown>);
}

