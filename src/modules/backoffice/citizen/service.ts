// The applicant's side of a dossier after submission (issue 4 "Citizen side"): rating the service once the dossier is
// resolved, and sending feedback at any time; officers of the receiving or handling agency answer the feedback.
// Each function checks access first, changes one thing in one transaction and writes its audit row there.
import type { Kysely } from 'kysely';
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireUser } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { vietnamDateOf, vietnamInstant } from '../../../platform/calendar/index.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { findProcedureVersionForDossier, dossierRows, type Dossier } from '../../dossiers/index.ts';
import { NOTIFY_JOB, notifyFor } from '../workflow/notify-events.ts';
import type { Relation } from '../workflow/access.ts';
import { caseFor } from '../workflow/view.ts';
import { CRITERION_KEYS, RATING_CRITERIA, isScore } from './criteria.ts';
import { CitizenErrors } from './errors.ts';
import { fieldText as m } from './messages.ts';
import { citizenRepo, type StoredFeedback, type StoredRating } from './repo.ts';

export interface RatingInput {
  overall: unknown;
  criteria?: Record<string, unknown> | undefined;
  comment?: string | undefined;
}

export interface CitizenContext {
  ip?: string | null;
  /** The moment of the action (tests); now by default. */
  now?: Date;
}

/** Feedback messages an applicant may send about one dossier in one (Vietnam) day: enough to follow up, not to flood. */
export const FEEDBACK_PER_DAY = 5;
export const MAX_COMMENT = 2000;
export const MAX_MESSAGE = 4000;

/**
 * The applicant rates the service once it is over for them: the result is ready or returned, or the dossier was
 * refused at receipt (Circular 01/2018 Art. 13 surveys those who received a result or a refusal). Workflow-agnostic:
 * a result (`result_at`) or the end of the process (`finished_at`) is what counts.
 */
export function isRatable(c: Pick<Dossier, 'resultAt' | 'finishedAt'>): boolean {
  return c.resultAt !== null || c.finishedAt !== null;
}

export function mayRate(c: Pick<Dossier, 'resultAt' | 'finishedAt'>, relation: Relation, rated: boolean): boolean {
  return relation.applicant && !rated && isRatable(c);
}

function checkRating(input: RatingInput): { value: { overall: number; criteria: Record<string, number>; comment: string | null }; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const overall = Number(input.overall);
  if (!isScore(overall)) errors.push({ field: 'overall', message: m.overallRequired });
  const given = input.criteria ?? {};
  const criteria: Record<string, number> = {};
  for (const c of RATING_CRITERIA) {
    const v = Number(given[c.key]);
    if (isScore(v)) criteria[c.key] = v;
    else errors.push({ field: `criteria.${c.key}`, message: m.criterionRequired(c.label) });
  }
  for (const k of Object.keys(given)) {
    if (!(CRITERION_KEYS as readonly string[]).includes(k)) errors.push({ field: `criteria.${k}`, message: m.criterionUnknown(k) });
  }
  const comment = (input.comment ?? '').trim();
  if (comment.length > MAX_COMMENT) errors.push({ field: 'comment', message: m.tooLong(MAX_COMMENT) });
  return { value: { overall, criteria, comment: comment || null }, errors };
}

export async function rateDossier(platform: Platform, actor: Actor, code: string, input: RatingInput, ctx: CitizenContext = {}): Promise<StoredRating> {
  const user = requireUser(actor);
  const { c, relation } = await caseFor(platform, user, code);
  if (!relation.applicant) throw CitizenErrors.APPLICANT_ONLY();
  if (!isRatable(c)) throw CitizenErrors.RATING_NOT_YET();
  const checked = checkRating(input);
  if (checked.errors.length > 0) throw CitizenErrors.INVALID_RATING({ fields: checked.errors });
  const now = ctx.now ?? new Date();
  return platform.database.db.transaction().execute(async (trx) => {
    const rating = await citizenRepo.addRating(trx, { dossierId: c.id, accountId: user.id, ...checked.value, at: now });
    if (!rating) throw CitizenErrors.ALREADY_RATED();
    await recordAudit(trx, {
      actor: user,
      action: 'dossiers.rate',
      entity: 'dossier',
      entityId: c.code,
      ip: ctx.ip ?? null,
      data: { overall: rating.overall, criteria: rating.criteria },
    });
    return rating;
  });
}

