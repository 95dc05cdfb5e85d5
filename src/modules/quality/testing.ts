// A small, hand-built set of dossiers in known states (March 2026), inserted directly, so that the figures and
// indices can be checked against numbers worked out by hand (quality/*.test.ts). What each dossier contributes is
// written beside it; the expected totals are in figures.test.ts.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { vietnamInstant } from '../../platform/calendar/index.ts';
import { importCatalogue } from '../procedures/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { backOfficeTables } from '../backoffice/testing.ts';
import { dossierTables, PROC, seedTestProcedures } from '../dossiers/testing.ts';

export const WARD_A = '000.01.51.H26'; // Ủy ban nhân dân phường Ba Đình
export const WARD_B = '000.02.51.H26'; // Ủy ban nhân dân phường Ngọc Hà
export const CENTRE = '000.00.20.H26';
export const JUSTICE = '000.00.03.H26'; // Sở Tư pháp
/** City level, field "Hộ tịch", handled by the department of justice. */
export const CIVIL = { code: '1.999004', field: 'Hộ tịch' } as const;
export const MARCH = { from: '2026-03-02', to: '2026-03-31' } as const;
/** A name and personal number that must never appear on a public page. */
export const SECRET = { name: 'Nguyễn Văn Bí Mật', personalId: '001190099999' } as const;

const at = (date: string, hh: number, mm = 0) => vietnamInstant(date, hh * 60 + mm);
const SHA = 'a'.repeat(64);

interface Spec {
  n: number;
  agency: string;
  handling?: string;
  procedure?: string;
  channel: 'online' | 'counter';
  level?: 'full' | 'partial';
  received: Date;
  due: Date;
  status: string;
  result?: Date;
  outcome?: 'early' | 'on_time' | 'late';
  finished?: Date;
  paused?: Date;
  fee?: { method: 'vietqr' | 'gateway' | 'counter'; paid: boolean };
  rating?: { overall: number; attitude: number; at: Date };
  supplements?: { stage: 'receipt' | 'appraisal'; at: Date }[];
  files?: ('scan' | 'result')[];
}

const SPECS: Spec[] = [
  // Ward A (receives and handles its own dossiers), procedure PROC.online, field "Thử nghiệm".
  { n: 1, agency: WARD_A, channel: 'online', level: 'full', received: at('2026-03-02', 9), due: at('2026-03-09', 17), status: 'returned', result: at('2026-03-05', 10), outcome: 'early', finished: at('2026-03-06', 9), fee: { method: 'vietqr', paid: true }, rating: { overall: 3, attitude: 3, at: at('2026-03-06', 10) }, files: ['result'] },
  { n: 2, agency: WARD_A, channel: 'online', level: 'partial', received: at('2026-03-03', 10), due: at('2026-03-10', 23, 59), status: 'result_ready', result: at('2026-03-10', 15), outcome: 'on_time', fee: { method: 'gateway', paid: true }, rating: { overall: 2, attitude: 2, at: at('2026-03-11', 8) }, files: ['result'] },
  { n: 3, agency: WARD_A, channel: 'counter', received: at('2026-03-04', 8), due: at('2026-03-11', 23, 59), status: 'returned', result: at('2026-03-13', 16), outcome: 'late', finished: at('2026-03-14', 9), fee: { method: 'counter', paid: true }, rating: { overall: 1, attitude: 1, at: at('2026-03-14', 10) }, supplements: [{ stage: 'receipt', at: at('2026-03-04', 9) }], files: ['scan'] },
  { n: 4, agency: WARD_A, channel: 'counter', received: at('2026-03-05', 14), due: at('2026-03-12', 23, 59), status: 'processing', supplements: [{ stage: 'receipt', at: at('2026-03-05', 15) }, { stage: 'appraisal', at: at('2026-03-09', 9) }] },
  { n: 5, agency: WARD_A, channel: 'online', level: 'full', received: at('2026-03-10', 9), due: at('2026-03-20', 23, 59), status: 'supplement', paused: at('2026-03-11', 9), supplements: [{ stage: 'receipt', at: at('2026-03-11', 9) }] },
  { n: 6, agency: WARD_A, channel: 'online', level: 'partial', received: at('2026-03-16', 9), due: at('2026-04-10', 23, 59), status: 'processing', fee: { method: 'vietqr', paid: false } },
  { n: 7, agency: WARD_A, channel: 'counter', received: at('2026-03-18', 9), due: at('2026-03-25', 23, 59), status: 'refused', finished: at('2026-03-18', 15) },
  { n: 8, agency: WARD_A, channel: 'counter', received: at('2026-02-25', 10), due: at('2026-03-04', 23, 59), status: 'returned', result: at('2026-03-03', 10), outcome: 'early', finished: at('2026-03-04', 9) },
  { n: 9, agency: WARD_A, channel: 'online', level: 'partial', received: at('2026-03-20', 9), due: at('2026-03-27', 23, 59), status: 'result_ready', result: at('2026-04-02', 9), outcome: 'late' },
  // Ward B.
  { n: 10, agency: WARD_B, channel: 'online', level: 'full', received: at('2026-03-02', 9), due: at('2026-03-09', 23, 59), status: 'returned', result: at('2026-03-04', 9), outcome: 'early', finished: at('2026-03-05', 9), rating: { overall: 3, attitude: 3, at: at('2026-03-05', 10) } },
  { n: 11, agency: WARD_B, channel: 'counter', received: at('2026-03-03', 9), due: at('2026-03-06', 23, 59), status: 'processing' },
  // The service centre receives, the department of justice handles (and asks for a supplement during appraisal).
  { n: 12, agency: CENTRE, handling: JUSTICE, procedure: CIVIL.code, channel: 'online', level: 'partial', received: at('2026-03-06', 9), due: at('2026-03-12', 23, 59), status: 'returned', result: at('2026-03-12', 10), outcome: 'on_time', finished: at('2026-03-13', 9), supplements: [{ stage: 'appraisal', at: at('2026-03-09', 9) }] },
];

