// The demo's licences (demo seed only, never in production): 300 licences issued in Hà Nội (numbers opening 01), among
// them demo.congdan's (citizen-ID 001090012345): a class B licence expiring within a month of the seed and an old
// class A1 motorcycle licence with no expiry; one licence with two deductions (010100020001) and one at zero
// (010100020002). Inserted in bulk as an import would write them; the points cached by recomputePoints. Idempotent.
import { addDays, vietnamDateOf } from '../../platform/calendar/dates.ts';
import { insertJsonRows } from '../../platform/db/bulk.ts';
import type { Platform } from '../../platform/http/context.ts';
import { seededRandom } from '../../platform/seeded-random.ts';
import { newVerifyToken } from './import.ts';
import { recomputePoints } from './recompute.ts';
import { licencesDb, licencesRepo } from './repo.ts';
import { expiryOf, type LicenceClass } from './rules/classes.ts';
import { addMonths } from './rules/points.ts';

export const DEMO_CITIZEN_PIN = '001090012345';
export const DEMO_LICENCES = { citizenB: '010100012345', citizenA1: '010100012346', deducted: '010100020001', atZero: '010100020002' } as const;
const COUNT = 300;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Đức', 'Ngọc', 'Hải'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Trang', 'Tuấn', 'Yến'];
const CLASSES: LicenceClass[] = ['A1', 'A', 'A', 'B', 'B', 'B', 'C1', 'C', 'D2', 'CE'];

export async function seedDemoLicences(platform: Platform): Promise<void> {
  const db = licencesDb(platform.database.db);
  if (await licencesRepo.byNumber(db, DEMO_LICENCES.citizenB)) return;
  const today = vietnamDateOf(new Date());
  const rnd = seededRandom(16);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const row = (number: string, pin: string, fullName: string, birth: string, cls: string, old: boolean, issued: string, expires: string | null) => ({
    number, holder_pin: pin, full_name: fullName, birth_date: birth, licence_class: cls, old, issued_on: issued, expires_on: expires,
    province_code: '01', restriction: null, points_as_of: today, verify_token: newVerifyToken(),
  });
  const soon = addDays(today, 20);
  const rows = [
    row(DEMO_LICENCES.citizenB, DEMO_CITIZEN_PIN, 'Nguyễn Văn An', '1990-05-12', 'B', false, addMonths(soon, -120), soon),
    row(DEMO_LICENCES.citizenA1, DEMO_CITIZEN_PIN, 'Nguyễn Văn An', '1990-05-12', 'A1', true, '2010-06-01', null),
    row(DEMO_LICENCES.deducted, '001088004567', 'Trần Quốc Bảo', '1988-02-20', 'B', false, '2021-04-10', expiryOf('B', '2021-04-10')),
    row(DEMO_LICENCES.atZero, '001185007788', 'Lê Thị Hồng', '1985-09-03', 'C', false, '2023-01-15', expiryOf('C', '2023-01-15')),
  ];
  const used = new Set(rows.map((r) => r.number));
  while (rows.length < COUNT) {
    const number = `01${String(Math.floor(rnd() * 1e10)).padStart(10, '0')}`;
    if (used.has(number)) continue;
    used.add(number);
    const year = 1960 + Math.floor(rnd() * 45);
    const female = rnd() < 0.45;
    const birth = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const pin = `001${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
    const cls = pick(CLASSES);
    const issued = addDays(`${Math.max(year + 18, 2016)}-01-01`, Math.floor(rnd() * 3000));
    const issuedOn = issued > today ? addDays(today, -Math.floor(rnd() * 900) - 1) : issued;
    const name = `${pick(FAMILY)} ${female ? 'Thị' : pick(MIDDLE)} ${pick(GIVEN)}`;
    rows.push(row(number, pin, name, birth, cls, false, issuedOn, expiryOf(cls, issuedOn)));
  }
  await insertJsonRows(platform.database.db, 'licences', [
    ['number', 'text'], ['holder_pin', 'text'], ['full_name', 'text'], ['birth_date', 'date'], ['licence_class', 'text'], ['old', 'boolean'],
    ['issued_on', 'date'], ['expires_on', 'date'], ['province_code', 'text'], ['restriction', 'text'], ['points_as_of', 'date'], ['verify_token', 'text'],
  ], rows);
  const idOf = async (n: string) => (await licencesRepo.byNumber(db, n))!.id;
  const deducted = await idOf(DEMO_LICENCES.deducted);
  const zero = await idOf(DEMO_LICENCES.atZero);
  await db.insertInto('licence_points_events').values([
    { licence_id: deducted, kind: 'deduction', effective_on: addMonths(today, -3), points: 4, decision: 'QĐ 1021/QĐ-XPHC' },
    { licence_id: deducted, kind: 'deduction', effective_on: addMonths(today, -1), points: 2, decision: 'QĐ 2210/QĐ-XPHC' },
    { licence_id: zero, kind: 'deduction', effective_on: addMonths(today, -4), points: 10, decision: 'QĐ 0875/QĐ-XPHC' },
    { licence_id: zero, kind: 'deduction', effective_on: addMonths(today, -2), points: 4, decision: 'QĐ 1630/QĐ-XPHC' },
  ]).execute();
  await recomputePoints(platform, today);
}
