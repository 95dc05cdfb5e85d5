// Exam results per trainee and module, entered as a grid for a class (trainee × module of the course, theory and
// practical). Joint Circular 17/2016: each part is marked out of 10; a module passes only when both reach 5. Every
// sitting is a row of its own: a second sitting adds a row and keeps the first. Good cells are saved, refused ones
// are named beside their cells.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { requireManager } from './access.ts';
import { classOf } from './courses.ts';
import { TrainingErrors } from './errors.ts';
import { Fields, parseScore } from './input.ts';
import { m } from './messages.ts';
import { ADVANCED_MODULES, ADVANCED_NEEDED, BASIC_MODULES, type Level, passes } from './modules.ts';
import { asPlatformDb, type ResultRow, trainingDb, trainingRepo } from './repo.ts';

export const cellName = (part: 'theory' | 'practical', traineeId: number, module: string): string => `${part === 'theory' ? 't' : 'p'}_${traineeId}_${module}`;

export interface GridOutcome {
  saved: number;
  errors: FieldError[];
  /** What was typed in every cell, to show the form again. */
  typed: Record<string, string>;
}

export async function recordResults(platform: Platform, actor: Actor, classId: number, raw: Record<string, unknown>): Promise<GridOutcome> {
  const user = requireManager(actor);
  const db = trainingDb(platform.database.db);
  const c = await classOf(db, classId);
  if (c.state === 'planned') throw TrainingErrors.WRONG_STATE();
  const course = (await trainingRepo.findCourse(db, c.course_id))!;
  const f = new Fields();
  const examDate = f.date('examDate', raw.examDate, m.examDate);
  const board = f.text('board', raw.board, m.board, { max: 200 });
  if (!f.ok) throw TrainingErrors.INVALID({ fields: f.errors });
  const trainees = await trainingRepo.classTrainees(db, c.id);
  const typed: Record<string, string> = {};
  const errors: FieldError[] = [];
  const rows: { trainee_id: number; class_id: number; module: string; theory: number; practical: number; exam_date: string; board: string; recorded_by: number }[] = [];
  for (const tr of trainees) {
    for (const mod of course.modules) {
      const names = [cellName('theory', tr.id, mod), cellName('practical', tr.id, mod)] as const;
      const values = names.map((n) => raw[n]);
      names.forEach((n, i) => (typed[n] = typeof values[i] === 'string' ? (values[i] as string).slice(0, 20) : ''));
      if (values.every((v) => v === undefined || v === '')) continue;
      const parsed = values.map((v) => (v === undefined || v === '' ? { ok: false as const, message: { vi: 'chưa nhập điểm phần này', en: 'this part has no score' } } : parseScore(v)));
      parsed.forEach((p, i) => {
        if (!p.ok) {
          const part = i === 0 ? m.theory : m.practical;
          errors.push({ field: names[i] as string, message: { vi: `${tr.full_name}, ${mod}, ${part.vi}: ${p.message.vi}.`, en: `${tr.full_name}, ${mod}, ${part.en}: ${p.message.en}.` } });
        }
      });
      const [th, pr] = parsed;
      if (th?.ok && pr?.ok) rows.push({ trainee_id: tr.id, class_id: c.id, module: mod, theory: th.value, practical: pr.value, exam_date: examDate, board, recorded_by: user.id });
    }
  }
  if (rows.length > 0) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('training_results').values(rows).execute();
      await recordAudit(asPlatformDb(trx), { actor: user, action: 'training.results', entity: 'training_class', entityId: c.id, data: { examDate, board, results: rows.map((r) => [r.trainee_id, r.module, r.theory, r.practical]) } });
    });
  }
  return { saved: rows.length, errors, typed };
}

/**
 * The first day a certificate of `kind` could be dated: the day of the sitting that met the rules (the last of the
 * basic modules' first passes; for advanced, the ADVANCED_NEEDED-th advanced module passed). A certificate attests
 * exams already passed, so it is never dated before them. Undefined when the rules are not met.
 */
export function firstIssueDate(kind: Level, results: readonly ResultRow[], traineeId: number): string | undefined {
  const firstPass = new Map<string, string>();
  for (const r of results) {
    if (r.trainee_id !== traineeId || !passes(r.theory, r.practical)) continue;
    const before = firstPass.get(r.module);
    if (before === undefined || r.exam_date < before) firstPass.set(r.module, r.exam_date);
  }
  const dates = (kind === 'basic' ? BASIC_MODULES : ADVANCED_MODULES).map((c) => firstPass.get(c)).filter((d): d is string => d !== undefined).sort();
  if (kind === 'basic') return dates.length === BASIC_MODULES.length ? dates.at(-1) : undefined;
  return dates[ADVANCED_NEEDED - 1];
}

/** The modules a trainee has passed in any sitting (optionally up to a date). */
export function passedModules(results: readonly ResultRow[], traineeId: number): Set<string> {
  return new Set(results.filter((r) => r.trainee_id === traineeId && passes(r.theory, r.practical)).map((r) => r.module));
}
