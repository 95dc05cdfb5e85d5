// The yearly self-assessment cycle of a peer group (issue 14): the city's office opens it from a shipped indicator
// set with its guidance and deadline, sees who has not submitted and who was late, reopens a unit's form after the
// deadline (recorded, with the reason; the submission is then marked late), closes it to new forms, and publishes:
// every submitted form scored with scorePeerGroup, the council's adjustments in force, ranked, stored with its form.
// After publication every change is refused. Units' forms are in form.ts, the review in review.ts.
import type { Actor } from '../../platform/auth/access.ts';
import { isInputDate, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { listAgencies } from '../units/index.ts';
import { cycleOf, formForUser, notPublished, requireReviewer } from './access.ts';
import { ReadinessErrors } from './errors.ts';
import { AGENCY_KIND } from './form.ts';
import { audit, type CycleRow, type FormRow, type FormState, readinessDb, readinessRepo } from './repo.ts';
import { recordHistory } from './history.ts';
import { provisionalScores } from './results.ts';
import { latestVersion } from './sets-store.ts';

const MAX_GUIDANCE = 20000;

/** The office opens the cycle of a stored set (its latest version, kept by the cycle), with guidance and deadline. */
export async function openCycle(platform: Platform, actor: Actor, input: { setId: string; deadline: string; guidance?: string }, ip: string | null = null, now = new Date()): Promise<CycleRow> {
  const user = requireReviewer(actor);
  const { version, loaded } = await latestVersion(platform.database.db, input.setId);
  const deadline = input.deadline.trim();
  const guidance = (input.guidance ?? '').trim();
  const fields = [];
  if (!isInputDate(deadline)) fields.push({ field: 'deadline', message: { vi: 'Hạn nộp phải là một ngày hợp lệ (năm-tháng-ngày).', en: 'The deadline must be a valid date (year-month-day).' } });
  else if (deadline < vietnamDateOf(now)) fields.push({ field: 'deadline', message: { vi: 'Hạn nộp không được trước hôm nay.', en: 'The deadline cannot be before today.' } });
  if (guidance.length > MAX_GUIDANCE) fields.push({ field: 'guidance', message: { vi: `Hướng dẫn quá ${MAX_GUIDANCE} ký tự.`, en: `The guidance is over ${MAX_GUIDANCE} characters.` } });
  if (fields.length > 0) throw ReadinessErrors.INVALID({ fields });
  const { id, year, peerGroup } = loaded.set;
  const db = readinessDb(platform.database.db);
  try {
    return await db.transaction().execute(async (trx) => {
      if (await readinessRepo.cycleOfSet(trx, id, year, peerGroup)) throw ReadinessErrors.CYCLE_EXISTS();
      const cycle = await readinessRepo.insertCycle(trx, { set_id: id, set_version: version, year, peer_group: peerGroup, guidance, deadline, opened_by: user.id });
      await audit(trx, { actor: user, action: 'readiness.cycle_opened', entity: 'readiness_cycle', entityId: cycle.id, ip, data: { set: id, version, year, peerGroup, deadline } });
      return cycle;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw ReadinessErrors.CYCLE_EXISTS();
    throw err;
  }
}

/** The office closes the cycle to new forms and first submissions (returned forms may still be resubmitted). */
export async function closeCycle(platform: Platform, actor: Actor, cycleId: number, ip: string | null = null, now = new Date()): Promise<CycleRow> {
  const user = requireReviewer(actor);
  return readinessDb(platform.database.db).transaction().execute(async (trx) => {
    const cycle = await cycleOf(trx, cycleId, true);
    notPublished(cycle);
    if (cycle.state !== 'open') throw ReadinessErrors.CYCLE_CLOSED();
    const after = await readinessRepo.updateCycle(trx, cycle.id, { state: 'closed', closed_at: now });
    await audit(trx, { actor: user, action: 'readiness.cycle_closed', entity: 'readiness_cycle', entityId: cycle.id, ip });
    return after;
  });
}

/** The office reopens a unit's form that was not submitted by the deadline; the reason is recorded. */
export async function reopenForm(platform: Platform, actor: Actor, formId: number, reason: string, ip: string | null = null, now = new Date()): Promise<FormRow> {
  const user = requireReviewer(actor);
  const why = reason.trim();
  if (why === '' || why.length > 2000) {
    throw ReadinessErrors.INVALID({ fields: [{ field: 'reason', message: { vi: 'Vui lòng nêu lý do mở lại (tối đa 2000 ký tự).', en: 'Please give the reason for reopening (at most 2000 characters).' } }] });
  }
  return readinessDb(platform.database.db).transaction().execute(async (trx) => {
    const { form, cycle } = await formForUser(trx, actor, formId, true);
    notPublished(cycle);
    if (cycle.state !== 'open') throw ReadinessErrors.CYCLE_CLOSED();
    if (form.submitted_at !== null) throw ReadinessErrors.WRONG_STATE();
    const after = await readinessRepo.updateForm(trx, form.id, { reopened_by: user.id, reopened_at: now, reopen_reason: why });
    await audit(trx, { actor: user, action: 'readiness.form_reopened', entity: 'readiness_form', entityId: form.id, agencyId: form.agency_id, ip, data: { reason: why, deadline: cycle.deadline } });
    return after;
  });
}

export interface Outstanding {
  cycle: CycleRow;
  deadlinePassed: boolean;
  /** Units of the peer group that have not submitted: no form yet, a draft, or (reopened) still a draft. */
  notSubmitted: { agencyId: number; code: string; name: string; state: FormState | 'none'; formId: number | null; reopened: boolean }[];
  /** Units that submitted after the deadline (their form was reopened). */
  late: { agencyId: number; code: string; name: string; formId: number; submittedAt: Date | null; reopenReason: string | null }[];
}

/** For the office: who has not submitted and who was late. */
export async function outstanding(platform: Platform, actor: Actor, cycleId: number, now = new Date()): Promise<Outstanding> {
  requireReviewer(actor);
  const db = readinessDb(platform.database.db);
  const cycle = await cycleOf(db, cycleId);
  const agencies = await listAgencies(platform.database.db, { kind: AGENCY_KIND[cycle.peer_group] });
  const forms = new Map((await readinessRepo.formsOfCycle(db, cycle.id)).map((f) => [f.agency_id, f]));
  const notSubmitted: Outstanding['notSubmitted'] = [];
  const late: Outstanding['late'] = [];
  for (const a of agencies) {
    const f = forms.get(a.id);
    if (!f || f.submitted_at === null) notSubmitted.push({ agencyId: a.id, code: a.code, name: a.name, state: f?.state ?? 'none', formId: f?.id ?? null, reopened: !!f?.reopened_at });
    else if (f.late) late.push({ agencyId: a.id, code: a.code, name: a.name, formId: f.id, submittedAt: f.submitted_at, reopenReason: f.reopen_reason });
  }
  return { cycle, deadlinePassed: vietnamDateOf(now) > cycle.deadline, notSubmitted, late };
}

/** The office publishes: every submitted form scored and ranked, stored, and the cycle frozen. */
export async function publish(platform: Platform, actor: Actor, cycleId: number, ip: string | null = null, now = new Date()): Promise<CycleRow> {
  const user = requireReviewer(actor);
  return readinessDb(platform.database.db).transaction().execute(async (trx) => {
    const cycle = await cycleOf(trx, cycleId, true);
    notPublished(cycle);
    const { forms, scores } = await provisionalScores(trx, cycle);
    const byId = new Map(forms.map((f) => [String(f.id), f]));
    const published: FormRow[] = [];
    for (const s of scores) {
      const f = byId.get(s.unit)!;
      published.push(await readinessRepo.updateForm(trx, f.id, { state: 'published', score: s, total: s.total, rank: s.rank }));
    }
    // The year's rows of the readiness history (trends), in the same transaction.
    await recordHistory(trx, cycle, published);
    const after = await readinessRepo.updateCycle(trx, cycle.id, { state: 'published', published_at: now, published_by: user.id });
    await audit(trx, { actor: user, action: 'readiness.published', entity: 'readiness_cycle', entityId: cycle.id, ip, data: { forms: scores.length, ranks: scores.map((s) => ({ form: Number(s.unit), total: s.total, rank: s.rank })) } });
    return after;
  });
}
