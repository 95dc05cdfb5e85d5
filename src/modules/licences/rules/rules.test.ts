import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASSES, CONVERSIONS, expiryOf, needsHealthCertificate, renewedClass, validityYears } from './classes.ts';
import { parseLicenceNumber } from './number.ts';
import { pointsOn, type PointsEvent } from './points.ts';
import { renewalPath } from './renewal.ts';

test('classes of Law 36/2024: A1, A, B1 never expire; B and C1 run 10 years; the rest 5', () => {
  assert.equal(CLASSES.length, 15);
  assert.deepEqual(CLASSES.filter((c) => validityYears(c) === null), ['A1', 'A', 'B1']);
  assert.deepEqual(CLASSES.filter((c) => validityYears(c) === 10), ['B', 'C1']);
  assert.equal(CLASSES.filter((c) => validityYears(c) === 5).length, 10);
  assert.equal(expiryOf('B', '2025-03-14'), '2035-03-14');
  assert.equal(expiryOf('D', '2024-02-29'), '2029-02-28');
  assert.equal(expiryOf('A', '2025-03-14'), null);
  assert.deepEqual(CLASSES.filter((c) => !needsHealthCertificate(c)), ['A1', 'A', 'B1']);
});

test("the conversion table: every old class of TRANSPORT.md §4 renews into the law's new class", () => {
  const table: [string, string[]][] = [['A2', ['A']], ['A3', ['B1']], ['B1', ['B', 'C1']], ['B2', ['B', 'C1']], ['C', ['C']], ['D', ['D2']], ['E', ['D']], ['FB2', ['BE', 'C1E']], ['FC', ['CE']], ['FD', ['D2E']], ['FE', ['DE']]];
  for (const [from, to] of table) {
    assert.deepEqual(CONVERSIONS.find((c) => c.from === from)?.to, to, from);
    for (const wanted of to) assert.deepEqual(renewedClass(from, wanted, true), { ok: true, to: wanted }, `${from} → ${wanted}`);
    assert.deepEqual(renewedClass(from, undefined, true), { ok: true, to: to[0] }, `${from} by default`);
  }
  const b2 = renewedClass('B2', 'D', true);
  assert.ok(!b2.ok && /B2 chỉ đổi sang B hoặc C1/.test(b2.message.vi));
  const a1 = renewedClass('A1', undefined, true);
  assert.ok(a1.ok && a1.to === 'A' && /175/.test(a1.restriction?.vi ?? ''));
  assert.ok(!renewedClass('A4', undefined, true).ok);
  assert.ok(!renewedClass('Z9', undefined, true).ok);
  assert.deepEqual(renewedClass('CE'), { ok: true, to: 'CE' }, 'a new class renews into itself');
});

test('a licence number: 12 digits opening with the issuing province', () => {
  assert.deepEqual(parseLicenceNumber('010123456789'), { ok: true, number: '010123456789', province: 'Hà Nội' });
  assert.deepEqual(parseLicenceNumber('79 0123 456 789'), { ok: true, number: '790123456789', province: 'Hồ Chí Minh' });
  for (const bad of ['01012345678', '0101234567890', 'AB0123456789', '', null, 42]) assert.ok(!parseLicenceNumber(bad).ok, String(bad));
  const noProvince = parseLicenceNumber('030123456789');
  assert.ok(!noProvince.ok && /"03"/.test(noProvince.message.en));
});

test('the 12-point record: deductions, full restoration after 12 months, zero and the knowledge test after 6 months', () => {
  const d = (on: string, points: number): PointsEvent => ({ kind: 'deduction', on, points, decision: `QĐ-${on}` });
  assert.equal(pointsOn([], '2026-01-01').points, 12);
  const one = [d('2025-03-10', 4)];
  assert.deepEqual({ ...pointsOn(one, '2025-03-10'), ignored: undefined }, { points: 8, canDrive: true, lastDeduction: '2025-03-10', restoresOn: '2026-03-10', testFrom: null, ignored: undefined });
  assert.equal(pointsOn(one, '2026-03-09').points, 8);
  assert.equal(pointsOn(one, '2026-03-10').points, 12, '12 months without a deduction restore all 12');
  // A second deduction within the year restarts the 12 months.
  const two = [d('2025-03-10', 4), d('2025-11-01', 6)];
  assert.equal(pointsOn(two, '2026-03-10').points, 2);
  assert.equal(pointsOn(two, '2026-11-01').points, 12);
  // At zero: no driving, no restoration by time; a test from 6 months on restores 12, an earlier one does not count.
  const zero: PointsEvent[] = [d('2025-01-05', 10), d('2025-02-01', 4), { kind: 'test-passed', on: '2025-06-01' }, { kind: 'test-passed', on: '2025-08-02' }];
  const atZero = pointsOn(zero, '2025-07-01');
  assert.equal(atZero.points, 0);
  assert.equal(atZero.canDrive, false);
  assert.equal(atZero.testFrom, '2025-08-01');
  assert.deepEqual(atZero.ignored.map((i) => i.reason), ['test-too-early']);
  assert.equal(pointsOn(zero, '2027-01-01').points, 12, 'the test passed on 2 August restored 12');
  assert.equal(pointsOn(zero.slice(0, 2), '2027-01-01').points, 0, 'time alone does not restore a licence at zero');
  // Order of the events as stored does not matter.
  assert.deepEqual(pointsOn([...two].reverse(), '2026-01-01'), pointsOn(two, '2026-01-01'));
});

test('a renewal: the test by how long ago it expired, the health certificate by class, refused while a violation is open', () => {
  const base = { number: '010123456789', old: false, violationPending: false };
  assert.deepEqual(renewalPath({ ...base, licenceClass: 'B', expiresOn: '2027-01-01' }, '2026-12-05'), { ok: true, to: 'B', healthCertificate: true, test: 'none', expired: false });
  assert.equal((renewalPath({ ...base, licenceClass: 'B', expiresOn: '2026-01-01' }, '2026-12-05') as { test: string }).test, 'theory');
  assert.equal((renewalPath({ ...base, licenceClass: 'B', expiresOn: '2025-12-05' }, '2026-12-05') as { test: string }).test, 'theory-and-practical');
  const old = renewalPath({ ...base, licenceClass: 'B2', old: true, expiresOn: '2026-06-01' }, '2026-12-05', 'C1');
  assert.deepEqual(old, { ok: true, to: 'C1', healthCertificate: true, test: 'theory', expired: true });
  const a2 = renewalPath({ ...base, licenceClass: 'A2', old: true, expiresOn: null }, '2026-12-05');
  assert.ok(a2.ok && a2.to === 'A' && !a2.healthCertificate);
  const pending = renewalPath({ ...base, licenceClass: 'B', expiresOn: '2026-01-01', violationPending: true }, '2026-12-05');
  assert.ok(!pending.ok && pending.code === 'VIOLATION_PENDING');
  assert.ok(!renewalPath({ ...base, licenceClass: 'A', expiresOn: null }, '2026-12-05').ok);
});
