// A small round for the office's tests (tests only): school year 2030–2031, grade 1 open 1–5 June 2030. Schools A
// (1 place) and B (2 places) in ward 00070, whose catchment is A and B; private school C (5 places) in ward 00004.
// Three children of 00070 apply to A and one to B (all in catchment); two children of 00004 apply to B and C (out of
// catchment, priority group 1); a seventh application, to C, is withdrawn. So A is oversubscribed (3 for 1), the
// lottery sends one of A's losers to B and leaves the other without a place, and B is full for the outsider.
import type { Platform } from '../../platform/http/context.ts';
import { admissionDb } from './tables.ts';

export interface OfficeFixture {
  roundId: number;
  schoolYear: string;
  schools: { a: string; b: string; c: string };
  /** Applications that are not withdrawn. */
  applications: number;
  during: Date;
  after: Date;
  /** Enrolment codes of two parents: the child admitted at C (priority group 1), the child refused at full B. */
  parents: { admitted: { code: string; personalId: string }; refused: { code: string; personalId: string } };
}

export async function seedOfficeFixture(platform: Platform): Promise<OfficeFixture> {
  const db = admissionDb(platform.database.db);
  await db.insertInto('admission_school_years').values({ code: '2030-2031', start_year: 2030, name: 'Năm học 2030–2031' }).execute();
  const round = await db
    .insertInto('admission_rounds')
    .values({ school_year: '2030-2031', level: 'grade1', name: 'Tuyển sinh lớp 1 thử', name_en: 'Test grade 1 round', opens_at: new Date('2030-06-01T01:00:00Z'), closes_at: new Date('2030-06-05T10:00:00Z') })
    .returning('id')
    .executeTakeFirstOrThrow();
  const schools = [
    { code: 'THOFFA', name: 'Trường Tiểu học Thử A', ward: '00070', places: 1, ownership: 'public' as const },
    { code: 'THOFFB', name: 'Trường Tiểu học Thử B', ward: '00070', places: 2, ownership: 'public' as const },
    { code: 'THOFFC', name: 'Trường Tiểu học Thử C', ward: '00004', places: 5, ownership: 'private' as const },
  ];
  const ids = new Map<string, number>();
  for (const [i, s] of schools.entries()) {
    const row = await db
      .insertInto('admission_schools')
      .values({ code: s.code, name: s.name, ownership: s.ownership, level: 'grade1', ward_code: s.ward, address: `Số ${i + 1}, phố Thử, Hà Nội` })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(s.code, row.id);
    await db.insertInto('admission_round_places').values({ round_id: round.id, school_id: row.id, places: s.places }).execute();
  }
  for (const code of ['THOFFA', 'THOFFB']) await db.insertInto('admission_catchments').values({ school_year: '2030-2031', school_id: ids.get(code) ?? 0, unit_code: '00070' }).execute();
  const apps: { unit: string; school: string; inCatchment: boolean; status?: 'withdrawn' }[] = [
    { unit: '00070', school: 'THOFFA', inCatchment: true },
    { unit: '00070', school: 'THOFFA', inCatchment: true },
    { unit: '00070', school: 'THOFFA', inCatchment: true },
    { unit: '00070', school: 'THOFFB', inCatchment: true },
    { unit: '00004', school: 'THOFFB', inCatchment: false },
    { unit: '00004', school: 'THOFFC', inCatchment: false },
    { unit: '00004', school: 'THOFFC', inCatchment: false, status: 'withdrawn' },
  ];
  for (const [i, a] of apps.entries()) {
    const child = await db
      .insertInto('admission_children')
      .values({ personal_id: `0012300090${String(i).padStart(2, '0')}`, full_name: `Trẻ thử ${i + 1}`, birth_date: '2024-03-01', residence_unit: a.unit })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (i === 4 || i === 5) await db.insertInto('admission_enrolment_codes').values({ code: `L1OFF0000${i}`, round_id: round.id, child_id: child.id, school_id: ids.get(a.school) ?? 0 }).execute();
    await db
      .insertInto('admission_applications')
      .values({
        application_no: `L1-T${String(i + 1).padStart(6, '0')}`,
        round_id: round.id,
        child_id: child.id,
        school_id: ids.get(a.school) ?? 0,
        ward_code: schools.find((s) => s.code === a.school)?.ward ?? '',
        status: a.status ?? 'active',
        in_catchment: a.inCatchment,
        priority_group: 1,
        idempotency_key: `office-fixture-${i}`,
        email: null,
        result_note: null,
        appointment_at: null,
        appointment_place: null,
        withdrawn_at: a.status ? new Date('2030-06-02T00:00:00Z') : null,
      })
      .execute();
  }
  return {
    roundId: round.id,
    schoolYear: '2030-2031',
    schools: { a: 'THOFFA', b: 'THOFFB', c: 'THOFFC' },
    applications: apps.filter((a) => !a.status).length,
    during: new Date('2030-06-02T03:00:00Z'),
    after: new Date('2030-06-06T02:00:00Z'),
    parents: { admitted: { code: 'L1OFF00005', personalId: '001230009005' }, refused: { code: 'L1OFF00004', personalId: '001230009004' } },
  };
}
