// The staff's side of citizen feedback: the receiving office assigns a case to an agency (the due date counted in
// working days by the calendar) or rejects it; the agency answers; its leader publishes the answer. Each change is one
// transaction with its status event and audit row (and the sender's mail when answered). Access first (access.ts).
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getSetting } from '../../platform/db/index.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { computeDeadline, type Deadline } from '../calendar/index.ts';
import { SERVICE_CENTRE_CODE } from '../dossiers/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { canSeeCase, handlesCase, isReceivingOffice, mayPublish, requireFeedbackStaff } from './access.ts';
import { FeedbackErrors } from './errors.ts';
import { FIELDS, fieldErrors, mails } from './messages.ts';
import { type CasePatch, type CaseRow, feedbackDb, feedbackRepo } from './repo.ts';
import { ANSWER_DAYS_SETTING, DEFAULT_ANSWER_WORKING_DAYS, type FeedbackStatus } from './schema.ts';

export async function centreIdOf(platform: Platform): Promise<number | null> {
  return (await findAgencyByCode(platform.database.db, SERVICE_CENTRE_CODE))?.id ?? null;
}

/** Working days an agency has to answer: the city's setting, DEFAULT_ANSWER_WORKING_DAYS until one is made. */
export async function answerWorkingDays(platform: Platform): Promise<number> {
  const v = await getSetting<number>(platform.database.db, ANSWER_DAYS_SETTING);
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 90 ? v : DEFAULT_ANSWER_WORKING_DAYS;
}

/** The due date an assignment made at `at` would get (shown on the assignment form, stored when assigning). */
export async function answerDeadline(platform: Platform, at: Date): Promise<Deadline> {
  return computeDeadline(platform, { received: at, amount: await answerWorkingDays(platform), unit: 'working_days' });
}

/** A staff member's view of a case (403 for staff of another agency). */
export async function caseForStaff(platform: Platform, actor: Actor, code: string): Promise<{ user: SessionUser; row: CaseRow; office: boolean }> {
  const centreId = await centreIdOf(platform);
  const user = requireFeedbackStaff(actor, centreId);
  const row = await feedbackRepo.findByCode(feedbackDb(platform.database.db), code);
  if (!row) throw FeedbackErrors.NOT_FOUND();
  if (!canSeeCase(user, row, centreId)) throw HttpErrors.FORBIDDEN();
  return { user, row, office: isReceivingOffice(user, centreId) };
}

interface Change {
  from: readonly FeedbackStatus[];
  allowed: (user: SessionUser, row: CaseRow, office: boolean) => boolean;
  patch: (row: CaseRow) => CasePatch & { status: FeedbackStatus };
  action: string;
  /** The state refuses the action even though `from` holds it (e.g. published already). */
  refuse?: (row: CaseRow) => boolean;
  data?: Record<string, unknown>;
  after?: (platform: Platform, trx: Parameters<typeof feedbackDb>[0], row: CaseRow) => Promise<void>;
}

// Each action checks access (caseForStaff) before it reads or checks its input; change() checks it again, with the
// state, on the locked row.
async function change(platform: Platform, actor: Actor, code: string, ip: string | null, now: Date, c: Change): Promise<CaseRow> {
  const { user, office } = await caseForStaff(platform, actor, code);
  return platform.database.db.transaction().execute(async (trx) => {
    const fdb = feedbackDb(trx);
    const row = await feedbackRepo.lockByCode(fdb, code);
    if (!row) throw FeedbackErrors.NOT_FOUND();
    if (!c.allowed(user, row, office)) throw HttpErrors.FORBIDDEN();
    if (!c.from.includes(row.status) || c.refuse?.(row)) throw FeedbackErrors.WRONG_STATE();
    const patch = c.patch(row);
    const updated = await feedbackRepo.update(fdb, row.id, patch);
    await feedbackRepo.addEvent(fdb, row.id, c.action === 'feedback.published' ? 'published' : patch.status, now);
    await recordAudit(trx, { actor: user, action: c.action, entity: 'feedback', entityId: code, agencyId: updated.agency_id, ip, data: { from: row.status, to: patch.status, ...c.data } });
    await c.after?.(platform, trx, updated);
    return updated;
  });
}

const required = (field: 'reason' | 'answer', value: string, max: number): string => {
  const v = value.trim();
  const err = v === '' ? fieldErrors.missing(FIELDS[field]) : v.length > max ? fieldErrors.tooLong(FIELDS[field], max) : null;
  if (err) throw FeedbackErrors.INVALID_ACTION({ fields: [{ field, message: err }] });
  return v;
};

export async function assignFeedback(platform: Platform, actor: Actor, code: string, agencyCode: string, ip: string | null, now = new Date()): Promise<CaseRow> {
  await caseForStaff(platform, actor, code);
  const agency = agencyCode === '' ? undefined : await findAgencyByCode(platform.database.db, agencyCode);
  if (!agency?.active) throw FeedbackErrors.INVALID_ACTION({ fields: [{ field: 'agency', message: fieldErrors.agency }] });
  const due = await answerDeadline(platform, now);
  return change(platform, actor, code, ip, now, {
    from: ['received'],
    allowed: (_u, _r, office) => office,
    patch: () => ({ status: 'assigned', agency_id: agency.id, assigned_at: now, assigned_by: actor?.id ?? null, due_date: due.dueDate }),
    action: 'feedback.assigned',
    data: { agency: agency.code, due: due.dueDate },
  });
}

export async function rejectFeedback(platform: Platform, actor: Actor, code: string, reason: string, ip: string | null, now = new Date()): Promise<CaseRow> {
  await caseForStaff(platform, actor, code);
  const why = required('reason', reason, 1000);
  return change(platform, actor, code, ip, now, { from: ['received'], allowed: (_u, _r, office) => office, patch: () => ({ status: 'rejected', reject_reason: why }), action: 'feedback.rejected' });
}

export async function answerFeedback(platform: Platform, actor: Actor, code: string, answer: string, ip: string | null, now = new Date()): Promise<CaseRow> {
  await caseForStaff(platform, actor, code);
  const text = required('answer', answer, 5000);
  return change(platform, actor, code, ip, now, {
    from: ['assigned'],
    allowed: (u, r) => handlesCase(u, r),
    patch: () => ({ status: 'answered', answer: text, answered_at: now, answered_by: actor?.id ?? null }),
    action: 'feedback.answered',
    after: async (p, trx, row) => {
      if (row.sender_email) await p.mailer.enqueue(trx, { to: row.sender_email, subject: mails.answeredSubject(row.code), text: mails.answeredText(row.code, `${p.config.baseUrl}/phan-anh-kien-nghi/tra-cuu`) });
    },
  });
}

export async function publishAnswer(platform: Platform, actor: Actor, code: string, ip: string | null, now = new Date()): Promise<CaseRow> {
  return change(platform, actor, code, ip, now, {
    from: ['answered', 'closed'],
    allowed: (u, r) => mayPublish(u, r),
    // A closed case (rated before publishing) stays closed; only the flag changes.
    patch: (row) => ({ status: row.status === 'closed' ? 'closed' : 'published', published: true, published_at: now, published_by: actor?.id ?? null }),
    action: 'feedback.published',
    refuse: (row) => row.published,
  });
}
