// Submitting a dossier online (DOMAIN §4, ARCHITECTURE "Data flow of the main job"): access check, procedure with an
// online channel, receiving agency, e-form, applicant and attachments checked (every problem at once); then ONE
// transaction: the dossier row (no code yet), its files, the timeline event, the payment to make, the draft dropped,
// the "dossier.notify-receipt" job; then, last, the day's number of the agency and the code in one statement, and
// what needs the code: the audit row and the receipt e-mail (outbox). The number's row lock, which serialises the
// agency's submissions, is so held for three statements and the COMMIT only. Any error rolls all of it back, the
// number included, so codes stay gap-free.
import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { procedureExtension } from './extensions.ts';
import { type Actor, requireStaff, requireUser } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { findAgencyById } from '../units/index.ts';
import { findVerifiedContacts, intakeAgencyIds, requireVerifiedContact } from '../accounts/index.ts';
import { countAudit, recordAudit } from '../../platform/audit/index.ts';
import { getSetting } from '../../platform/db/settings.ts';
import { HttpErrors, type FieldError } from '../../platform/http/errors.ts';
import { findProcedureForDossier, feeSettledAtCounter, feeTotal, notOnlineError, type DossierProcedure } from './catalogue.ts';
import { receivingAgencies, defaultAgency } from './agency.ts';
import { applicantFrom, type ApplicantDefaults } from './applicant.ts';
import { checkAttachments, type AcceptedFile, type IncomingFile } from './attachments.ts';
import { codePrefix, receiptDay } from './code.ts';
import { deadlineFor } from './deadline.ts';
import { loadAddressUnits, validateEform } from '../eforms/index.ts';
import { applicantDefaults } from './profile.ts';
import { DossierErrors } from './errors.ts';
import { invalid as m } from './messages.ts';
import { receiptEmail } from './notify.ts';
import { dossierRepo } from './repo.ts';
import { AGENCY_FIELD, type Applicant, type Dossier } from './schema.ts';
import { attachmentLimits, stageFiles } from './storage.ts';
import { dossierDb } from './tables.ts';

export const NOTIFY_RECEIPT_JOB = 'dossier.notify-receipt';

export interface SubmitInput {
  procedureCode: string;
  /** 13-character identifier of the receiving agency; the city's service centre when absent. */
  agencyCode?: string | undefined;
  /** The e-form's answers: the flat fields of a form post (`applicant.fullName`) or a nested JSON object. */
  form: Record<string, unknown>;
  files: IncomingFile[];
  /** Who applies, for an e-form that does not ask (the API); the form's answers come first, then this, then the account. */
  applicant?: Partial<ApplicantDefaults> | undefined;
  /** The `Idempotency-Key` header (API) or the form's one-time token (page). */
  idempotencyKey?: string | undefined;
}

export interface SubmitContext {
  via: 'web' | 'api';
  /**
   * 'counter': a one-stop officer records a walk-in dossier on the applicant's behalf (issue 4 "Counter intake"):
   * received by the officer's own agency, in the same code series, with the scanned papers; the applicant's details
   * come from the form only, never from the officer's account; procedures without an online channel are accepted.
   */
  channel?: 'online' | 'counter';
  ip?: string | null;
  /** The moment of receipt (tests); now by default. */
  now?: Date;
}

export interface SubmitResult {
  dossier: Dossier;
  /** True when the key had already been used: this is the first submission's dossier. */
  replayed: boolean;
}

const NO_DEFAULTS: ApplicantDefaults = { fullName: '', personalId: '', phone: '', email: '' };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** Keys are per submitter, so one client's key can never return another's dossier. */
const scopedKey = (user: SessionUser, key: string): string => `a${user.id}:${key}`;

class AlreadySubmitted extends Error {}

/** Without a workflow_ref on the procedure's version, a dossier follows the standard one-stop workflow (data/workflows). */
const DEFAULT_WORKFLOW = 'standard';

/** The agency's numbers of the day are used up: 9999 is the last the code's four digits hold (check constraint). */
function sequenceExhausted(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23514' && (e.constraint === undefined || e.constraint === 'dossier_sequences_last_check');
}