export interface QualityFixture {
  agencies: Record<'wardA' | 'wardB' | 'centre' | 'justice', number>;
  dossierIds: Map<number, number>;
}

export async function seedQualityFixture(db: Kysely<PlatformTables>): Promise<QualityFixture> {
  await seedTestProcedures(db);
  const civil = { ma_thu_tuc: CIVIL.code, ten_thu_tuc: 'Đăng ký hộ tịch thử nghiệm', linh_vuc: CIVIL.field, co_quan_ban_hanh: 'Bộ Tư pháp', cap_thuc_hien: 'Cấp tỉnh', kenh_nop: 'Trực tuyến', co_nop_truc_tuyen: true, thoi_han_giai_quyet: '5 Ngày làm việc', phi_le_phi: 'Không' };
  await importCatalogue(db, [{ line: 1, data: civil }], { effectiveFrom: '2025-01-01', source: 'test', actor: { id: null, label: 'test' } });
  const ids: Record<string, number> = {};
  for (const code of [WARD_A, WARD_B, CENTRE, JUSTICE]) {
    const a = await findAgencyByCode(db, code);
    if (!a) throw new Error(`no agency ${code}`);
    ids[code] = a.id;
  }
  // Rows as a month of work leaves them, written through the owners' test fixtures.
  const ddb = dossierTables(db);
  const bdb = backOfficeTables(db);
  await ddb.insertInto('stored_files').values({ sha256: SHA, size: 10, mime: 'application/pdf' }).onConflict((oc) => oc.doNothing()).execute();
  const dossierIds = new Map<number, number>();
  for (const s of SPECS) {
    const agencyId = ids[s.agency] as number;
    const day = s.received.toISOString().slice(2, 10).replaceAll('-', '');
    const row = await ddb
      .insertInto('dossiers')
      .values({
        code: `${s.agency}-${day}-${String(s.n).padStart(4, '0')}`,
        agency_id: agencyId,
        handling_agency_id: s.handling ? (ids[s.handling] as number) : s.status === 'refused' ? null : agencyId,
        procedure_code: s.procedure ?? PROC.online.code,
        procedure_version: 1,
        channel: s.channel,
        online_level: s.channel === 'online' ? (s.level ?? 'partial') : null,
        form_data: '{}',
        applicant: JSON.stringify({ name: SECRET.name, personal_id: SECRET.personalId, phone: '0912345678' }),
        status: s.status,
        received_at: s.received,
        clock_started_at: s.received,
        due_at: s.due,
        fee_total_dong: s.fee ? 50_000 : 0,
        payment_status: s.fee ? (s.fee.paid ? 'paid' : 'unpaid') : 'none',
        result_at: s.result ?? null,
        outcome: s.outcome ?? null,
        decision: s.result ? 'approved' : null,
        finished_at: s.finished ?? null,
        paused_at: s.paused ?? null,
        return_method: s.status === 'returned' ? 'counter' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    dossierIds.set(s.n, row.id);
    if (s.fee) {
      const created = new Date(s.received.getTime() + 60_000);
      await ddb.insertInto('payments').values({ dossier_id: row.id, amount_dong: 50_000, method: s.fee.method, status: s.fee.paid ? 'paid' : 'pending', created_at: created, paid_at: s.fee.paid ? created : null }).execute();
    }
    if (s.rating) await bdb.insertInto('dossier_ratings').values({ dossier_id: row.id, overall: s.rating.overall, criteria: JSON.stringify({ time: s.rating.overall, attitude: s.rating.attitude }), rated_at: s.rating.at }).execute();
    for (const sup of s.supplements ?? []) await bdb.insertInto('dossier_supplements').values({ dossier_id: row.id, stage: sup.stage, items: JSON.stringify([{ doc_key: null, text: 'Bản sao giấy tờ' }]), requested_at: sup.at }).execute();
    for (const kind of s.files ?? []) {
      const when = kind === 'result' ? (s.result as Date) : s.received;
      await ddb.insertInto('dossier_files').values({ dossier_id: row.id, doc_key: kind, original_name: `${kind}.pdf`, mime: 'application/pdf', size: 10, sha256: SHA, kind, created_at: when }).execute();
    }
  }
  const id = (n: number) => dossierIds.get(n) as number;
  await bdb
    .insertInto('dossier_feedback')
    .values([
      { dossier_id: id(1), message: 'Cảm ơn cán bộ.', created_at: at('2026-03-06', 9), answer: 'Cảm ơn ông/bà.', answered_at: at('2026-03-10', 9) },
      { dossier_id: id(3), message: 'Hồ sơ chậm.', created_at: at('2026-03-16', 9) },
      { dossier_id: id(10), message: 'Góp ý.', created_at: at('2026-03-05', 9), answer: 'Tiếp thu.', answered_at: at('2026-04-01', 9) },
    ])
    .execute();
  // The department asks ward A's opinion on dossier 12 (liên thông); the reply comes a day before its due date.
  await bdb.insertInto('dossier_consultations').values({ dossier_id: id(12), agency_id: ids[WARD_A] as number, question: 'Xác nhận nơi cư trú?', requested_at: at('2026-03-09', 10), due_at: at('2026-03-11', 23, 59), replied_at: at('2026-03-10', 9), reply: 'Đúng.' }).execute();
  return {
    agencies: { wardA: ids[WARD_A] as number, wardB: ids[WARD_B] as number, centre: ids[CENTRE] as number, justice: ids[JUSTICE] as number },
    dossierIds,
  };
}
