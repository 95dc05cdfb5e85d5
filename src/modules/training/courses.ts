// Courses (which modules, how many hours) and their classes (dates, place, capacity, trainer; planned → running →
// finished). Only the training office.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireManager } from './access.ts';
import { TrainingErrors } from './errors.ts';
import { Fields } from './input.ts';
import { m } from './messages.ts';
import { ADVANCED_MODULES, BASIC_MODULES, type Level } from './modules.ts';
import { asPlatformDb, type ClassRow, type ClassState, type CourseRow, trainingDb, trainingRepo } from './repo.ts';

type Raw = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export async function createCourse(platform: Platform, actor: Actor, raw: Raw): Promise<CourseRow> {
  const user = requireManager(actor);
  const f = new Fields();
  const name = f.text('name', raw.name, m.name, { min: 2, max: 200 });
  const level = raw.level === 'basic' || raw.level === 'advanced' ? (raw.level as Level) : null;
  if (!level) f.add('level', { vi: `${m.level.vi}: chọn cơ bản hoặc nâng cao.`, en: `${m.level.en}: choose basic or advanced.` });
  const allowed = level === 'advanced' ? ADVANCED_MODULES : BASIC_MODULES;
  const modules = list(raw.modules);
  if (modules.length === 0 || modules.some((c) => typeof c !== 'string' || !allowed.includes(c))) {
    f.add('modules', { vi: `${m.modules.vi}: chọn ít nhất một mô đun của trình độ đã chọn.`, en: `${m.modules.en}: choose at least one module of the chosen level.` });
  }
  const hours = f.int('hours', raw.hours, m.hours, 1, 1000);
  if (!f.ok || !level) throw TrainingErrors.INVALID({ fields: f.errors });
  const codes = allowed.filter((c) => modules.includes(c));
  return trainingDb(platform.database.db).transaction().execute(async (trx) => {
    const row = await trx.insertInto('training_courses').values({ name, level, modules: codes, hours, created_by: user.id }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.course.create', entity: 'training_course', entityId: row.id, data: { name, level, modules: codes, hours } });
    return row;
  });
}

export async function createClass(platform: Platform, actor: Actor, raw: Raw): Promise<ClassRow> {
  const user = requireManager(actor);
  const db = trainingDb(platform.database.db);
  const f = new Fields();
  const courseId = /^\d{1,12}$/.test(String(typeof raw.courseId === 'string' ? raw.courseId : '')) ? Number(raw.courseId) : 0;
  const course = courseId > 0 ? await trainingRepo.findCourse(db, courseId) : undefined;
  if (!course) f.add('courseId', { vi: `${m.course.vi}: chọn một khóa.`, en: `${m.course.en}: choose a course.` });
  const name = f.text('name', raw.name, m.name, { min: 2, max: 200 });
  const startsOn = f.date('startsOn', raw.startsOn, m.startsOn);
  const endsOn = f.date('endsOn', raw.endsOn, m.endsOn);
  if (startsOn && endsOn && endsOn < startsOn) f.add('endsOn', { vi: `${m.endsOn.vi}: không được trước ngày bắt đầu.`, en: `${m.endsOn.en}: cannot be before the start date.` });
  const place = f.text('place', raw.place, m.place, { max: 200 });
  const capacity = f.int('capacity', raw.capacity, m.capacity, 1, 500);
  const trainer = f.text('trainer', raw.trainer, m.trainer, { max: 200 });
  if (!f.ok || !course) throw TrainingErrors.INVALID({ fields: f.errors });
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('training_classes').values({ course_id: course.id, name, starts_on: startsOn, ends_on: endsOn, place, capacity, trainer }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.class.create', entity: 'training_class', entityId: id, data: { courseId: course.id, name, startsOn, endsOn } });
    return (await trainingRepo.findClass(trx, id))!;
  });
}

const NEXT: Record<ClassState, ClassState | null> = { planned: 'running', running: 'finished', finished: null };

/** planned → running → finished, one step at a time. */
export async function advanceClass(platform: Platform, actor: Actor, classId: number, to: string): Promise<void> {
  const user = requireManager(actor);
  await trainingDb(platform.database.db).transaction().execute(async (trx) => {
    const c = await classOf(trx, classId, true);
    if (NEXT[c.state] === null || NEXT[c.state] !== to) throw TrainingErrors.WRONG_STATE();
    await trx.updateTable('training_classes').set({ state: to as ClassState }).where('id', '=', c.id).execute();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.class.state', entity: 'training_class', entityId: c.id, data: { from: c.state, to } });
  });
}

export async function classOf(db: Parameters<typeof trainingRepo.findClass>[0], id: number, lock = false): Promise<ClassRow> {
  const c = Number.isSafeInteger(id) && id > 0 ? await trainingRepo.findClass(db, id, lock) : undefined;
  if (!c) throw TrainingErrors.CLASS_NOT_FOUND();
  return c;
}
