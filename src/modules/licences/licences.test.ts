// The licence registry through its services on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): the
// CSV import all or nothing with every bad line named, the officer-only look-up, deductions and the knowledge test,
// the nightly recompute, what the public verification shows, and the licences a citizen may renew.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { staff } from '../documents/testing.ts';
import { citizen, fails } from './testing.ts';
import { Role } from '../../platform/auth/roles.ts';
import { importLicences, licencesOfCitizen, lookupLicence, recomputePoints, recordDeduction, recordTestPassed, verifyLicence } from './index.ts';

const HEADER = 'so,so_dinh_danh,ho_ten,ngay_sinh,hang,hang_cu,ngay_cap,ngay_het_han,han_che';
const TODAY = '2026-12-05';
let app: TestApp;
let officer: SessionUser;
let other: SessionUser;
let lan: SessionUser;

before(async () => {
  app = await testApp();
  officer = (await staff(app, 'gplx.canbo', [Role.licenceOfficer], '000.00.16.H26')).user;
  other = (await staff(app, 'gplx.motcua', [Role.oneStopOfficer, Role.transitOfficer], '000.04.51.H26')).user;
  lan = await citizen(app, 'lan.gplx', '001185004321');
});
after(async () => app?.close());

const count = async () => Number((await sql<{ n: string }>`select count(*)::text as n from licences`.execute(app.database.db)).rows[0]?.n);

test('a file with bad lines imports nothing and names every bad line with its number and reason, in Vietnamese and English', async () => {
  const csv = [
    HEADER,
    '010000000001,001185004321,Nguyễn Thị Lan,1985-04-02,B,,2020-03-14,,',
    '01000000002,001090001234,Trần Minh,1990-01-01,A,,2019-01-01,,',
    '010000000003,001090001234,Trần Minh,1990-01-01,Z9,,2019-01-01,,',
    '010000000004,001090001234,Trần Minh,1990-01-01,A,,2019-13-01,,',
    '010000000001,001090001234,Trần Minh,1990-01-01,A,,2019-01-01,,',
    '"010000000005","001090001234","Trần, Minh",1990-01-01,B2,x,2015-01-01,2014-01-01,',
    '010000000006,001090001234,Trần Minh,1990-01-01,A,,2019-01-01,2029-01-01,',
  ].join('\n');
  const r = await importLicences(app.platform, officer, csv, { today: TODAY });
  assert.equal(r.ok, false);
  const errors = r.ok ? [] : r.errors;
  const lines = [...new Set(errors.map((e) => e.line))];
  assert.deepEqual(lines, [3, 4, 5, 6, 7, 8]);
  const on = (line: number) => errors.filter((e) => e.line === line).map((e) => e.message.en).join(' | ');
  assert.match(on(3), /exactly 12 digits/);
  assert.match(on(4), /class "Z9" does not exist/);
  assert.match(on(5), /issue date "2019-13-01"/);
  assert.match(on(6), /repeats line 2/);
  assert.match(on(7), /expiry date must be after the issue date/);
  assert.match(on(8), /class A does not expire/);
  assert.ok(errors.every((e) => e.message.vi.length > 0 && e.message.en.length > 0));
  assert.match(errors.find((e) => e.line === 4)!.message.vi, /không có trong Luật 36\/2024/);
  assert.equal(await count(), 0, 'nothing was imported');
  const noHeader = await importLicences(app.platform, officer, '010000000001,001185004321,Lan,1985-04-02,B,,2020-03-14,,', { today: TODAY });
  assert.ok(!noHeader.ok && noHeader.errors[0]?.line === 1 && /header/.test(noHeader.errors[0].message.en));
});

