// Enrolling trainees in a class: one by one, or by a CSV file. A file with any bad line enrols nobody (all or nothing:
// the office fixes the file and uploads it again, and never has to find out which half went in); every bad line is
// named with its number and its reason, in Vietnamese and English.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { parseCsv } from '../../platform/text/index.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { findAgencyByCode } from '../units/index.ts';
import { requireManager } from './access.ts';
import { classOf } from './courses.ts';
import { TrainingErrors } from './errors.ts';
import { Fields } from './input.ts';
import { m } from './messages.ts';
import { asPlatformDb, type ClassRow, type TrainingDb, trainingDb, trainingRepo } from './repo.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';

export interface TraineeInput {
  fullName: string;
  birthDate: string;
  agencyId: number;
  position: string;
}
export interface LineError {
  line: number;
  message: Text;
}
export const MAX_CSV_LINES = 500;

async function traineeInput(db: TrainingDb, raw: Record<string, unknown>): Promise<{ value: TraineeInput | null; errors: FieldError[] }> {
  const f = new Fields();
  const fullName = f.text('fullName', raw.fullName, m.fullName, { min: 2, max: 120 });
  const birthDate = f.date('birthDate', raw.birthDate, m.birthDate);
  if (birthDate && (birthDate < '1940-01-01' || birthDate > '2010-12-31')) f.add('birthDate', { vi: `${m.birthDate.vi}: ngoài khoảng hợp lý (1940–2010).`, en: `${m.birthDate.en}: outside a plausible range (1940–2010).` });
  const code = f.text('agencyCode', raw.agencyCode, m.agency, { min: 1, max: 40 });
  const agency = code ? await findAgencyByCode(asPlatformDb(db), code) : undefined;
  if (code && !agency) f.add('agencyCode', { vi: `${m.agency.vi}: không có cơ quan mã "${code}".`, en: `${m.agency.en}: no agency has the code "${code}".` });
  const position = f.text('position', raw.position, m.position, { max: 150 });
  return { value: f.ok && agency ? { fullName, birthDate, agencyId: agency.id, position } : null, errors: f.errors };
}

async function enrolIn(trx: TrainingDb, user: SessionUser, c: ClassRow, people: TraineeInput[]): Promise<number[]> {
  if (c.state === 'finished') throw TrainingErrors.WRONG_STATE();
  const ids: number[] = [];
  for (const p of people) {
    const found = await trainingRepo.findTraineeByPerson(trx, p.agencyId, p.fullName, p.birthDate);
    const id = found?.id ?? (await trx.insertInto('training_trainees').values({ full_name: p.fullName, birth_date: p.birthDate, agency_id: p.agencyId, position: p.position }).returning('id').executeTakeFirstOrThrow()).id;
    ids.push(id);
  }
  const existing = new Set((await trx.selectFrom('training_enrolments').select('trainee_id').where('class_id', '=', c.id).execute()).map((r) => r.trainee_id));
  if (ids.some((id) => existing.has(id))) throw TrainingErrors.ALREADY_ENROLLED();
  if (existing.size + ids.length > c.capacity) throw TrainingErrors.CLASS_FULL();
  await trx.insertInto('training_enrolments').values(ids.map((trainee_id) => ({ class_id: c.id, trainee_id }))).execute();
  await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.enrol', entity: 'training_class', entityId: c.id, data: { trainees: ids } });
  return ids;
}

export async function enrolOne(platform: Platform, actor: Actor, classId: number, raw: Record<string, unknown>): Promise<number> {
  const user = requireManager(actor);
  const db = trainingDb(platform.database.db);
  await classOf(db, classId);
  const { value, errors } = await traineeInput(db, raw);
  if (!value) throw TrainingErrors.INVALID({ fields: errors });
  return db.transaction().execute(async (trx) => (await enrolIn(trx, user, await classOf(trx, classId, true), [value]))[0]!);
}

export type ImportResult = { ok: true; enrolled: number } | { ok: false; errors: LineError[] };

export async function importCsv(platform: Platform, actor: Actor, classId: number, text: string): Promise<ImportResult> {
  const user = requireManager(actor);
  const db = trainingDb(platform.database.db);
  const c = await classOf(db, classId);
  const errors: LineError[] = [];
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text)) return { ok: false, errors: [{ line: 0, message: { vi: 'Tệp không phải văn bản CSV (có ký tự NUL).', en: 'The file is not CSV text (it holds NUL characters).' } }] };
  // A name or a position may hold a comma or even a line break inside quotes: the platform's RFC 4180 reader.
  const lines = parseCsv(text.normalize('NFC')).slice(1).map((r) => ({ line: r.line, fields: r.fields.map((f) => f.trim()) }));
  if (lines.length === 0) return { ok: false, errors: [{ line: 0, message: { vi: 'Tệp không có dòng học viên nào.', en: 'The file has no trainee lines.' } }] };
  if (lines.length > MAX_CSV_LINES) return { ok: false, errors: [{ line: 0, message: { vi: `Tệp có quá ${MAX_CSV_LINES} dòng.`, en: `The file has more than ${MAX_CSV_LINES} lines.` } }] };
  const people: TraineeInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of lines) {
    if (fields.length !== 4) {
      errors.push({ line, message: { vi: `cần 4 cột, có ${fields.length}.`, en: `4 columns are needed, found ${fields.length}.` } });
      continue;
    }
    const [fullName, birthDate, agencyCode, position] = fields;
    const { value, errors: fe } = await traineeInput(db, { fullName, birthDate, agencyCode, position });
    for (const e of fe) errors.push({ line, message: e.message });
    if (!value) continue;
    const key = `${value.agencyId}|${value.fullName}|${value.birthDate}`;
    if (seen.has(key)) errors.push({ line, message: { vi: `trùng với dòng ${seen.get(key)}.`, en: `the same person as line ${seen.get(key)}.` } });
    else seen.set(key, line);
    people.push(value);
  }
  if (errors.length === 0 && c.state === 'finished') throw TrainingErrors.WRONG_STATE();
  if (errors.length > 0) return { ok: false, errors };
  const ids = await db.transaction().execute(async (trx) => enrolIn(trx, user, await classOf(trx, classId, true), people));
  return { ok: true, enrolled: ids.length };
}

/** Attendance and completion of the class's trainees (the ids listed are true, the others false). */
export async function recordCompletion(platform: Platform, actor: Actor, classId: number, attended: readonly number[], completed: readonly number[]): Promise<void> {
  const user = requireManager(actor);
  await trainingDb(platform.database.db).transaction().execute(async (trx) => {
    const c = await classOf(trx, classId, true);
    if (c.state === 'planned') throw TrainingErrors.WRONG_STATE();
    const att = new Set(attended);
    const done = new Set(completed);
    const rows = await trx.selectFrom('training_enrolments').select(['id', 'trainee_id']).where('class_id', '=', c.id).execute();
    for (const r of rows) {
      await trx.updateTable('training_enrolments').set({ attended: att.has(r.trainee_id) || done.has(r.trainee_id), completed: done.has(r.trainee_id) }).where('id', '=', r.id).execute();
    }
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.completion', entity: 'training_class', entityId: c.id, data: { attended: [...att], completed: [...done] } });
  });
}
