// Demo data (demo seed only; plausible, invented): 4 courses, 10 classes in 2025–2026, 300 trainees of 40 units with
// their results (some fails, some second sittings) and about 120 certificates, two of them revoked. Idempotent (it
// does nothing once a course exists) and quick: a handful of bulk inserts.
import type { Platform } from '../../platform/http/context.ts';
import { listAgencies } from '../units/index.ts';
import { newCertificateCode } from './code.ts';
import { ADVANCED_MODULES, BASIC_MODULES, passes } from './modules.ts';
import { trainingDb, type TrainingDb } from './repo.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Thanh', 'Hồng', 'Đức', 'Ngọc', 'Hải'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Trang', 'Tuấn', 'Yến'];
const POSITIONS = ['Chuyên viên', 'Văn thư', 'Kế toán', 'Công chức Tư pháp - Hộ tịch', 'Công chức Văn phòng - Thống kê', 'Phó Trưởng phòng'];

/** A fixed pseudo-random sequence, so that the demo is the same on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function chunks<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface ClassPlan {
  course: number;
  name: string;
  starts: string;
  ends: string;
  state: 'planned' | 'running' | 'finished';
  exam: string | null;
}

export async function seedDemoTraining(platform: Platform): Promise<void> {
  const db: TrainingDb = trainingDb(platform.database.db);
  if (await db.selectFrom('training_courses').select('id').limit(1).executeTakeFirst()) return;
  const agencies = (await listAgencies(platform.database.db)).slice(0, 40);
  if (agencies.length === 0) return;
  const r = rng(20260314);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

  const courses = await db
    .insertInto('training_courses')
    .values([
      { name: 'Ứng dụng CNTT cơ bản cho cán bộ, công chức', level: 'basic', modules: [...BASIC_MODULES], hours: 60 },
      { name: 'Tin học văn phòng nâng cao', level: 'advanced', modules: ['IU07', 'IU08', 'IU09'], hours: 45 },
      { name: 'An toàn thông tin và cơ sở dữ liệu', level: 'advanced', modules: ['IU10', 'IU14', 'IU15'], hours: 45 },
      { name: 'Biên tập trang thông tin điện tử', level: 'advanced', modules: ['IU11', 'IU12', 'IU13'], hours: 45 },
    ])
    .returning(['id', 'modules'])
    .execute();
  const [basic, office, security, web] = courses.map((c) => c.id) as [number, number, number, number];
  const plans: ClassPlan[] = [
    { course: basic, name: 'CB-2025-01', starts: '2025-03-03', ends: '2025-03-28', state: 'finished', exam: '2025-03-29' },
    { course: basic, name: 'CB-2025-02', starts: '2025-05-05', ends: '2025-05-30', state: 'finished', exam: '2025-05-31' },
    { course: basic, name: 'CB-2025-03', starts: '2025-09-08', ends: '2025-10-03', state: 'finished', exam: '2025-10-04' },
    { course: office, name: 'NC-VP-2025-01', starts: '2025-11-03', ends: '2025-11-21', state: 'finished', exam: '2025-11-22' },
    { course: basic, name: 'CB-2026-01', starts: '2026-03-02', ends: '2026-03-27', state: 'finished', exam: '2026-03-28' },
    { course: basic, name: 'CB-2026-02', starts: '2026-05-04', ends: '2026-05-29', state: 'finished', exam: '2026-05-30' },
    { course: security, name: 'NC-ATTT-2026-01', starts: '2026-06-08', ends: '2026-06-26', state: 'finished', exam: '2026-06-27' },
    { course: web, name: 'NC-WEB-2026-01', starts: '2026-09-07', ends: '2026-09-25', state: 'finished', exam: '2026-09-26' },
    { course: basic, name: 'CB-2026-03', starts: '2026-11-16', ends: '2026-12-11', state: 'running', exam: null },
    { course: office, name: 'NC-VP-2026-01', starts: '2026-12-14', ends: '2026-12-30', state: 'planned', exam: null },
  ];
  const classIds = (
    await db
      .insertInto('training_classes')
      .values(plans.map((p) => ({ course_id: p.course, name: `Lớp ${p.name}`, starts_on: p.starts, ends_on: p.ends, place: 'Trường Đào tạo cán bộ Lê Hồng Phong', capacity: 60, trainer: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`, state: p.state })))
      .returning('id')
      .execute()
  ).map((c) => c.id);

  const people = Array.from({ length: 300 }, (_, i) => ({
    full_name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    birth_date: `${1965 + Math.floor(r() * 35)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
    agency_id: (agencies[i % agencies.length] as { id: number }).id,
    position: pick(POSITIONS),
  }));
  const trainees = (await db.insertInto('training_trainees').values(people).returning('id').execute()).map((x) => x.id);

  // Basic classes of 50 each (the sixth, running, has 50 too); advanced classes take 25 from earlier basic classes.
  const basicIdx = plans.map((p, i) => (p.course === basic ? i : -1)).filter((i) => i >= 0);
  const enrolments: { class_id: number; trainee_id: number; attended: boolean; completed: boolean }[] = [];
  const results: { trainee_id: number; class_id: number; module: string; theory: number; practical: number; exam_date: string; board: string }[] = [];
  const score = (fail: boolean) => (fail ? Math.round((2 + r() * 2.9) * 10) / 10 : Math.round((5 + r() * 5) * 10) / 10);
  const sit = (traineeId: number, ci: number, mod: string, failRate: number) => {
    const p = plans[ci] as ClassPlan;
    const failTheory = r() < failRate / 2;
    const failPractical = r() < failRate / 2;
    results.push({ trainee_id: traineeId, class_id: classIds[ci] as number, module: mod, theory: score(failTheory), practical: score(failPractical), exam_date: p.exam as string, board: `Hội đồng thi ${p.name}` });
    // A second sitting a fortnight later for a third of those who failed; the first stays.
    if ((failTheory || failPractical) && r() < 0.35) {
      const d = new Date(`${p.exam}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 14);
      results.push({ trainee_id: traineeId, class_id: classIds[ci] as number, module: mod, theory: score(false), practical: score(false), exam_date: d.toISOString().slice(0, 10), board: `Hội đồng thi ${p.name}` });
    }
  };
  basicIdx.forEach((ci, k) => {
    for (const traineeId of trainees.slice(k * 50, k * 50 + 50)) {
      const p = plans[ci] as ClassPlan;
      const completed = p.state === 'finished' && r() > 0.08;
      enrolments.push({ class_id: classIds[ci] as number, trainee_id: traineeId, attended: p.state !== 'planned', completed });
      if (p.exam) for (const mod of BASIC_MODULES) sit(traineeId, ci, mod, 0.16);
    }
  });
  const advancedIdx = plans.map((p, i) => (p.course !== basic ? i : -1)).filter((i) => i >= 0);
  advancedIdx.forEach((ci, k) => {
    const p = plans[ci] as ClassPlan;
    const mods = courses.find((c) => c.id === p.course)?.modules ?? [];
    for (const traineeId of trainees.slice(k * 25, k * 25 + 25)) {
      enrolments.push({ class_id: classIds[ci] as number, trainee_id: traineeId, attended: p.state !== 'planned', completed: p.state === 'finished' && r() > 0.1 });
      if (p.exam) for (const mod of mods) sit(traineeId, ci, mod, 0.2);
    }
  });
  await chunks(enrolments, 500, (part) => db.insertInto('training_enrolments').values(part).execute());
  await chunks(results, 500, (part) => db.insertInto('training_results').values(part).execute());

  // Certificates where the rules hold (the same rules as the service), issued a week after the last passed exam.
  const certs: { trainee_id: number; kind: 'basic' | 'advanced'; issued_on: string; code: string; revoked: boolean; revoked_reason: string | null; revoked_at: Date | null }[] = [];
  const byTrainee = new Map<number, typeof results>();
  for (const x of results) byTrainee.set(x.trainee_id, [...(byTrainee.get(x.trainee_id) ?? []), x]);
  for (const [traineeId, rows] of byTrainee) {
    const passed = rows.filter((x) => passes(x.theory, x.practical));
    const has = (mods: readonly string[]) => mods.filter((mod) => passed.some((x) => x.module === mod));
    if (has(BASIC_MODULES).length < BASIC_MODULES.length || r() < 0.45) continue;
    const last = (mods: readonly string[]) => passed.filter((x) => mods.includes(x.module)).map((x) => x.exam_date).sort().at(-1) as string;
    const week = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const revoked = certs.length % 60 === 59;
    certs.push({ trainee_id: traineeId, kind: 'basic', issued_on: week(last(BASIC_MODULES)), code: newCertificateCode(), revoked, revoked_reason: revoked ? 'Cấp nhầm học viên (dữ liệu mẫu)' : null, revoked_at: revoked ? new Date() : null });
    if (has(ADVANCED_MODULES).length >= 3) certs.push({ trainee_id: traineeId, kind: 'advanced', issued_on: week(last([...BASIC_MODULES, ...ADVANCED_MODULES])), code: newCertificateCode(), revoked: false, revoked_reason: null, revoked_at: null });
  }
  await chunks(certs, 500, (part) => db.insertInto('training_certificates').values(part).execute());
}