/** Citizens submit for themselves on the portal or through the API; staff on another's behalf through the API only. */
function checkAccess(actor: Actor, ctx: SubmitContext): SessionUser {
  if (ctx.channel === 'counter') return requireStaff(actor, Role.oneStopOfficer);
  const user = requireUser(actor);
  if (user.kind !== 'citizen' && ctx.via !== 'api') throw HttpErrors.FORBIDDEN();
  return user;
}

/**
 * Submitting in another person's name (issue 10, Decree 13/2023/NĐ-CP Art. 3: personal data processed only by those
 * entitled to): a staff account needs the role "intake" for the receiving agency (its own and those listed for it,
 * accounts' intakeAgencyIds); a one-stop officer is the intake desk of their own agency, at the counter or through
 * the API. Anyone else, an administrator or an editor included, is refused.
 */
async function checkOnBehalf(platform: Platform, user: SessionUser, agencyId: number): Promise<void> {
  if (user.kind === 'citizen') return;
  if (user.roles.includes(Role.oneStopOfficer) && user.agencyId === agencyId) return;
  if ((await intakeAgencyIds(platform.database.db, user)).includes(agencyId)) return;
  throw DossierErrors.NOT_ON_BEHALF({ details: { agency_id: agencyId } });
}

/** Submissions an account may make in an hour, online or through the API (setting `dossiers.submissions_per_hour`). */
export const SUBMISSIONS_PER_HOUR = 20;
const SUBMIT_ACTIONS = ['dossiers.submit'] as const;

/**
 * Per-account rate limit of submissions (issue 10): a script holding one account cannot flood the agencies' registers.
 * The counter desk is not limited: what it records is people at the desk. Idempotent replays are not submissions.
 */
async function checkRate(platform: Platform, user: SessionUser, now: Date): Promise<void> {
  const configured = await getSetting<number>(platform.database.db, 'dossiers.submissions_per_hour');
  const limit = typeof configured === 'number' && Number.isSafeInteger(configured) && configured > 0 ? configured : SUBMISSIONS_PER_HOUR;
  const n = await countAudit(platform.database.db, { actorId: user.id, actions: SUBMIT_ACTIONS, since: new Date(now.getTime() - 3_600_000) });
  if (n >= limit) {
    throw DossierErrors.TOO_MANY_SUBMISSIONS({
      vi: `Tài khoản đã nộp ${limit} hồ sơ trong một giờ qua, mức tối đa cho phép. Vui lòng nộp tiếp sau ít phút.`,
      en: `This account has submitted ${limit} dossiers in the past hour, the most allowed. Please submit again in a few minutes.`,
      details: { per_hour: limit },
    });
  }
}

