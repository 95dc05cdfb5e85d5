// The figures and indices of the hand-built March 2026 data set (testing.ts) against numbers worked out by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/http/errors.ts';
import { PROC } from '../dossiers/testing.ts';
import { lastTwelveMonths, parseQualityQuery } from './filter.ts';
import { bucketLabel } from './format.ts';
import { agencyTable, qualityFigures, type QualityReport } from './service.ts';
import { CIVIL, MARCH, seedQualityFixture, WARD_A, WARD_B, type QualityFixture } from './testing.ts';

let app: TestApp;
let fx: QualityFixture;
const staff = (id: number, agencyId: number | null, roles: SessionUser['roles'] = ['one_stop_officer']): SessionUser => ({
  id,
  username: `u${id}`,
  displayName: `U${id}`,
  kind: 'staff',
  roles,
  agencyId,
  agencyName: null,
});
let wardA: SessionUser;
let wardB: SessionUser;
let admin: SessionUser;

before(async () => {
  app = await testApp();
  fx = await seedQualityFixture(app.database.db);
  wardA = staff(9101, fx.agencies.wardA);
  wardB = staff(9102, fx.agencies.wardB);
  admin = staff(9103, fx.agencies.centre, ['leader']);
});
after(async () => {
  await app.close();
});

const march = (extra: Record<string, string> = {}) => parseQualityQuery({ ...MARCH, ...extra });

function index(r: QualityReport, law: 'circular01' | 'decision766', key: string) {
  const found = r[law].indices.find((i) => i.key === key);
  assert.ok(found, `${law} ${key}`);
  return found;
}

test('ward A in March: received, shares, in progress at the end of the period, resolved and times, as worked out by hand', async () => {
  const r = await qualityFigures(app.platform, wardA, march());
  const f = r.figures;
  assert.equal(r.agency?.code, WARD_A, 'a ward officer gets their own agency without asking');
  assert.deepEqual(
    { received: f.received, online: f.online, counter: f.counter, fullOnline: f.fullOnline, refused: f.refused, withFees: f.withFees, paidOnline: f.paidOnline, digitised: f.digitised },
    { received: 8, online: 5, counter: 3, fullOnline: 2, refused: 1, withFees: 4, paidOnline: 2, digitised: 6 },
  );
  assert.deepEqual({ supplemented: f.supplemented, twice: f.supplementedTwice, other: f.otherAgency }, { supplemented: 3, twice: 1, other: 0 });
  assert.deepEqual({ ...f.inProgress, asOf: undefined }, { total: 4, onTime: 2, overdue: 2, paused: 1, asOf: undefined });
  assert.deepEqual(f.resolved, { total: 4, early: 2, onTime: 1, late: 1, returned: 3, online: 2, onlineLate: 0, electronicResult: 2 });
  assert.equal(f.onTimeRate, 0.75);
  // (3d1h + 7d5h + 9d8h + 6d) ÷ 4 = 6.396 days; working days after receipt up to the result: (3 + 5 + 7 + 4) ÷ 4.
  assert.equal(f.averageDays, 6.4);
  assert.equal(f.averageWorkingDays, 4.8);
  assert.equal(f.onlineShare, 0.625);
  assert.equal(f.fullOnlineShare, 0.25);
  assert.equal(f.onlinePaymentShare, 0.5);
  assert.deepEqual(f.satisfaction, { count: 3, average: 2, satisfied: 2, satisfiedShare: 0.6667, levels: [1, 1, 1], attitude: [1, 1, 1] });
  assert.deepEqual(f.feedback, { total: 2, on_time: 1, late: 0, overdue: 1, pending: 0 });
  assert.deepEqual(f.consultations, { total: 1, early: 1, on_time: 0, late: 0, pending: 0 });
  assert.deepEqual(f.catalogue, { total: 1, online: 1, fullOnline: 0, complete: 0 });
  assert.equal(f.granularity, 'day');
  const day = (d: string) => f.series.find((p) => p.key === d);
  assert.deepEqual(day('2026-03-05'), { key: '2026-03-05', received: 1, online: 0, counter: 1, resolved: 1, early: 1, onTime: 0, late: 0, onTimeRate: 1 });
  assert.equal(f.series.length, 30);
});

