// Which agency appraises and decides a dossier (DOMAIN §4 "Transfer"): a ward or commune People's Committee, or a
// department that received the dossier itself, handles it; the city's Public Administration Service Centre receives for
// the city and transfers the dossier to the competent department, found by name in the procedure's implementing or
// competent agencies (e.g. "Sở Tư pháp") or by the kind of body they name (COMPETENT below), else to the Office of the
// City People's Committee, which dispatches it.
// Only "no rule matches" (or a procedure version the catalogue does not hold) falls back to the City Office, and it is
// logged; any other error (the database) propagates, so a dossier is never sent to the wrong office by an outage.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { searchKey } from '../../../platform/text/index.ts';
import { getProcedureVersion } from '../../procedures/index.ts';
import { findAgencyById, listAgencies } from '../../units/index.ts';

export const CITY_OFFICE_CODE = '000.00.01.H26';

/** Where a routing fallback is reported (pino's shape). */
export interface RoutingLog {
  warn(obj: object, msg: string): void;
}

export async function handlingAgencyFor(
  db: Kysely<PlatformTables>,
  d: { agencyId: number; procedureCode: string; procedureVersion: number },
  log?: RoutingLog,
): Promise<number> {
  const receiving = await findAgencyById(db, d.agencyId);
  if (!receiving || receiving.kind !== 'service_centre') return d.agencyId;
  const departments = [...(await listAgencies(db, { kind: 'department' })), ...(await listAgencies(db, { kind: 'other' }))];
  let names: string[] = [];
  let procedureName = '';
  try {
    const p = await getProcedureVersion(db, d.procedureCode, d.procedureVersion);
    names = [...p.implementingAgencies, ...(p.competentAgency ? [p.competentAgency] : [])];
    procedureName = p.name;
  } catch (err) {
    // A version the catalogue does not hold names no agency: no rule can match. Anything else is not ours to hide.
    if (!(err instanceof AppError && err.code === 'VERSION_NOT_FOUND')) throw err;
  }
  const keys = names.map(searchKey);
  const match = departments.find((dep) => keys.some((k) => k.includes(searchKey(dep.name))))?.id ?? competentDepartment([...names, procedureName], departments);
  if (match !== undefined) return match;
  const office = departments.find((dep) => dep.code === CITY_OFFICE_CODE);
  const to = (office ?? departments[0] ?? receiving).id;
  log?.warn({ procedureCode: d.procedureCode, procedureVersion: d.procedureVersion, agencyId: to }, 'no routing rule matches the procedure; the dossier goes to the Office of the City People\'s Committee');
  return to;
}

/**
 * Where the catalogue names a national kind of body ("Công an tỉnh", "Văn phòng đăng ký đất đai") rather than one of
 * Hà Nội's departments, the dossier goes where the city's dispatch would send it: the department (or the city police,
 * the industrial zones authority) whose name holds the second part of the first pair that matches.
 */
const COMPETENT: readonly (readonly [string, string])[] = [
  ['cong an', 'cong an'], ['canh sat', 'cong an'], ['xuat nhap canh', 'cong an'],
  ['dat dai', 'nong nghiep'], ['nong nghiep', 'nong nghiep'], ['thuy san', 'nong nghiep'], ['thuy loi', 'nong nghiep'], ['moi truong', 'nong nghiep'],
  ['khu cong nghiep', 'khu cong nghiep'], ['giao thong', 'xay dung'], ['duong bo', 'xay dung'], ['xay dung', 'xay dung'],
  ['tai chinh', 'tai chinh'], ['kho bac', 'tai chinh'], ['dau tu', 'tai chinh'], ['y te', 'y te'], ['giao duc', 'giao duc'],
  ['van hoa', 'van hoa'], ['the thao', 'van hoa'], ['du lich', 'du lich'], ['lao dong', 'noi vu'], ['bao hiem xa hoi', 'noi vu'],
  ['noi vu', 'noi vu'], ['cong thuong', 'cong thuong'], ['khoa hoc', 'khoa hoc'], ['ton giao', 'ton giao'], ['quy hoach', 'quy hoach'],
  ['tu phap', 'tu phap'],
];

export function competentDepartment(names: readonly string[], departments: readonly { id: number; name: string }[]): number | undefined {
  const keys = names.map(searchKey);
  for (const [said, dept] of COMPETENT) {
    if (!keys.some((k) => k.includes(said))) continue;
    const found = departments.find((d) => searchKey(d.name).includes(dept));
    if (found) return found.id;
  }
  return undefined;
}