test('a good file imports every line; expiry computed from the class; a number already held is refused on its line', async () => {
  const csv = [
    HEADER,
    '010000000001,001185004321,Nguyễn Thị Lan,1985-04-02,B,,2020-03-14,,',
    '010000000002,001185004321,Nguyễn Thị Lan,1985-04-02,A,,2018-06-01,,',
    '"010000000003","001090001234","Trần Minh",1990-01-01,B2,x,2015-01-01,2025-01-01,"Chỉ xe số tự động, không kéo rơ-moóc"',
    '790000000004,079090001111,Phạm Văn Tư,1990-01-01,D,,2025-02-01,,',
  ].join('\r\n');
  await assert.rejects(importLicences(app.platform, other, csv, { today: TODAY }), fails('FORBIDDEN'));
  await assert.rejects(importLicences(app.platform, lan, csv, { today: TODAY }), fails('FORBIDDEN'));
  assert.deepEqual(await importLicences(app.platform, officer, csv, { today: TODAY }), { ok: true, imported: 4 });
  const v = await lookupLicence(app.platform, officer, '010000000001', { today: TODAY });
  assert.equal(v.licence.expires_on, '2030-03-14', 'class B runs 10 years');
  assert.equal(v.validity, 'valid');
  assert.equal(v.province, 'Hà Nội');
  assert.equal((await lookupLicence(app.platform, officer, '010000000002', { today: TODAY })).licence.expires_on, null);
  const old = await lookupLicence(app.platform, officer, '0100 0000 0003', { today: TODAY });
  assert.deepEqual([old.licence.licence_class, old.licence.old, old.validity], ['B2', true, 'expired']);
  assert.equal(old.licence.restriction, 'Chỉ xe số tự động, không kéo rơ-moóc');
  assert.equal((await lookupLicence(app.platform, officer, '790000000004', { today: TODAY })).licence.expires_on, '2030-02-01');
  const again = await importLicences(app.platform, officer, `${HEADER}\n010000000002,001185004321,Nguyễn Thị Lan,1985-04-02,A,,2018-06-01,,`, { today: TODAY });
  assert.ok(!again.ok && again.errors[0]?.line === 2 && /already in the registry/.test(again.errors[0].message.en));
  assert.equal((await listAudit(app.database.db, { action: 'licences.import' })).length, 1);
});

test('the look-up is the licence officer’s only: other staff and citizens are refused; an unknown number is a 404', async () => {
  await assert.rejects(lookupLicence(app.platform, other, '010000000001'), fails('FORBIDDEN'));
  await assert.rejects(lookupLicence(app.platform, lan, '010000000001'), fails('FORBIDDEN'));
  await assert.rejects(lookupLicence(app.platform, null, '010000000001'), fails('UNAUTHENTICATED'));
  await assert.rejects(lookupLicence(app.platform, officer, '019999999999'), fails('NOT_FOUND'));
  await assert.rejects(lookupLicence(app.platform, officer, '12'), fails('INVALID'));
});

test('deductions: 2, 4, 6 or 10 points once per decision, the cached points updated with an audit row; refusals change nothing', async () => {
  const deduct = (body: Record<string, string>, who = officer) => recordDeduction(app.platform, who, '010000000001', body, { today: TODAY });
  await assert.rejects(deduct({ decision: 'QĐ 1/XP', points: '4', effectiveOn: '2026-03-10' }, other), fails('FORBIDDEN'));
  await assert.rejects(recordDeduction(app.platform, officer, '019999999999', { decision: 'QĐ 1/XP', points: '4', effectiveOn: '2026-03-10' }), fails('NOT_FOUND'));
  await assert.rejects(deduct({ decision: 'QĐ 1/XP', points: '3', effectiveOn: '2026-03-10' }), (e: unknown) => fails('INVALID')(e) && (e as { fields: { field: string }[] }).fields[0]?.field === 'points');
  await assert.rejects(deduct({ decision: 'QĐ 1/XP', points: '4', effectiveOn: '2027-01-01' }), fails('INVALID'));
  assert.equal((await deduct({ decision: 'QĐ 1/XP', points: '4', effectiveOn: '2026-03-10' })).points, 8);
  await assert.rejects(deduct({ decision: 'QĐ 1/XP', points: '6', effectiveOn: '2026-04-10' }), fails('DUPLICATE_DECISION'));
  const state = await deduct({ decision: 'QĐ 2/XP', points: '6', effectiveOn: '2026-11-01' });
  assert.deepEqual([state.points, state.restoresOn], [2, '2027-11-01']);
  const cached = await sql<{ points: number }>`select points from licences where number = '010000000001'`.execute(app.database.db);
  assert.equal(Number(cached.rows[0]?.points), 2);
  const v = await lookupLicence(app.platform, officer, '010000000001', { today: TODAY });
  assert.deepEqual(v.events.map((e) => [e.effective_on, e.points, e.decision]), [['2026-03-10', 4, 'QĐ 1/XP'], ['2026-11-01', 6, 'QĐ 2/XP']]);
  assert.equal((await listAudit(app.database.db, { action: 'licences.deduction' })).length, 2);
});