function checkText(text: string | undefined, field: string, required: FieldError['message']): { value: string; errors: FieldError[] } {
  const value = (text ?? '').trim();
  if (value === '') return { value, errors: [{ field, message: required }] };
  if (value.length > MAX_MESSAGE) return { value, errors: [{ field, message: m.tooLong(MAX_MESSAGE) }] };
  return { value, errors: [] };
}

/** The applicant writes to the agencies about their dossier at any time, a few times a day (FEEDBACK_PER_DAY). */
export async function sendFeedback(platform: Platform, actor: Actor, code: string, message: string | undefined, ctx: CitizenContext = {}): Promise<StoredFeedback> {
  const user = requireUser(actor);
  const { c, relation } = await caseFor(platform, user, code);
  if (!relation.applicant) throw CitizenErrors.APPLICANT_ONLY();
  const checked = checkText(message, 'message', m.messageRequired);
  if (checked.errors.length > 0) throw CitizenErrors.INVALID_FEEDBACK({ fields: checked.errors });
  const now = ctx.now ?? new Date();
  return platform.database.db.transaction().execute(async (trx) => {
    // Counting under the dossier's lock: two messages sent at once cannot both pass the limit.
    await dossierRows.lockById(trx, c.id);
    const today = await citizenRepo.feedbackSince(trx, c.id, vietnamInstant(vietnamDateOf(now), 0));
    if (today >= FEEDBACK_PER_DAY) throw CitizenErrors.FEEDBACK_LIMIT({ details: { per_day: FEEDBACK_PER_DAY } });
    const fb = await citizenRepo.addFeedback(trx, { dossierId: c.id, accountId: user.id, message: checked.value, at: now });
    await recordAudit(trx, { actor: user, action: 'dossiers.feedback', entity: 'dossier', entityId: c.code, ip: ctx.ip ?? null, data: { feedback_id: fb.id } });
    return fb;
  });
}

/** Staff of the receiving or handling agency answer the applicant's feedback. */
export function mayAnswerFeedback(rel: Relation): boolean {
  return rel.receiving || rel.handling;
}

/** An officer of the receiving or handling agency answers a feedback message, once; the applicant is told (mail, SMS). */
export async function answerFeedback(
  platform: Platform,
  actor: Actor,
  code: string,
  feedbackId: number,
  answer: string | undefined,
  ctx: CitizenContext = {},
): Promise<{ id: number; answer: string; answeredAt: Date }> {
  const user = requireUser(actor);
  const { c, relation } = await caseFor(platform, user, code);
  if (user.kind !== 'staff' || !mayAnswerFeedback(relation)) throw CitizenErrors.STAFF_ONLY();
  if (!Number.isSafeInteger(feedbackId) || feedbackId <= 0) throw CitizenErrors.FEEDBACK_NOT_FOUND();
  const checked = checkText(answer, 'answer', m.answerRequired);
  if (checked.errors.length > 0) throw CitizenErrors.INVALID_FEEDBACK({ fields: checked.errors });
  const now = ctx.now ?? new Date();
  const procedure = await findProcedureVersionForDossier(platform.database.db, c.procedureCode, c.procedureVersion);
  await platform.database.db.transaction().execute(async (trx) => {
    const r = await citizenRepo.answerFeedback(trx, { dossierId: c.id, feedbackId, by: user.id, answer: checked.value, at: now });
    if (r === 'missing') throw CitizenErrors.FEEDBACK_NOT_FOUND();
    if (r === 'already') throw CitizenErrors.FEEDBACK_ANSWERED();
    await recordAudit(trx, {
      actor: user,
      action: 'dossiers.feedback_answer',
      entity: 'dossier',
      entityId: c.code,
      agencyId: user.agencyId,
      ip: ctx.ip ?? null,
      data: { feedback_id: feedbackId },
    });
    // The applicant hears of the answer as of a legal event: e-mail and SMS from the outboxes, with this transaction.
    await notifyFor(trx, platform, {
      kind: 'feedback_answer',
      code: c.code,
      procedureName: procedure?.name ?? c.procedureCode,
      applicant: { name: c.applicant.name, email: c.applicant.email, phone: c.applicant.phone },
      agencyName: user.agencyName ?? '',
      answer: checked.value,
    });
    await platform.jobs.send(NOTIFY_JOB, { code: c.code, action: 'feedback_answer' }, trx as unknown as Kysely<unknown>);
  });
  return { id: feedbackId, answer: checked.value, answeredAt: now };
}
