import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { invalidateUnitCache } from './service.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> & { items?: Record<string, unknown>[] } }> {
  const res = await app.server.inject({ url });
  return { status: res.statusCode, body: res.json() };
}

const codes = (items: Record<string, unknown>[] | undefined): unknown[] => (items ?? []).map((i) => i.code);

test('GET /api/v1/units?parent=01 gives Hà Nội’s 126 units, compactly', async () => {
  const { status, body } = await get('/api/v1/units?parent=01');
  assert.equal(status, 200);
  assert.equal(body.total, 126);
  assert.equal(body.items?.length, 126);
  assert.deepEqual(body.parent, { code: '01', type: 'thanh-pho', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', fullNameEn: 'Ha Noi City' });
  assert.deepEqual(body.items?.find((i) => i.code === '00070'), {
    code: '00070',
    type: 'phuong',
    name: 'Hoàn Kiếm',
    fullName: 'Phường Hoàn Kiếm',
    fullNameEn: 'Hoan Kiem Ward',
  });
  assert.equal((await get('/api/v1/units?parent=01&type=xa')).body.total, 75);
  assert.equal((await get('/api/v1/units?parent=01&type=phuong')).body.total, 51);
});

test('without a parent the list is the 34 provinces', async () => {
  const { body } = await get('/api/v1/units');
  assert.equal(body.total, 34);
  assert.equal(body.parent, null);
  assert.ok(codes(body.items).includes('01'));
  assert.ok(body.items?.every((i) => i.type === 'tinh' || i.type === 'thanh-pho'));
});

test('search needs no accents and tolerates small typos', async () => {
  for (const q of ['hoan kiem', 'Hoàn Kiếm', 'hoan kiêm', 'HOÀN KIẾM', 'phường hoàn kiếm', 'hoam kiem', 'hoankiem', 'hoan kiemm']) {
    const { status, body } = await get(`/api/v1/units?parent=01&q=${encodeURIComponent(q)}`);
    assert.equal(status, 200, q);
    assert.equal(body.items?.[0]?.code, '00070', `"${q}" finds Phường Hoàn Kiếm first`);
  }
  // An exact name finds only itself, not every similar one.
  assert.deepEqual(codes((await get(`/api/v1/units?parent=01&q=${encodeURIComponent('Hoàn Kiếm')}`)).body.items), ['00070']);
  // Đ folds to d.
  assert.ok(codes((await get('/api/v1/units?parent=01&q=ba%20dinh')).body.items).includes('00004'));
  assert.equal((await get('/api/v1/units?parent=01&q=zzzzqqq')).body.total, 0);
});

test('a unit with its former units, agencies and what it was formed from', async () => {
  const { status, body } = await get('/api/v1/units/00097');
  assert.equal(status, 200);
  const unit = body.unit as Record<string, unknown>;
  assert.equal(unit.fullName, 'Phường Hồng Hà');
  assert.equal(unit.type, 'phuong');
  assert.equal(unit.typeName, 'Phường');
  assert.match(String(unit.formedFrom), /Phúc Xá/);
  assert.equal((body.parent as Record<string, unknown>).code, '01');
  const former = body.formerUnits as Record<string, unknown>[];
  const phucXa = former.find((f) => f.oldCode === '00001');
  assert.deepEqual([phucXa?.oldName, phucXa?.oldDistrictName, phucXa?.mergeType], ['Phường Phúc Xá', 'Quận Ba Đình', 'full']);
  const agencies = body.agencies as Record<string, unknown>[];
  assert.deepEqual(agencies.map((a) => a.kind), ['commune_committee']);
  assert.equal(agencies[0]?.name, 'Ủy ban nhân dân phường Hồng Hà');
});

test('old → new: Phường Phúc Xá is today Phường Hồng Hà, by name or code', async () => {
  for (const old of ['Phường Phúc Xá', 'phuc xa', 'Phúc Xá', '00001']) {
    const { status, body } = await get(`/api/v1/units/history?old=${encodeURIComponent(old)}`);
    assert.equal(status, 200, old);
    const first = body.items?.[0] as { oldCode: string; successors: { code: string; fullName: string; mergeType: string }[] };
    assert.equal(first.oldCode, '00001', old);
    assert.deepEqual(first.successors.map((s) => [s.code, s.fullName, s.mergeType]), [['00097', 'Phường Hồng Hà', 'full']]);
  }
  // A former unit split between several new ones lists them all (Cống Vị went partly into Ngọc Hà and Giảng Võ).
  const split = (await get('/api/v1/units/history?old=00007')).body.items?.[0] as { successors: { code: string }[] };
  assert.ok(split.successors.length >= 2);
  assert.ok(split.successors.some((s) => s.code === '00008'));
  const none = await get('/api/v1/units/history?old=khong%20co%20dau');
  assert.equal(none.status, 200);
  assert.equal(none.body.items?.length, 0);
  const missing = await get('/api/v1/units/history');
  assert.equal(missing.status, 400);
  assert.equal((missing.body.error as { code: string }).code, 'OLD_QUERY_REQUIRED');
});

test('unknown and malformed codes get 404 and 400 with Vietnamese and English messages', async () => {
  const unknown = await get('/api/v1/units/99999');
  assert.equal(unknown.status, 404);
  const e = unknown.body.error as { code: string; message: { vi: string; en: string } };
  assert.equal(e.code, 'UNIT_NOT_FOUND');
  assert.match(e.message.vi, /Không tìm thấy/);
  assert.match(e.message.en, /No administrative unit/);
  const bad = await get('/api/v1/units/12ab');
  assert.equal(bad.status, 400);
  assert.equal((bad.body.error as { code: string }).code, 'UNIT_CODE_MALFORMED');
  assert.equal((await get('/api/v1/units?parent=99')).status, 404);
  assert.equal((await get('/api/v1/units?parent=1x')).status, 400);
  assert.equal(((await get('/api/v1/units?parent=01&type=quan')).body.error as { code: string }).code, 'UNIT_TYPE_UNKNOWN');
  const long = await get(`/api/v1/units?parent=01&q=${'a'.repeat(101)}`);
  assert.equal(long.status, 400);
  assert.equal((long.body.error as { code: string }).code, 'QUERY_TOO_LONG');
});

test('agencies: list with filters, one by identifier or id', async () => {
  const all = await get('/api/v1/agencies');
  assert.equal(all.status, 200);
  assert.equal(all.body.total, 145);
  assert.equal(all.body.items?.[0]?.code, '000.00.00.H26');
  const city = await get('/api/v1/agencies?unit=01');
  assert.equal(city.body.total, 19);
  const ward = await get('/api/v1/agencies?unit=00070');
  assert.deepEqual(ward.body.items?.map((a) => [a.name, a.unitName]), [['Ủy ban nhân dân phường Hoàn Kiếm', 'Phường Hoàn Kiếm']]);
  assert.equal((await get('/api/v1/agencies?kind=commune_committee')).body.total, 126);
  assert.deepEqual(codes((await get('/api/v1/agencies?q=tu%20phap')).body.items), ['000.00.03.H26']);
  const one = await get('/api/v1/agencies/000.00.03.H26');
  assert.equal(one.status, 200);
  assert.equal(one.body.name, 'Sở Tư pháp');
  assert.equal((await get(`/api/v1/agencies/${String(one.body.id)}`)).body.code, '000.00.03.H26');
  const unknown = await get('/api/v1/agencies/000.00.98.H26');
  assert.equal(unknown.status, 404);
  assert.equal((unknown.body.error as { code: string }).code, 'AGENCY_NOT_FOUND');
  assert.equal((await get('/api/v1/agencies/xyz')).status, 400);
  assert.equal((await get('/api/v1/agencies?kind=ministry')).status, 400);
});

test('the API is in the OpenAPI document under the tag units', async () => {
  const doc = app.server.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
  for (const path of ['/api/v1/units', '/api/v1/units/{code}', '/api/v1/units/history', '/api/v1/agencies', '/api/v1/agencies/{code}']) {
    assert.deepEqual(doc.paths[path]?.get?.tags, ['units'], path);
  }
});

test('a kept list answers with the same JSON each time, and an import (which drops the cache) shows at once', async () => {
  const first = await app.server.inject({ url: '/api/v1/units?parent=01' });
  const again = await app.server.inject({ url: '/api/v1/units?parent=01' });
  assert.equal(again.body, first.body);
  assert.match(String(again.headers['content-type']), /^application\/json; charset=utf-8/);
  const db = app.database.db;
  await sql`insert into units (code, parent_code, level, unit_type, name, full_name) values ('99997', '01', 'commune', 'Xã', 'Kiểm Thử', 'Xã Kiểm Thử')`.execute(db);
  try {
    invalidateUnitCache();
    const after = await get('/api/v1/units?parent=01');
    assert.equal(after.body.total, 127);
    assert.ok(codes(after.body.items).includes('99997'));
  } finally {
    await sql`delete from units where code = '99997'`.execute(db);
    invalidateUnitCache();
  }
  assert.equal((await get('/api/v1/units?parent=01')).body.total, 126);
});