test('ward A in March: the nine indices of Circular 01/2018 and the Decision 766 groups, each with its counts', async () => {
  const r = await qualityFigures(app.platform, wardA, march());
  const scores = Object.fromEntries(r.circular01.indices.map((i) => [i.key, i.score]));
  assert.deepEqual(scores, { processing_time: 1.25, unit_time: 1.4, contacts: 1.5, agencies_contacted: 2, one_stop: 1.75, publication: 1, attitude: 1, feedback: 1, online: 2 });
  assert.equal(r.circular01.total, 12.9);
  assert.equal(r.circular01.max, 18);

  const time = index(r, 'circular01', 'processing_time');
  assert.deepEqual(time.counts.map((c) => [c.key, c.value]), [['early', 2], ['onTime', 1], ['late', 1]]);
  assert.equal(time.computation.vi, '(2 × 2 + 1 × 1 + 0 × 1) ÷ 4 = 1,25');
  assert.equal(time.computation.en, '(2 × 2 + 1 × 1 + 0 × 1) ÷ 4 = 1.25');
  const contacts = index(r, 'circular01', 'contacts');
  assert.equal(contacts.computation.en, '(2 × 5 + 1 × 2 + 0 × 1) ÷ 8 = 1.50');
  assert.match(contacts.dataNote?.vi ?? '', /yêu cầu bổ sung/);
  const online = index(r, 'circular01', 'online');
  assert.match(online.computation.en, /✓ at least 20% of procedures online: 1 ÷ 1 = 100(\.0)?%; ✓ at least 30% of dossiers submitted online: 5 ÷ 8 = 62\.5%; ✓ no online dossier resolved late: 0 ÷ 2 = 0(\.0)?% → 2 points/);

  const groups = Object.fromEntries(r.decision766.indices.map((i) => [i.key, i.score]));
  assert.deepEqual(groups, { transparency: 0, progress: 10, digitisation: 13.75, online: 14, satisfaction: 12 });
  assert.equal(r.decision766.total, 49.75);
  assert.equal(r.decision766.max, 100);
  assert.equal(r.decision766.band?.vi, 'Yếu');
  const progress = index(r, 'decision766', 'progress');
  assert.deepEqual(progress.counts.map((c) => [c.key, c.value]), [['resolvedInTime', 3], ['resolvedPlusOverdue', 6]]);
  assert.equal(progress.computation.vi, '20 × 3 ÷ 6 = 10,00');
});

test('the city total, one field and one procedure, for a city viewer', async () => {
  const city = await qualityFigures(app.platform, admin, march());
  assert.equal(city.agency, null);
  assert.equal(city.figures.received, 11);
  assert.deepEqual({ ...city.figures.resolved }, { total: 6, early: 3, onTime: 2, late: 1, returned: 5, online: 4, onlineLate: 0, electronicResult: 2 });
  assert.equal(city.figures.onTimeRate, 0.8333);
  assert.equal(city.figures.inProgress.overdue, 3);
  assert.equal(city.figures.otherAgency, 1, 'the department asked the centre’s applicant for a supplement');
  assert.deepEqual(city.figures.feedback, { total: 3, on_time: 1, late: 1, overdue: 1, pending: 0 });

  const civil = await qualityFigures(app.platform, admin, march({ field: CIVIL.field }));
  assert.equal(civil.figures.received, 1);
  assert.deepEqual([civil.figures.resolved.total, civil.figures.resolved.onTime, civil.figures.onTimeRate], [1, 1, 1]);

  const wardAsProcedure = await qualityFigures(app.platform, admin, march({ agency: WARD_A, procedure: PROC.online.code }));
  assert.equal(wardAsProcedure.figures.received, 8);
  const none = await qualityFigures(app.platform, admin, march({ field: CIVIL.field, procedure: PROC.online.code }));
  assert.equal(none.figures.received, 0, 'a procedure outside the field gives nothing');
  assert.equal(none.circular01.indices.find((i) => i.key === 'processing_time')?.score, null);
});

