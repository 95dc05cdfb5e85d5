// Certificates (Joint Circular 17/2016): issued only when the rules hold (modules.ts, certificateVerdict), refused with
// the missing modules named otherwise; revoked with a reason; verified by the public from the code alone.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import { requireManager } from './access.ts';
import { newCertificateCode, normaliseCode } from './code.ts';
import { TrainingErrors } from './errors.ts';
import { firstIssueDate, passedModules } from './exams.ts';
import { Fields } from './input.ts';
import { m } from './messages.ts';
import { certificateVerdict, type Level } from './modules.ts';
import { asPlatformDb, type CertificateRow, trainingDb, trainingRepo } from './repo.ts';

export type CertificateView = CertificateRow & { full_name: string; agency_id: number };

export async function issueCertificate(platform: Platform, actor: Actor, raw: Record<string, unknown>): Promise<CertificateView> {
  const user = requireManager(actor);
  const db = trainingDb(platform.database.db);
  const f = new Fields();
  const traineeId = f.int('traineeId', raw.traineeId, m.traineeId, 1, 999_999_999_999);
  const kind = raw.kind === 'basic' || raw.kind === 'advanced' ? (raw.kind as Level) : null;
  if (!kind) f.add('kind', { vi: `${m.kind.vi}: chọn cơ bản hoặc nâng cao.`, en: `${m.kind.en}: choose basic or advanced.` });
  const issuedOn = f.date('issuedOn', raw.issuedOn, m.issuedOn);
  if (!f.ok || !kind) throw TrainingErrors.INVALID({ fields: f.errors });
  return db.transaction().execute(async (trx) => {
    const trainee = await trainingRepo.findTrainee(trx, traineeId);
    if (!trainee) throw TrainingErrors.INVALID({ fields: [{ field: 'traineeId', message: TrainingErrors.TRAINEE_NOT_FOUND().text }] });
    // One issue at a time per trainee: the trainee's row is the lock.
    await trx.selectFrom('training_trainees').select('id').where('id', '=', trainee.id).forUpdate().execute();
    const held = await trainingRepo.validKindsOf(trx, trainee.id);
    if (held.has(kind)) throw TrainingErrors.ALREADY_CERTIFIED();
    const results = await trainingRepo.resultsOf(trx, [trainee.id]);
    const passed = passedModules(results, trainee.id);
    const verdict = certificateVerdict(kind, passed, held.has('basic'));
    if (!verdict.ok) {
      const fields: FieldError[] = [];
      if (verdict.needsBasic) fields.push({ field: 'kind', message: m.needsBasic });
      if (verdict.advancedShort) fields.push({ field: 'kind', message: { vi: m.advancedShort.vi.replace('{n}', String(verdict.advancedShort)), en: m.advancedShort.en.replace('{n}', String(verdict.advancedShort)) } });
      if (verdict.missing.length > 0) {
        const list = verdict.missing.join(', ');
        fields.push({ field: 'traineeId', message: { vi: m.missingModules.vi.replace('{list}', list), en: m.missingModules.en.replace('{list}', list) } });
      }
      throw TrainingErrors.RULES_NOT_MET({ fields, details: { missing: verdict.missing } });
    }
    // Dated on or after the sitting that met the rules, and not after today (Vietnam time).
    const earliest = firstIssueDate(kind, results, trainee.id);
    if (earliest !== undefined && issuedOn < earliest) throw TrainingErrors.INVALID({ fields: [{ field: 'issuedOn', message: { vi: `${m.issuedOn.vi}: không được trước ngày thi đạt đủ các mô đun (${earliest.split('-').reverse().join('/')}).`, en: `${m.issuedOn.en}: may not be before the exam that completed the modules (${earliest}).` } }] });
    if (issuedOn > vietnamDateOf(new Date())) throw TrainingErrors.INVALID({ fields: [{ field: 'issuedOn', message: { vi: `${m.issuedOn.vi}: không được sau ngày hôm nay.`, en: `${m.issuedOn.en}: may not be after today.` } }] });
    const code = newCertificateCode();
    const { id } = await trx.insertInto('training_certificates').values({ trainee_id: trainee.id, kind, issued_on: issuedOn, code, issued_by: user.id }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.certificate.issue', entity: 'training_certificate', entityId: id, agencyId: trainee.agency_id, data: { traineeId: trainee.id, kind, issuedOn } });
    return (await trainingRepo.findCertificate(trx, id))!;
  });
}

export async function revokeCertificate(platform: Platform, actor: Actor, id: number, rawReason: unknown): Promise<void> {
  const user = requireManager(actor);
  const f = new Fields();
  const reason = f.text('reason', rawReason, m.reason, { min: 1, max: 500 });
  if (!f.ok) throw TrainingErrors.INVALID({ fields: f.errors });
  await trainingDb(platform.database.db).transaction().execute(async (trx) => {
    const c = Number.isSafeInteger(id) && id > 0 ? await trx.selectFrom('training_certificates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
    if (!c) throw TrainingErrors.CERTIFICATE_NOT_FOUND();
    if (c.revoked) throw TrainingErrors.ALREADY_REVOKED();
    await trx.updateTable('training_certificates').set({ revoked: true, revoked_reason: reason, revoked_at: new Date() }).where('id', '=', c.id).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.certificate.revoke', entity: 'training_certificate', entityId: c.id, data: { reason } });
  });
}

export async function listCertificates(platform: Platform, actor: Actor): Promise<CertificateView[]> {
  requireManager(actor);
  return trainingRepo.listCertificates(trainingDb(platform.database.db));
}

export async function certificateById(platform: Platform, actor: Actor, id: number): Promise<CertificateView> {
  requireManager(actor);
  const c = Number.isSafeInteger(id) && id > 0 ? await trainingRepo.findCertificate(trainingDb(platform.database.db), id) : undefined;
  if (!c) throw TrainingErrors.CERTIFICATE_NOT_FOUND();
  return c;
}

/** The family name and the given name; every middle name masked ("Nguyễn *** An"). */
export function maskName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length <= 2) return words.join(' ');
  return `${words[0]} *** ${words[words.length - 1]}`;
}

export type Verification =
  | { state: 'bad-code' }
  | { state: 'unknown' }
  | { state: 'found'; kind: Level; holder: string; issuedOn: string; valid: boolean };

/** Public: never more than the kind, the masked name, the issue date and whether it is valid (not the reason). */
export async function verifyCertificate(platform: Platform, input: unknown): Promise<Verification> {
  const code = typeof input === 'string' ? normaliseCode(input) : null;
  if (!code) return { state: 'bad-code' };
  const c = await trainingRepo.findCertificateByCode(trainingDb(platform.database.db), code);
  if (!c) return { state: 'unknown' };
  return { state: 'found', kind: c.kind, holder: maskName(c.full_name), issuedOn: c.issued_on, valid: !c.revoked };
}
