// The only code that touches the training tables (migrations/0041_training.sql).
import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Level } from './modules.ts';

export type ClassState = 'planned' | 'running' | 'finished';

interface CoursesTable {
  id: Generated<number>;
  name: string;
  level: Level;
  modules: string[];
  hours: number;
  created_by: number | null;
  created_at: Generated<Date>;
}
interface ClassesTable {
  id: Generated<number>;
  course_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  place: string;
  capacity: number;
  trainer: string;
  state: Generated<ClassState>;
  created_at: Generated<Date>;
}
interface TraineesTable {
  id: Generated<number>;
  full_name: string;
  birth_date: string;
  agency_id: number;
  position: string;
  account_id: number | null;
  created_at: Generated<Date>;
}
interface EnrolmentsTable {
  id: Generated<number>;
  class_id: number;
  trainee_id: number;
  attended: Generated<boolean>;
  completed: Generated<boolean>;
  enrolled_at: Generated<Date>;
}
interface ResultsTable {
  id: Generated<number>;
  trainee_id: number;
  class_id: number | null;
  module: string;
  /** numeric(3,1): the driver gives a string back. */
  theory: number | string;
  practical: number | string;
  exam_date: string;
  board: string;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}
interface CertificatesTable {
  id: Generated<number>;
  trainee_id: number;
  kind: Level;
  issued_on: string;
  code: string;
  revoked: Generated<boolean>;
  revoked_reason: string | null;
  revoked_at: Date | null;
  issued_by: number | null;
  created_at: Generated<Date>;
}

export type TrainingTables = {
  training_courses: CoursesTable;
  training_classes: ClassesTable;
  training_trainees: TraineesTable;
  training_enrolments: EnrolmentsTable;
  training_results: ResultsTable;
  training_certificates: CertificatesTable;
};
export type TrainingDb = Kysely<PlatformTables & TrainingTables>;
export type CourseRow = Selectable<CoursesTable>;
export type ClassRow = Selectable<ClassesTable>;
export type TraineeRow = Selectable<TraineesTable>;
export type CertificateRow = Selectable<CertificatesTable>;
export interface ResultRow {
  id: number;
  trainee_id: number;
  class_id: number | null;
  module: string;
  theory: number;
  practical: number;
  exam_date: string;
  board: string;
}

export const trainingDb = (db: Kysely<PlatformTables>): TrainingDb => db as unknown as TrainingDb;
export const asPlatformDb = (db: TrainingDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

/** Dates as ISO days on both drivers (PGlite and pg give Date objects for `date` unless told otherwise). */
const DAY = (col: string) => sql<string>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;

export const trainingRepo = {
  listCourses: (db: TrainingDb) => db.selectFrom('training_courses').selectAll().orderBy('id').execute(),
  findCourse: (db: TrainingDb, id: number) => db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst(),

  classColumns: (db: TrainingDb) =>
    db
      .selectFrom('training_classes as c')
      .select(['c.id', 'c.course_id', 'c.name', 'c.place', 'c.capacity', 'c.trainer', 'c.state', 'c.created_at'])
      .select([DAY('c.starts_on').as('starts_on'), DAY('c.ends_on').as('ends_on')]),
  async listClasses(db: TrainingDb): Promise<(ClassRow & { enrolled: number })[]> {
    const rows = await trainingRepo
      .classColumns(db)
      .select((eb) => eb.selectFrom('training_enrolments as e').whereRef('e.class_id', '=', 'c.id').select(eb.fn.countAll<string>().as('n')).as('enrolled'))
      .orderBy('c.starts_on', 'desc')
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0) }));
  },
  findClass: (db: TrainingDb, id: number, lock = false) => {
    const q = trainingRepo.classColumns(db).where('c.id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },
  countEnrolled: async (db: TrainingDb, classId: number) =>
    Number((await db.selectFrom('training_enrolments').select((eb) => eb.fn.countAll<string>().as('n')).where('class_id', '=', classId).executeTakeFirstOrThrow()).n),

  traineeColumns: (db: TrainingDb) =>
    db.selectFrom('training_trainees as t').select(['t.id', 't.full_name', 't.agency_id', 't.position', 't.account_id', 't.created_at']).select(DAY('t.birth_date').as('birth_date')),
  findTrainee: (db: TrainingDb, id: number) => trainingRepo.traineeColumns(db).where('t.id', '=', id).executeTakeFirst(),
  findTraineeByPerson: (db: TrainingDb, agencyId: number, fullName: string, birthDate: string) =>
    trainingRepo.traineeColumns(db).where('t.agency_id', '=', agencyId).where('t.full_name', '=', fullName).where('t.birth_date', '=', birthDate).executeTakeFirst(),

  async classTrainees(db: TrainingDb, classId: number) {
    return trainingRepo
      .traineeColumns(db)
      .innerJoin('training_enrolments as e', 'e.trainee_id', 't.id')
      .select(['e.attended', 'e.completed'])
      .where('e.class_id', '=', classId)
      .orderBy('t.id')
      .execute();
  },

  async resultsOf(db: TrainingDb, traineeIds: readonly number[]): Promise<ResultRow[]> {
    if (traineeIds.length === 0) return [];
    const rows = await db
      .selectFrom('training_results')
      .select(['id', 'trainee_id', 'class_id', 'module', 'theory', 'practical', 'board'])
      .select(DAY('exam_date').as('exam_date'))
      .where('trainee_id', 'in', [...traineeIds])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, theory: Number(r.theory), practical: Number(r.practical) }));
  },

  certificateColumns: (db: TrainingDb) =>
    db
      .selectFrom('training_certificates as c')
      .innerJoin('training_trainees as t', 't.id', 'c.trainee_id')
      .select(['c.id', 'c.trainee_id', 'c.kind', 'c.code', 'c.revoked', 'c.revoked_reason', 'c.revoked_at', 'c.issued_by', 'c.created_at', 't.full_name', 't.agency_id'])
      .select(DAY('c.issued_on').as('issued_on')),
  findCertificateByCode: (db: TrainingDb, code: string) => trainingRepo.certificateColumns(db).where('c.code', '=', code).executeTakeFirst(),
  findCertificate: (db: TrainingDb, id: number) => trainingRepo.certificateColumns(db).where('c.id', '=', id).executeTakeFirst(),
  listCertificates: (db: TrainingDb, limit = 200) => trainingRepo.certificateColumns(db).orderBy('c.id', 'desc').limit(limit).execute(),
  validKindsOf: async (db: TrainingDb, traineeId: number): Promise<Set<Level>> =>
    new Set((await db.selectFrom('training_certificates').select('kind').where('trainee_id', '=', traineeId).where('revoked', '=', false).execute()).map((r) => r.kind)),
};