test('the handling agency sees the dossiers it handles; the table by agency counts each for both', async () => {
  const justice = await qualityFigures(app.platform, admin, march({ agency: '000.00.03.H26' }));
  assert.equal(justice.figures.received, 1);
  assert.equal(justice.figures.otherAgency, 1);
  const rows = await agencyTable(app.platform, admin, march());
  const byCode = new Map(rows.map((r) => [r.agency.code, r]));
  assert.deepEqual([byCode.get(WARD_A)?.received, byCode.get(WARD_A)?.resolved, byCode.get(WARD_A)?.onTimeRate, byCode.get(WARD_A)?.inProgress, byCode.get(WARD_A)?.overdue], [8, 4, 0.75, 4, 2]);
  assert.equal(byCode.get('000.00.20.H26')?.received, 1);
  assert.equal(byCode.get('000.00.03.H26')?.received, 1);
  assert.equal(byCode.get(WARD_B)?.satisfiedShare, 1);
});

test('a ward officer cannot see another ward, the city total or the table by agency; citizens see nothing', async () => {
  await assert.rejects(qualityFigures(app.platform, wardB, march({ agency: WARD_A })), (e: unknown) => e instanceof AppError && e.status === 403 && e.code === 'OTHER_AGENCY');
  const own = await qualityFigures(app.platform, wardB, march());
  assert.equal(own.agency?.code, WARD_B);
  assert.equal(own.figures.received, 2);
  await assert.rejects(agencyTable(app.platform, wardB, march()), (e: unknown) => e instanceof AppError && e.status === 403);
  const citizen: SessionUser = { ...wardA, kind: 'citizen', roles: [] };
  await assert.rejects(qualityFigures(app.platform, citizen, march()), (e: unknown) => e instanceof AppError && e.status === 403);
  await assert.rejects(qualityFigures(app.platform, null, march()), (e: unknown) => e instanceof AppError && e.status === 401);
  const adminElsewhere = staff(9104, fx.agencies.wardB, ['admin']);
  assert.equal((await qualityFigures(app.platform, adminElsewhere, march({ agency: WARD_A }))).figures.received, 8, 'administrators see any agency');
});

test('the filter is checked: dates, order, length of the period, codes', () => {
  const fields = (q: Record<string, string>) => {
    try {
      parseQualityQuery(q);
      return [];
    } catch (e) {
      return (e as AppError).fields.map((f) => f.field);
    }
  };
  assert.deepEqual(fields({ from: '2026-02-30', to: '2026-03-01' }), ['from']);
  assert.deepEqual(fields({ from: '2026-03-10', to: '2026-03-01' }), ['to']);
  assert.deepEqual(fields({ from: '2025-01-01', to: '2026-03-01' }), ['to']);
  assert.deepEqual(fields({ agency: 'UBND', procedure: 'x', ...MARCH }), ['agency', 'procedure']);
  assert.deepEqual(fields({ ...MARCH }), []);
});

test('"12 tháng gần nhất" is the last twelve months to the day: twelve buckets of a month each, not thirteen calendar months', async () => {
  // 4 December 2026, 10:00 in Hà Nội.
  const period = lastTwelveMonths(new Date('2026-12-04T03:00:00Z'));
  assert.deepEqual(period, { from: '2025-12-05', to: '2026-12-04' });
  assert.deepEqual(lastTwelveMonths(new Date('2028-02-29T03:00:00Z')), { from: '2027-03-01', to: '2028-02-29' });
  const r = await qualityFigures(app.platform, wardA, parseQualityQuery(period));
  const keys = r.figures.series.map((p) => p.key);
  assert.equal(keys.length, 12);
  assert.equal(keys[0], '2025-12-05/2026-01-04');
  assert.equal(keys[2], '2026-02-05/2026-03-04');
  assert.equal(keys[11], '2026-11-05/2026-12-04');
  // March's dossiers fall on both sides of the 5th; every one is in a bucket.
  assert.equal(r.figures.series.reduce((n, p) => n + p.received, 0), r.figures.received);
  assert.ok((r.figures.series[2]?.received ?? 0) > 0 && (r.figures.series[3]?.received ?? 0) > 0);
  assert.equal(bucketLabel('vi', keys[0] ?? ''), '05/12–04/01');
  assert.equal(bucketLabel('en', keys[0] ?? ''), '05/12–04/01', 'one way of writing dates in both languages');
  // A period from a 1st keeps calendar months.
  assert.equal((await qualityFigures(app.platform, wardA, parseQualityQuery({ from: '2026-01-01', to: '2026-03-31' }))).figures.series.map((p) => p.key).join(' '), '2026-01 2026-02 2026-03');
});
