import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase } from '../../platform/testing/database.ts';
import type { Database } from '../../platform/db/index.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { readProcedureFile, type RawRecord } from './reader.ts';
import { findVersionInForce, getProcedure, publishServiceConfig } from './service.ts';
import { importForTest, recordsFor, SAMPLE_CODES } from './testing.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

const admin = { id: 1, username: 'quantri', displayName: 'Quản trị', kind: 'staff' as const, roles: ['admin' as const], agencyId: null, agencyName: null };
const versionCount = async (): Promise<number> =>
  (await sql<{ n: number }>`select count(*)::int as n from procedure_versions`.execute(database.db)).rows[0]?.n ?? -1;
const updatedAt = async (code: string): Promise<string> =>
  (await sql<{ t: string }>`select updated_at::text as t from procedures where code = ${code}`.execute(database.db)).rows[0]?.t ?? '';

test('an import creates version 1 of each procedure; importing the same content again changes nothing', async () => {
  const first = await importForTest(database.db, recordsFor(SAMPLE_CODES));
  assert.deepEqual([first.total, first.created, first.updated, first.unchanged, first.failed.length], [SAMPLE_CODES.length, SAMPLE_CODES.length, 0, 0, 0]);
  const p = await getProcedure(database.db, '3.000347');
  assert.deepEqual([p.version, p.currentVersion, p.effectiveFrom, p.versions.length], [1, 1, '2026-01-01', 1]);
  assert.equal(p.onlineLevel, 'partial', 'an online channel gives "một phần"');
  assert.equal((await getProcedure(database.db, '1.000178')).onlineLevel, null, 'no online channel, no online level');
  assert.equal(p.eform, null);

  const audits = (await listAudit(database.db, { entity: 'procedure_catalogue' })).length;
  const versions = await versionCount();
  const stamp = await updatedAt('3.000347');
  const again = await importForTest(database.db, recordsFor(SAMPLE_CODES), '2026-02-01');
  assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, SAMPLE_CODES.length]);
  assert.equal(await versionCount(), versions, 'no version written');
  assert.equal(await updatedAt('3.000347'), stamp, 'no procedure touched');
  assert.equal((await listAudit(database.db, { entity: 'procedure_catalogue' })).length, audits, 'no audit row for an import that changed nothing');
});

test('changed content makes version 2 effective from the given date; version 1 is kept for dossiers received before', async () => {
  const [changed] = recordsFor(['3.000347']) as [RawRecord];
  (changed.data as Record<string, string>).thoi_han_giai_quyet = '7 Ngày làm việc';
  const report = await importForTest(database.db, [changed, ...recordsFor(['3.000346'])], '2026-09-01');
  assert.deepEqual([report.created, report.updated, report.unchanged], [0, 1, 1]);

  const p = await getProcedure(database.db, '3.000347');
  assert.deepEqual([p.version, p.effectiveFrom, p.processingTime.amount], [2, '2026-09-01', 7]);
  assert.deepEqual(
    p.versions.map((v) => [v.version, v.effectiveFrom]),
    [
      [2, '2026-09-01'],
      [1, '2026-01-01'],
    ],
  );
  assert.equal((await findVersionInForce(database.db, '3.000347', '2026-08-31'))?.processingTime.amount, 5);
  assert.equal((await findVersionInForce(database.db, '3.000347', '2026-09-01'))?.processingTime.amount, 7);
  assert.equal(await findVersionInForce(database.db, '3.000347', '2025-12-31'), undefined);

  const [row] = await listAudit(database.db, { entity: 'procedure_catalogue' });
  assert.equal(row?.action, 'procedures.import');
  assert.deepEqual((row?.data as { updated: string[] }).updated, ['3.000347']);
});