export async function submitDossier(platform: Platform, actor: Actor, input: SubmitInput, ctx: SubmitContext): Promise<SubmitResult> {
  const user = checkAccess(actor, ctx);
  await requireVerifiedContact(platform.database.db, user); // issue 9: a citizen submits with a proven phone or e-mail
  const counter = ctx.channel === 'counter';
  const db = platform.database.db;
  const ddb = dossierDb(db);

  let key: string | null = null;
  if (input.idempotencyKey !== undefined && input.idempotencyKey !== '') {
    if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) throw DossierErrors.INVALID_DOSSIER({ fields: [{ field: 'idempotency_key', message: m.idempotencyKey }] });
    key = scopedKey(user, input.idempotencyKey);
    const earlier = await dossierRepo.findByIdempotencyKey(ddb, key);
    if (earlier) return { dossier: earlier, replayed: true };
  }

  const received = ctx.now ?? new Date();
  // The wall clock, not the moment of receipt (which tests and imports may set): the audit rows carry the wall clock.
  if (!counter) await checkRate(platform, user, new Date());
  const procedure = await findProcedureForDossier(db, input.procedureCode, receiptDay(received));
  if (!procedure) throw DossierErrors.PROCEDURE_NOT_FOUND({ details: { code: input.procedureCode } });
  // Online only where the catalogue's rule allows (channel and a countable time limit); the counter takes any
  // procedure, its officer setting the days where the procedure states none.
  const refused = counter ? undefined : notOnlineError(procedure);
  if (refused) throw refused;

  const checked = await checkSubmission(platform, user, procedure, counter ? { ...input, agencyCode: await ownAgencyCode(platform, user) } : input, ctx.now, counter);
  if (checked.errors.length > 0) throw DossierErrors.INVALID_DOSSIER({ fields: checked.errors });
  const { agency, applicant, formData, files } = checked;
  await checkOnBehalf(platform, user, agency.id);

  // Files go to the store before the transaction: content-addressed, so a row never points at nothing and the
  // transaction stays short; if it does not commit, the files it added are deleted (stageFiles, sweepOrphanFiles).
  const staged = await stageFiles(platform, files);

  const deadline = await deadlineFor(platform, procedure, received);
  const channel = counter ? 'counter' : 'online';
  // The fee rules of the version in force, for the day of receipt and this channel (procedures' feeFor).
  const fee = feeTotal(procedure, channel);
  const applicantAccountId = user.kind === 'citizen' ? user.id : null;

  try {
    const dossier = await db.transaction().execute(async (trx) => {
      const tdb = dossierDb(trx);
      // Everything that does not need the code first, the code last: taking the agency's number locks its sequence
      // row until COMMIT, and every submission to that agency that day waits for that lock (migrations/0009).
      const id = await dossierRepo.insert(tdb, {
        agencyId: agency.id,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        channel,
        applicantAccountId,
        applicant,
        formData,
        receivedAt: received,
        dueAt: deadline?.dueAt ?? null,
        dueDate: deadline?.dueDate ?? null,
        deadline: deadline ? { explanation: deadline.explanation, provisional: deadline.provisional, amount: deadline.amount, unit: deadline.unit } : null,
        feeTotalDong: fee,
        paymentStatus: fee > 0 ? 'unpaid' : 'none',
        idempotencyKey: key,
        workflowCode: procedure.workflowRef ?? DEFAULT_WORKFLOW,
        onlineLevel: procedure.onlineLevel,
        // The processing time is counted from receipt (DOMAIN §5); the back office restarts it after a supplement.
        clockStartedAt: received,
      });
      // The same key committed by a concurrent request: roll back and answer with that dossier.
      if (id === undefined) throw new AlreadySubmitted();
      await dossierRepo.addStoredFiles(tdb, files.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime })));
      await dossierRepo.addFiles(tdb, id, files, counter ? 'scan' : 'applicant');
      await dossierRepo.addEvent(tdb, id, {
        actorId: user.id,
        actor: user.displayName,
        kind: counter ? 'received_counter' : 'received',
        agencyId: counter ? agency.id : null,
        // The documents' names as the form listed them, so the receipt reads the same whatever the form becomes.
        note: { channel, via: ctx.via, documents: procedure.documents.map((d) => ({ key: d.key, name: d.name })) },
        at: received,
      });
      if (fee > 0) await dossierRepo.addPayment(tdb, id, { amountDong: fee, method: 'vietqr' });
      if (applicantAccountId !== null) await dossierRepo.deleteDraft(tdb, applicantAccountId, procedure.code);
      // The job needs no code (its handler sends the outbox), so it goes before the number is taken.
      // Jobs.send types its executor as Kysely<unknown>; a transaction of any schema is one.
      await platform.jobs.send(NOTIFY_RECEIPT_JOB, { dossierId: id }, trx as unknown as Kysely<unknown>);
      // Circular 01/2018 Art. 19: the day's next number of the receiving agency; a rollback gives it back (no gaps).
      const d = await dossierRepo.assignCode(tdb, id, agency.id, receiptDay(received), codePrefix(agency.code, received)).catch((err: unknown) => {
        throw sequenceExhausted(err) ? DossierErrors.SEQUENCE_EXHAUSTED() : err;
      });
      // Only what needs the code from here to COMMIT.
      await recordAudit(trx, {
        actor: user,
        action: counter ? 'dossiers.intake' : 'dossiers.submit',
        entity: 'dossier',
        entityId: d.code,
        agencyId: agency.id,
        ip: ctx.ip ?? null,
        data: { procedure: procedure.code, version: procedure.version, via: ctx.via, files: files.length, fee_total_dong: fee },
      });
      const mail = receiptEmail(platform, { code: d.code, procedure, agency, applicant, received, deadline, fee, feeAtCounter: feeSettledAtCounter(procedure, channel) });
      if (mail) await platform.mailer.enqueue(trx, mail);
      return d;
    });
    return { dossier, replayed: false };
  } catch (err) {
    // Nothing committed: the files this submission added to the store go again (storage.ts).
    await staged.discard();
    if (err instanceof AlreadySubmitted && key) {
      const first = await dossierRepo.findByIdempotencyKey(ddb, key);
      if (first) return { dossier: first, replayed: true };
    }
    throw err;
  }
}

