// Demo data (issue 11 "Demo"): the 2026–2027 school year with three rounds — grade 1 open from an hour before the
// seeding for 30 days (so a visitor can try it), kindergarten closed, grade 6 upcoming — Hà Nội's schools per unit
// (about 700, generated deterministically), places per round, catchments (each unit's own public schools) and
// the demo children of demo.ts with their enrolment codes. Idempotent: nothing is done when the year exists.
import { listUnits, HOME_PROVINCE, type UnitSummary } from '../units/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { issueEnrolmentCodes } from './issue.ts';
import { DEMO_CHILDREN, DEMO_SCHOOL_YEAR } from './demo.ts';
import { admissionDb, type AdmissionDb, type Level } from './tables.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const KIND: Record<Level, { prefix: string; name: string; classSize: number; classes: [number, number] }> = {
  kindergarten: { prefix: 'MN', name: 'Trường Mầm non', classSize: 30, classes: [3, 6] },
  grade1: { prefix: 'TH', name: 'Trường Tiểu học', classSize: 35, classes: [8, 16] },
  grade6: { prefix: 'CS', name: 'Trường THCS', classSize: 45, classes: [6, 12] },
};

const PRIVATE_NAMES = ['Ánh Dương', 'Hồng Hà', 'Thăng Long', 'Sao Mai', 'Hoa Sen', 'Trí Tuệ', 'Tuổi Thơ'];
const CENTRAL = ['00070', '00004', '00166', '00008', '00145', '00160', '00199'];

interface SchoolSeed {
  code: string;
  name: string;
  ownership: 'public' | 'private';
  level: Level;
  ward_code: string;
  address: string;
}

/** Deterministic "random" from a string: the same schools and places on every machine. */
function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Public schools per unit and level: two of each in every unit, a second lower-secondary school only in wards. */
function schoolsOf(units: UnitSummary[]): SchoolSeed[] {
  const out: SchoolSeed[] = [];
  for (const u of units) {
    for (const level of ['kindergarten', 'grade1', 'grade6'] as const) {
      const k = KIND[level];
      const n = level === 'grade6' && u.type !== 'Phường' ? 1 : 2;
      for (let i = 0; i < n; i++) {
        const suffix = n === 1 ? '' : ` ${'AB'[i]}`;
        out.push({
          code: `${k.prefix}${u.code}${'AB'[i]}`,
          name: `${k.name} ${u.name}${suffix}`,
          ownership: 'public',
          level,
          ward_code: u.code,
          address: `Số ${(hash(u.code + level + i) % 180) + 1}, ${u.fullName}, thành phố Hà Nội`,
        });
      }
    }
  }
  for (const level of ['kindergarten', 'grade1', 'grade6'] as const) {
    PRIVATE_NAMES.forEach((name, i) => {
      const ward = CENTRAL[i % CENTRAL.length] as string;
      const unit = units.find((u) => u.code === ward) ?? units[i];
      if (!unit) return;
      out.push({
        code: `${KIND[level].prefix}TT${String(i + 1).padStart(2, '0')}`,
        name: `${KIND[level].name} tư thục ${name}`,
        ownership: 'private',
        level,
        ward_code: unit.code,
        address: `Số ${(hash(name + level) % 120) + 1}, ${unit.fullName}, thành phố Hà Nội`,
      });
    });
  }
  return out;
}

function placesOf(s: SchoolSeed): number {
  const k = KIND[s.level];
  const [lo, hi] = s.ownership === 'private' ? [2, 4] : k.classes;
  return (lo + (hash(s.code) % (hi - lo + 1))) * k.classSize;
}

async function insertSchools(db: AdmissionDb, schools: SchoolSeed[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < schools.length; i += 400) {
    const rows = await db
      .insertInto('admission_schools')
      .values(schools.slice(i, i + 400))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .returning(['id', 'code'])
      .execute();
    for (const r of rows) ids.set(r.code, r.id);
  }
  return ids;
}

export async function seedAdmissionsDemo(platform: Platform, opts: { now?: Date } = {}): Promise<boolean> {
  const db = admissionDb(platform.database.db);
  const exists = await db.selectFrom('admission_school_years').select('code').where('code', '=', DEMO_SCHOOL_YEAR).executeTakeFirst();
  if (exists) return false;
  const now = opts.now ?? new Date();
  const hour = Math.floor(now.getTime() / HOUR) * HOUR;
  const units = await listUnits(platform.database.db, { parent: HOME_PROVINCE });
  const schools = schoolsOf(units);

  const roundIds = new Map<Level, number>();
  await platform.database.db.transaction().execute(async (ptrx) => {
    const trx = admissionDb(ptrx);
    await trx.insertInto('admission_school_years').values({ code: DEMO_SCHOOL_YEAR, start_year: 2026, name: 'Năm học 2026–2027' }).execute();
    const rounds: { level: Level; name: string; name_en: string; opens_at: Date; closes_at: Date }[] = [
      { level: 'kindergarten', name: 'Tuyển sinh mẫu giáo 5 tuổi 2026–2027', name_en: 'Kindergarten (5-year-olds) admission 2026–2027', opens_at: new Date(hour - 10 * DAY), closes_at: new Date(hour - 7 * DAY) },
      { level: 'grade1', name: 'Tuyển sinh lớp 1 năm học 2026–2027', name_en: 'Grade 1 admission 2026–2027', opens_at: new Date(hour - HOUR), closes_at: new Date(hour + 30 * DAY) },
      { level: 'grade6', name: 'Tuyển sinh lớp 6 năm học 2026–2027', name_en: 'Grade 6 admission 2026–2027', opens_at: new Date(hour + 40 * DAY), closes_at: new Date(hour + 43 * DAY) },
    ];
    for (const r of rounds) {
      const row = await trx.insertInto('admission_rounds').values({ school_year: DEMO_SCHOOL_YEAR, ...r }).returning('id').executeTakeFirstOrThrow();
      roundIds.set(r.level, row.id);
    }
    const ids = await insertSchools(trx, schools);
    const places = schools.map((s) => ({ round_id: roundIds.get(s.level) ?? 0, school_id: ids.get(s.code) ?? 0, places: placesOf(s) }));
    for (let i = 0; i < places.length; i += 1000) await trx.insertInto('admission_round_places').values(places.slice(i, i + 1000)).execute();
    const catchments = schools.filter((s) => s.ownership === 'public').map((s) => ({ school_year: DEMO_SCHOOL_YEAR, school_id: ids.get(s.code) ?? 0, unit_code: s.ward_code }));
    for (let i = 0; i < catchments.length; i += 1000) await trx.insertInto('admission_catchments').values(catchments.slice(i, i + 1000)).execute();
  });

  const seeder = { id: null, label: 'demo seed' };
  for (const c of DEMO_CHILDREN) {
    const school = `${KIND[c.level].prefix}${c.residenceUnit}A`;
    await issueEnrolmentCodes(platform, seeder, {
      roundId: roundIds.get(c.level) ?? 0,
      schoolCode: school,
      children: [{ personalId: c.personalId, fullName: c.fullName, birthDate: c.birthDate, residenceUnit: c.residenceUnit, finishedGrade5: c.finishedGrade5 ?? false, code: c.code }],
    });
  }
  return true;
}
