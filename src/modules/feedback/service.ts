// The sender's side of citizen feedback: sending (checked form, captcha, photos, tracking code, mail), the lookup by
// code and contact, the rating, and the public list of published answers. Staff handling is in handling.ts.
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { verifyProof } from '../../platform/auth/pow.ts';
import { countFailure, throttleState } from '../../platform/auth/throttle.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { HOME_PROVINCE, listUnits, type UnitSummary } from '../units/index.ts';
import { type IncomingFile, recordStoredFiles, stageFiles } from '../dossiers/index.ts';
import { feedbackCode, normaliseCode } from './code.ts';
import { FeedbackErrors } from './errors.ts';
import { checkFeedback, normaliseEmail, normalisePhone } from './input.ts';
import { fieldErrors, mails } from './messages.ts';
import { checkPhotos } from './photos.ts';
import { type CaseRow, type EventRow, feedbackDb, feedbackRepo, type PhotoRow, type SubcategoryRow } from './repo.ts';
import type { Category, FeedbackInput } from './schema.ts';

export interface FormOptions {
  subcategories: SubcategoryRow[];
  units: UnitSummary[];
}

export async function formOptions(platform: Platform): Promise<FormOptions> {
  const db = platform.database.db;
  const [subcategories, units] = await Promise.all([feedbackRepo.subcategories(feedbackDb(db)), listUnits(db, { parent: HOME_PROVINCE })]);
  return { subcategories, units };
}

export interface SendContext {
  actor: Actor;
  ip: string | null;
  proof: { challenge?: string | undefined; number?: string | undefined };
}

const trackUrl = (platform: Platform): string => `${platform.config.baseUrl}/phan-anh-kien-nghi/tra-cuu`;

