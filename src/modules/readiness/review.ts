// Review of a submitted form (issue 14): the city's office marks it reviewed or asks questions, which return it to the
// unit; the unit answers and resubmits (form.ts submit); the appraisal council adjusts an indicator's points within
// [0, max] with a reason, the computed points kept beside. Access first, one transaction with its audit row each.
import type { Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import { cycleOf, formForUser, notPublished, requireCouncil, requireReporter, requireReviewer } from './access.ts';
import { ReadinessErrors } from './errors.ts';
import { setOf } from './form.ts';
import { type AdjustmentRow, audit, type CycleRow, type FormRow, type QuestionRow, type ReadinessDb, readinessDb, readinessRepo } from './repo.ts';
import { provisionalScores } from './results.ts';

const MAX_TEXT = 2000;

function text(field: string, v: string, what: { vi: string; en: string }): string {
  const t = v.trim();
  if (t === '') throw ReadinessErrors.INVALID({ fields: [{ field, message: { vi: `Vui lòng nhập ${what.vi}.`, en: `Please enter ${what.en}.` } }] });
  if (t.length > MAX_TEXT) throw ReadinessErrors.INVALID({ fields: [{ field, message: { vi: `${what.vi} quá ${MAX_TEXT} ký tự.`, en: `The ${what.en} is over ${MAX_TEXT} characters.` } }] });
  return t;
}

async function knownCode(db: ReadinessDb, formCycle: Pick<CycleRow, 'set_id' | 'set_version'>, code: string): Promise<void> {
  const loaded = await setOf(db, formCycle);
  if (!loaded.indicators.has(code) && !loaded.figures.has(code)) {
    throw ReadinessErrors.INVALID({ fields: [{ field: 'code', message: { vi: `Không có chỉ tiêu mã “${code}” trong bộ chỉ số.`, en: `The indicator set has no code “${code}”.` } }] });
  }
}

/** The office marks a submitted form reviewed. */
export async function markReviewed(platform: Platform, actor: Actor, formId: number, ip: string | null = null): Promise<FormRow> {
  const user = requireReviewer(actor);
  return readinessDb(platform.database.db).transaction().execute(async (trx) => {
    const { form, cycle } = await formForUser(trx, actor, formId, true);
    notPublished(cycle);
    if (form.state !== 'submitted') throw ReadinessErrors.WRONG_STATE();
    const after = await readinessRepo.updateForm(trx, form.id, { state: 'reviewed', reviewed_by: user.id, reviewed_at: new Date() });
    await audit(trx, { actor: user, action: 'readiness.reviewed', entity: 'readiness_form', entityId: form.id, agencyId: form.agency_id, ip });
    return after;
  });
}

/** The office asks the unit a question (about one indicator, or the whole form); the form returns to the unit. */
export async function askQuestion(platform: Platform, actor: Actor, formId: number, q: { code?: string | null; question: string }, ip: string | null = null): Promise<QuestionRow> {
  const user = requireReviewer(actor);
  const question = text('question', q.question, { vi: 'câu hỏi', en: 'the question' });
  return readinessDb(platform.database.db).transaction().execute(async (trx) => {
    const { form, cycle } = await formForUser(trx, actor, formId, true);
    notPublished(cycle);
    if (form.state !== 'submitted' && form.state !== 'reviewed') throw ReadinessErrors.WRONG_STATE();
    const code = q.code ? q.code.trim() : null;
    if (code) await knownCode(trx, cycle, code);
    const row = await readinessRepo.addQuestion(trx, { form_id: form.id, code, question, asked_by: user.id });
    await readinessRepo.updateForm(trx, form.id, { state: 'returned' });
    await audit(trx, { actor: user, action: 'readiness.question_asked', entity: 'readiness_form', entityId: form.id, agencyId: form.agency_id, ip, data: { question: row.id, code } });
    return row;
  });
}

/** The unit's officer answers a question of the office; the form is then resubmitted (form.ts submit). */
export async function answerQuestion(platform: Platform, actor: Actor, questionId: number, answer: string, ip: string | null = null): Promise<QuestionRow> {
  const user = requireReporter(actor);
  const a = text('answer', answer, { vi: 'câu trả lời', en: 'the answer' });
  const db = readinessDb(platform.database.db);
  return db.transaction().execute(async (trx) => {
    const q = Number.isSafeInteger(questionId) && questionId > 0 ? await readinessRepo.findQuestion(trx, questionId) : undefined;
    if (!q) throw ReadinessErrors.FORM_NOT_FOUND();
    const { form, cycle } = await formForUser(trx, actor, q.form_id, true);
    if (form.agency_id !== user.agencyId) throw ReadinessErrors.FORM_NOT_FOUND();
    notPublished(cycle);
    if (form.state !== 'returned' || q.answer !== null) throw ReadinessErrors.WRONG_STATE();
    const row = await readinessRepo.answerQuestion(trx, q.id, a, user.id);
    await audit(trx, { actor: user, action: 'readiness.question_answered', entity: 'readiness_form', entityId: form.id, agencyId: form.agency_id, ip, data: { question: q.id } });
    return row;
  });
}

/**
 * The council gives an indicator of a reviewed form other points than computed, within [0, max], with a reason; the
 * latest adjustment counts. The points before (computed, or the previous adjustment) are kept with it.
 */
export async function adjust(platform: Platform, actor: Actor, formId: number, a: { code: string; points: number; reason: string }, ip: string | null = null): Promise<AdjustmentRow> {
  const user = requireCouncil(actor);
  const reason = text('reason', a.reason, { vi: 'lý do điều chỉnh', en: 'the reason for the adjustment' });
  return readinessDb(platform.database.db).transaction().execute(async (trx) => {
    const { form } = await formForUser(trx, actor, formId, true);
    const cycle = await cycleOf(trx, form.cycle_id, true);
    notPublished(cycle);
    if (form.state !== 'reviewed' && form.state !== 'adjusted') throw ReadinessErrors.WRONG_STATE();
    const indicator = (await setOf(trx, cycle)).indicators.get(a.code);
    if (!indicator) {
      throw ReadinessErrors.INVALID({ fields: [{ field: 'code', message: { vi: `Không có chỉ số được chấm điểm mã “${a.code}”.`, en: `There is no scored indicator “${a.code}”.` } }] });
    }
    const max = indicator.max;
    if (typeof a.points !== 'number' || !Number.isFinite(a.points) || a.points < 0 || a.points > max) {
      throw ReadinessErrors.SCORE_OUT_OF_RANGE({
        fields: [{ field: 'points', message: { vi: `${a.code}: điểm phải từ 0 đến ${max}.`, en: `${a.code}: the points must be from 0 to ${max}.` } }],
        details: { max },
      });
    }
    const { scores } = await provisionalScores(trx, cycle);
    const before = scores.find((s) => s.unit === String(form.id))?.indicators.find((s) => s.code === a.code)?.points ?? 0;
    const row = await readinessRepo.addAdjustment(trx, { form_id: form.id, code: a.code, points_before: before, points_after: a.points, reason, adjusted_by: user.id });
    await readinessRepo.updateForm(trx, form.id, { state: 'adjusted' });
    await audit(trx, { actor: user, action: 'readiness.adjusted', entity: 'readiness_form', entityId: form.id, agencyId: form.agency_id, ip, data: { code: a.code, before, after: a.points, reason } });
    return row;
  });
}