test('a new version may not take effect before the current one', async () => {
  const [changed] = recordsFor(['3.000347']) as [RawRecord];
  (changed.data as Record<string, string>).thoi_han_giai_quyet = '9 Ngày làm việc';
  const versions = await versionCount();
  const report = await importForTest(database.db, [changed], '2026-06-01');
  assert.equal(report.failed.length, 1);
  assert.match(report.failed[0]?.reason ?? '', /before the current version's \(2026-09-01\)/);
  assert.equal(await versionCount(), versions);
});

test('a CSV without the long columns keeps them from the current version', async () => {
  const columns = ['ma_thu_tuc', 'ten_thu_tuc', 'linh_vuc', 'kenh_nop', 'co_nop_truc_tuyen', 'thoi_han_giai_quyet', 'phi_le_phi', 'thanh_phan_ho_so'];
  const cell = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const rows = recordsFor(['1.001193', '1.000894']).map((r) => {
    const d = r.data as Record<string, unknown>;
    return columns.map((c) => cell(c === 'co_nop_truc_tuyen' ? (d[c] ? 'True' : 'False') : d[c])).join(',');
  });
  const csv = [columns.join(','), ...rows].join('\r\n');
  const same = readProcedureFile(Buffer.from(csv));
  assert.equal(same.format, 'csv');
  assert.deepEqual((await importForTest(database.db, same.records, '2026-03-01')).unchanged, 2);
  const blanks = readProcedureFile(Buffer.from('ma_thu_tuc,ten_thu_tuc,linh_vuc,co_quan_thuc_hien\n1.001193,Thủ tục đăng ký khai sinh,,\n'));
  assert.equal((await importForTest(database.db, blanks.records, '2026-03-01')).unchanged, 1, 'empty cells keep the current values');

  const renamed = readProcedureFile(Buffer.from(csv.replace('Thủ tục đăng ký khai sinh', 'Thủ tục đăng ký khai sinh (sửa đổi)')));
  const report = await importForTest(database.db, renamed.records, '2026-03-01');
  assert.deepEqual([report.updated, report.unchanged], [1, 1]);
  const p = await getProcedure(database.db, '1.001193');
  assert.deepEqual([p.version, p.name], [2, 'Thủ tục đăng ký khai sinh (sửa đổi)']);
  assert.ok(p.steps.length > 0, 'steps kept from version 1');
  assert.ok(p.legalBasis.length > 0, 'legal basis kept from version 1');
});

test('records that are not valid are reported with their line; the others are imported', async () => {
  const good = recordsFor(['2.000815']);
  const file = [
    JSON.stringify({ ma_thu_tuc: 'ABC', ten_thu_tuc: 'Sai mã' }),
    JSON.stringify({ ma_thu_tuc: '9.999001', ten_thu_tuc: '' }),
    '{ not json',
    JSON.stringify({ ma_thu_tuc: '9.999002', ten_thu_tuc: 'Thủ tục thử', kenh_nop: 'Trực tiếp', thoi_han_giai_quyet: 'Trong ngày', phi_le_phi: 'Lệ phí: 50.000 đồng' }),
    JSON.stringify({ ma_thu_tuc: '9.999002', ten_thu_tuc: 'Thủ tục thử lần hai' }),
    JSON.stringify(good[0]?.data),
  ].join('\n');
  const read = readProcedureFile(Buffer.from(file));
  assert.deepEqual(read.errors, [{ line: 3, reason: 'not valid JSON' }]);
  const report = await importForTest(database.db, read.records, '2026-09-02');
  assert.deepEqual(
    report.failed.map((f) => [f.line, f.code]),
    [
      [1, 'ABC'],
      [2, '9.999001'],
      [5, '9.999002'],
    ],
  );
  assert.match(report.failed[2]?.reason ?? '', /duplicate code \(first on line 4\)/);
  assert.equal(report.created, 1);
  const p = await getProcedure(database.db, '9.999002');
  assert.deepEqual([p.processingTime.unit, p.feeRules[0]?.amount_dong, p.channels], ['within_day', 50_000, ['direct']]);
});

test('the report counts, per field, the values that could not be parsed, and lists the processing times still without a unit', async () => {
  // 1.004859 (change of civil status details) says "1" and nothing in its text or the table gives the unit.
  const report = await importForTest(database.db, recordsFor([...SAMPLE_CODES, '1.004859']), '2026-09-02');
  const f = report.fields;
  assert.deepEqual(f.processingTime.sources, { stated: 8, procedure_text: 1, override: 2, none: 2 }, '1.001193 by its steps; 1.000894 and 2.000815 by the table');
  assert.deepEqual(f.processingTime.withoutUnit, ['1.000232', '1.004859']);
  assert.deepEqual(f.processingTime.overridesNotNeeded, []);
  assert.deepEqual(f.processingTime.notOnline, ['1.000232', '1.004859'], 'published online, not offered online: no time limit');
  assert.deepEqual(f.processingTime.overridesUsed, { quoted: 0, unverified: 2 });
  assert.deepEqual([f.processingTime.unparsed, f.processingTime.reasons], [1, { 'no unit': 1 }]);
  assert.ok(f.processingTime.examples.some((e) => e.code === '1.004859' && e.text === '1'));
  assert.ok(f.processingTime.empty >= 2, '2.000815 and 1.000232 say "Không có thông tin"');
  assert.ok(f.fees.examples.some((e) => e.code === '2.000815' && e.reason === 'foreign currency' && e.text === '10 USD(/bản)'));
  assert.equal(f.fees.reasons['foreign currency'], 2, '2.000815 and 1.003460');
  assert.ok(f.documents.examples.some((e) => e.code === '1.003460'));
  for (const field of [f.processingTime, f.fees, f.documents]) assert.ok(field.examples.length <= 5);
});

test('an administrator sets "toàn trình" and an e-form as a new version; a later import keeps them', async () => {
  const before = await getProcedure(database.db, '3.000346');
  const eform = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { hoTen: { type: 'string' } } };
  const p = await publishServiceConfig(database.db, admin, '3.000346', { onlineLevel: 'full', eform, workflowRef: 'gplx-cap', effectiveFrom: '2026-10-01' });
  assert.deepEqual([p.version, p.onlineLevel, p.workflowRef, p.contentHash], [before.version + 1, 'full', 'gplx-cap', before.contentHash]);
  assert.deepEqual(p.eform, eform);
  const [audit] = await listAudit(database.db, { entity: 'procedure', entityId: '3.000346' });
  assert.equal(audit?.action, 'procedures.service_config');

  const [changed] = recordsFor(['3.000346']) as [RawRecord];
  (changed.data as Record<string, string>).thoi_han_giai_quyet = '8 Ngày làm việc';
  await importForTest(database.db, [changed], '2026-10-02');
  const after = await getProcedure(database.db, '3.000346');
  assert.deepEqual([after.version, after.onlineLevel, after.workflowRef, after.processingTime.amount], [p.version + 1, 'full', 'gplx-cap', 8]);
  assert.deepEqual(after.eform, eform);

  await assert.rejects(publishServiceConfig(database.db, admin, '1.000178', { onlineLevel: 'full' }), /INVALID_SERVICE_CONFIG/, 'no online channel');
  await assert.rejects(publishServiceConfig(database.db, { ...admin, roles: [] }, '3.000346', { onlineLevel: 'partial' }), /FORBIDDEN/);
});

test('a version stored before fee rules were (migration 0012) has them read from its published text', async () => {
  const before = await getProcedure(database.db, '3.000347');
  await sql`update procedure_versions set fee_rules = null where code = '3.000347'`.execute(database.db);
  const after = await getProcedure(database.db, '3.000347');
  assert.deepEqual(after.feeRules, before.feeRules);
  assert.equal(after.feeRules.length, 2);
});