/** Sends feedback: every field error at once (form and photos), then the captcha, then one transaction. */
export async function sendFeedback(platform: Platform, ctx: SendContext, values: FeedbackInput, files: readonly IncomingFile[], now = new Date()): Promise<CaseRow> {
  const db = platform.database.db;
  const options = await formOptions(platform);
  const subs = new Map(options.subcategories.map((s) => [s.code, s.category]));
  const checked = checkFeedback(values, subs, new Set(options.units.map((u) => u.code)));
  const photos = await checkPhotos(files);
  const errors: FieldError[] = [...checked.errors, ...photos.errors];
  if (errors.length > 0 || !checked.ok) throw FeedbackErrors.INVALID_FEEDBACK({ fields: errors });
  // The proof is checked (and spent) only when the form is otherwise right: a typo does not cost a new wait.
  const proof = await verifyProof(db, ctx.proof.challenge, ctx.proof.number, now);
  if (proof !== 'ok') {
    await recordAudit(db, { actor: ctx.actor, action: 'feedback.proof_refused', entity: 'feedback', ip: ctx.ip, data: { reason: proof } });
    throw FeedbackErrors.PROOF_REQUIRED({ fields: [{ field: 'proof', message: fieldErrors.proof }] });
  }
  const c = checked.ok;
  const staged = await stageFiles(platform, photos.accepted);
  try {
    return await db.transaction().execute(async (trx) => {
      const fdb = feedbackDb(trx);
      const code = feedbackCode(await feedbackRepo.nextNumber(fdb), now);
      const row = await feedbackRepo.insert(fdb, {
        code,
        category: c.category,
        subcategory: c.subcategory,
        title: c.title,
        description: c.description,
        unit_code: c.unitCode,
        address: c.address,
        sender_name: c.senderName,
        sender_phone: c.phone,
        sender_email: c.email,
        account_id: ctx.actor?.kind === 'citizen' ? ctx.actor.id : null,
        created_at: now,
      });
      await recordStoredFiles(trx, photos.accepted.map((p) => ({ sha256: p.sha256, size: p.size, mime: p.mime })));
      await feedbackRepo.addPhotos(fdb, row.id, photos.accepted.map((p) => ({ mime: p.mime, size: p.size, sha256: p.sha256 })));
      await feedbackRepo.addEvent(fdb, row.id, 'received', now);
      await recordAudit(trx, { actor: ctx.actor, action: 'feedback.received', entity: 'feedback', entityId: code, ip: ctx.ip, data: { category: c.category, unit: c.unitCode, photos: photos.accepted.length } });
      if (c.email) await platform.mailer.enqueue(trx, { to: c.email, subject: mails.receivedSubject(code), text: mails.receivedText(code, trackUrl(platform)) });
      return row;
    });
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

const LOOKUP_FAILURES_FREE = 5;
const lookupKey = (ip: string | null): string => `feedback-lookup:${ip ?? 'unknown'}`;
/** Waits after failed lookups from one source: none for the first few, then growing to 15 minutes. */
const lookupDelay = (failures: number): number => (failures <= LOOKUP_FAILURES_FREE ? 0 : Math.min(10 * 2 ** (failures - LOOKUP_FAILURES_FREE - 1), 900));

/** Whether `contact` (a phone number in any spelling, or an e-mail address) is the sender's. */
function isSender(row: CaseRow, contact: string): boolean {
  const phone = normalisePhone(contact);
  const email = normaliseEmail(contact);
  return (phone !== null && phone === row.sender_phone) || (email !== null && email === row.sender_email);
}

/** The case of a code, only for its sender (code + phone or e-mail); failures are counted per source. */
export async function findForSender(platform: Platform, ip: string | null, rawCode: string, contact: string): Promise<CaseRow> {
  const db = platform.database.db;
  const key = lookupKey(ip);
  if ((await throttleState(db, key)).retryAfter > 0) throw FeedbackErrors.LOOKUP_THROTTLED();
  const code = normaliseCode(rawCode);
  const row = code ? await feedbackRepo.findByCode(feedbackDb(db), code) : undefined;
  if (!row || !isSender(row, contact)) {
    await countFailure(db, key, lookupDelay);
    throw FeedbackErrors.NOT_FOUND();
  }
  return row;
}

export interface SenderView {
  row: CaseRow;
  events: EventRow[];
  photos: PhotoRow[];
}

export async function lookupFeedback(platform: Platform, ip: string | null, code: string, contact: string): Promise<SenderView> {
  const row = await findForSender(platform, ip, code, contact);
  const fdb = feedbackDb(platform.database.db);
  const [events, photos] = await Promise.all([feedbackRepo.events(fdb, row.id), feedbackRepo.photos(fdb, row.id)]);
  return { row, events, photos };
}

export const canRate = (row: CaseRow): boolean => (row.status === 'answered' || row.status === 'published') && row.rating === null;

/** The sender rates the answer (1–5, with a comment): the case is closed. */
export async function rateFeedback(platform: Platform, ip: string | null, code: string, contact: string, rating: number, comment: string, now = new Date()): Promise<CaseRow> {
  const found = await findForSender(platform, ip, code, contact);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw FeedbackErrors.INVALID_ACTION({ fields: [{ field: 'rating', message: fieldErrors.rating }] });
  return platform.database.db.transaction().execute(async (trx) => {
    const fdb = feedbackDb(trx);
    const row = await feedbackRepo.lockByCode(fdb, found.code);
    if (!row || !canRate(row)) throw FeedbackErrors.WRONG_STATE();
    const updated = await feedbackRepo.update(fdb, row.id, { rating, rating_comment: comment.slice(0, 1000) || null, rated_at: now, status: 'closed' });
    await feedbackRepo.addEvent(fdb, row.id, 'closed', now);
    await recordAudit(trx, { actor: null, action: 'feedback.rated', entity: 'feedback', entityId: row.code, agencyId: row.agency_id, ip, data: { rating } });
    return updated;
  });
}

export const PAGE_SIZE = 10;

export async function publishedFeedback(platform: Platform, filter: { category?: Category | undefined; unitCode?: string | undefined; page: number }): Promise<{ rows: CaseRow[]; total: number; page: number; pages: number }> {
  const page = Math.max(1, Math.min(filter.page, 10_000));
  const { rows, total } = await feedbackRepo.published(feedbackDb(platform.database.db), { category: filter.category, unitCode: filter.unitCode, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