/**
 * Every check of a submission without saving anything (the check-your-answers page, issue 9): the problems, or the
 * answers as they will be stored and the applicant they name.
 */
export async function checkDossier(
  platform: Platform,
  actor: Actor,
  input: SubmitInput,
  ctx: Pick<SubmitContext, 'now'> = {},
): Promise<{ errors: FieldError[]; formData: Record<string, unknown>; applicant: Applicant; procedure: DossierProcedure }> {
  const user = checkAccess(actor, { via: 'web' });
  const received = ctx.now ?? new Date();
  const procedure = await findProcedureForDossier(platform.database.db, input.procedureCode, receiptDay(received));
  if (!procedure) throw DossierErrors.PROCEDURE_NOT_FOUND({ details: { code: input.procedureCode } });
  const refused = notOnlineError(procedure);
  if (refused) throw refused;
  const checked = await checkSubmission(platform, user, procedure, input, ctx.now);
  return { errors: checked.errors, formData: checked.formData, applicant: checked.applicant, procedure };
}

interface CheckedSubmission {
  errors: FieldError[];
  agency: { id: number; code: string; name: string };
  applicant: Applicant;
  formData: Record<string, unknown>;
  files: AcceptedFile[];
}

/** Every check of the input, with all problems together (so the form shows them at once). */
/** The code of the officer's own agency: a counter receives for itself. */
async function ownAgencyCode(platform: Platform, user: SessionUser): Promise<string> {
  const a = user.agencyId !== null ? await findAgencyById(platform.database.db, user.agencyId) : undefined;
  return a?.code ?? '';
}

async function checkSubmission(platform: Platform, user: SessionUser, procedure: DossierProcedure, input: SubmitInput, now?: Date, counter = false): Promise<CheckedSubmission> {
  const db = platform.database.db;
  const errors: FieldError[] = [];
  const choices = await receivingAgencies(db, procedure);
  const chosen = input.agencyCode ? choices.find((a) => a.code === input.agencyCode) : defaultAgency(choices);
  if (!chosen) errors.push({ field: AGENCY_FIELD, message: m.agencyInvalid });
  const units = await loadAddressUnits(db);
  const answers = validateEform(procedure.form, input.form, { units, ...(now ? { now } : {}) });
  let formData: Record<string, unknown> = {};
  let applicant: Applicant = { name: '', personal_id: '', phone: null, email: null, address: '' };
  if (answers.ok) {
    formData = answers.value;
    const given = input.applicant ?? {};
    const defaults = (account: ApplicantDefaults): ApplicantDefaults => ({
      fullName: given.fullName || account.fullName,
      personalId: given.personalId || account.personalId,
      phone: given.phone || account.phone,
      email: given.email || account.email,
    });
    let who = applicantFrom(procedure.form, answers.value, units, defaults(NO_DEFAULTS));
    // The account only fills what the form and the request leave empty: when they give everything, it is not read.
    const a = who.applicant;
    if (!counter && !(a.name && a.personal_id && a.phone && a.email)) who = applicantFrom(procedure.form, answers.value, units, defaults(await applicantDefaults(db, user)));
    // A citizen's own dossier carries the contacts their account proved, never those of the form or the request: the
    // receipt and every notice go only where the applicant showed they read (issue 10; Decree 13/2023/NĐ-CP Art. 3,
    // accuracy of personal data). An officer or an integrator applying for someone gives that person's contacts.
    applicant = user.kind === 'citizen' && !counter ? { ...who.applicant, ...(await findVerifiedContacts(db, user.id)) } : who.applicant;
    errors.push(...who.errors);
    // The procedure's own module checks the answers against its records (extensions.ts), e.g. the licence registry.
    const ext = procedureExtension(procedure.code);
    if (ext?.check) {
      const extra = await ext.check(platform, user, formData, { counter, now: now ?? new Date() });
      errors.push(...extra.errors);
      formData = extra.formData;
    }
  } else errors.push(...answers.errors);
  const att = await checkAttachments(procedure.form, input.files, attachmentLimits(platform));
  errors.push(...att.errors);
  return { errors, agency: chosen ?? { id: 0, code: '', name: '' }, applicant, formData, files: att.accepted };
}
