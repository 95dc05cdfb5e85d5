// Catchments (tuyến, DOMAIN §8): which units, or parts of units, each public school serves in a school year. The
// education office edits them before the window; each school year keeps its own rows, so a year once published stays
// as it was. Editing needs the education office's role (migration 0026) or the administrator's.
import type { Platform } from '../../platform/http/context.ts';
import { requireStaff, type Actor } from '../../platform/auth/access.ts';
import { Role } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { findUnit } from '../units/index.ts';
import { AdmissionErrors } from './errors.ts';
import { admissionRepo } from './repo.ts';
import { clearAdmissionCaches } from './service.ts';
import { admissionDb } from './tables.ts';

export interface CatchmentArea {
  unitCode: string;
  /** A part of the unit ('' or absent: the whole unit), e.g. "Tổ dân phố 1–7". */
  area?: string;
}

export async function listCatchments(platform: Platform, schoolYear: string, schoolCode: string): Promise<Required<CatchmentArea>[]> {
  return admissionDb(platform.database.db)
    .selectFrom('admission_catchments as c')
    .innerJoin('admission_schools as s', 's.id', 'c.school_id')
    .select(['c.unit_code as unitCode', 'c.area'])
    .where('c.school_year', '=', schoolYear)
    .where('s.code', '=', schoolCode)
    .orderBy('c.unit_code')
    .orderBy('c.area')
    .execute();
}

/** Replaces a school's catchment for a school year, with the before and after in the audit row. */
export async function setCatchments(platform: Platform, actor: Actor, input: { schoolYear: string; schoolCode: string; areas: CatchmentArea[] }): Promise<Required<CatchmentArea>[]> {
  const user = requireStaff(actor, Role.educationOffice, Role.admin);
  const db = admissionDb(platform.database.db);
  const school = await admissionRepo.findSchoolByCode(db, input.schoolCode);
  const year = await db.selectFrom('admission_school_years').select('code').where('code', '=', input.schoolYear).executeTakeFirst();
  if (!school || !year) throw AdmissionErrors.INVALID_INPUT({ details: { school: input.schoolCode, school_year: input.schoolYear } });
  const areas = [...new Map(input.areas.map((a) => [`${a.unitCode}|${(a.area ?? '').normalize('NFC').trim()}`, { unitCode: a.unitCode, area: (a.area ?? '').normalize('NFC').trim() }])).values()];
  for (const a of areas) {
    if (!(await findUnit(platform.database.db, a.unitCode))) throw AdmissionErrors.INVALID_INPUT({ details: { unit: a.unitCode } });
  }
  const before = await listCatchments(platform, input.schoolYear, input.schoolCode);
  await platform.database.db.transaction().execute(async (trx) => {
    const t = admissionDb(trx);
    await t.deleteFrom('admission_catchments').where('school_year', '=', input.schoolYear).where('school_id', '=', school.id).execute();
    if (areas.length > 0) await t.insertInto('admission_catchments').values(areas.map((a) => ({ school_year: input.schoolYear, school_id: school.id, unit_code: a.unitCode, area: a.area }))).execute();
    await recordAudit(trx, { actor: user, action: 'admissions.set_catchments', entity: 'admission_school', entityId: school.code, data: { school_year: input.schoolYear, before, after: areas } });
  });
  clearAdmissionCaches(platform);
  return listCatchments(platform, input.schoolYear, input.schoolCode);
}