test('at zero: no driving; the knowledge test is refused before 6 months with the day it is allowed from, then restores 12', async () => {
  const n = '010000000002';
  await assert.rejects(recordTestPassed(app.platform, officer, n, { testOn: '2026-05-01' }, { today: TODAY }), fails('NOT_AT_ZERO'));
  await recordDeduction(app.platform, officer, n, { decision: 'QĐ 10/XP', points: '10', effectiveOn: '2026-05-01' }, { today: TODAY });
  const zero = await recordDeduction(app.platform, officer, n, { decision: 'QĐ 11/XP', points: '4', effectiveOn: '2026-06-15' }, { today: TODAY });
  assert.deepEqual([zero.points, zero.canDrive, zero.testFrom], [0, false, '2026-12-15']);
  assert.equal((await lookupLicence(app.platform, officer, n, { today: TODAY })).validity, 'no-points');
  await assert.rejects(recordTestPassed(app.platform, officer, n, { testOn: '2026-12-01' }, { today: TODAY }), (e: unknown) => {
    fails('TEST_TOO_EARLY')(e);
    assert.match((e as { text: { vi: string; en: string } }).text.vi, /15\/12\/2026/);
    assert.match((e as { text: { en: string } }).text.en, /2026-12-15/);
    return true;
  });
  assert.equal((await sql<{ n: string }>`select count(*)::text as n from licence_points_events e join licences l on l.id = e.licence_id where l.number = ${n}`.execute(app.database.db)).rows[0]?.n, '2', 'nothing was added');
  const later = '2027-01-10';
  const back = await recordTestPassed(app.platform, officer, n, { testOn: '2027-01-05' }, { today: later });
  assert.equal(back.points, 12);
  assert.equal((await lookupLicence(app.platform, officer, n, { today: later })).validity, 'valid');
});

test('recomputePoints: chunked, set-based; time restores 12 after 12 months; only changed licences are written', async () => {
  // The licence with 2 points left since 2026-11-01 gets 12 back on 2027-11-01.
  const before = await recomputePoints(app.platform, '2027-10-31', { chunk: 2 });
  assert.equal(before.licences, 4);
  assert.ok(before.chunks >= 2);
  assert.equal(before.changed, 0);
  const r = await recomputePoints(app.platform, '2027-11-01', { chunk: 2 });
  assert.equal(r.changed, 1);
  const rows = (await sql<{ number: string; points: number }>`select number, points from licences order by number`.execute(app.database.db)).rows.map((x) => [x.number, Number(x.points)]);
  assert.deepEqual(rows, [['010000000001', 12], ['010000000002', 12], ['010000000003', 12], ['790000000004', 12]]);
  // A cached value that went wrong (e.g. written by hand) is put right.
  await sql`update licences set points = 5 where number = '790000000004'`.execute(app.database.db);
  assert.equal((await recomputePoints(app.platform, '2027-11-01')).changed, 1);
});

test('the public verification: validity and class only, by the random token; an unknown token finds nothing', async () => {
  const l = (await lookupLicence(app.platform, officer, '010000000003', { today: TODAY })).licence;
  assert.ok(!l.verify_token.includes(l.number));
  const v = await verifyLicence(app.platform, l.verify_token, { today: TODAY });
  assert.deepEqual(v, { validity: 'expired', licenceClass: 'B2', old: true, expiresOn: '2025-01-01', last4: '0003', checkedOn: TODAY });
  assert.equal(await verifyLicence(app.platform, 'A'.repeat(32)), undefined);
  assert.equal(await verifyLicence(app.platform, "' or 1=1 --"), undefined);
});

test('licencesOfCitizen: the licences a citizen holds, each with what a renewal needs', async () => {
  const held = await licencesOfCitizen(app.platform, lan.id, { today: TODAY });
  assert.deepEqual(held.map((h) => h.number).sort(), ['010000000001', '010000000002']);
  const b = held.find((h) => h.number === '010000000001')!;
  assert.ok(b.renewal.ok && b.renewal.to === 'B' && b.renewal.healthCertificate && b.renewal.test === 'none');
  const a = held.find((h) => h.number === '010000000002')!;
  assert.ok(!a.renewal.ok && a.renewal.code === 'NO_EXPIRY');
  assert.deepEqual(await licencesOfCitizen(app.platform, 999_999), []);
});
