// Search over the whole shipped catalogue (2,642 procedures): what a citizen types must find the right procedure
// near the top, with or without accents, with typos and with everyday words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import type { Database } from '../../platform/db/index.ts';
import { searchProcedures, expandQuery } from './search.ts';
import { seedSynonyms, termKeyOf } from './synonyms.ts';
import { setSetting } from '../../platform/db/index.ts';
import { invalidate } from './cache.ts';
import { seedProceduresDemo, seedProceduresReference } from './seed.ts';
import { countProcedures } from './service.ts';
import { proceduresDb } from './repo.ts';
import { synonymsRepo } from './synonyms-repo.ts';

let app: TestApp;
let database: Database;
before(async () => {
  // testApp seeds the reference data (the synonyms); the demo seed brings the whole shipped catalogue.
  app = await testApp();
  database = app.database;
  await seedProceduresDemo(app.platform);
});
after(async () => {
  await app.close();
});

test('the demo seed imported the shipped catalogue once; seeding again changes nothing', async () => {
  assert.equal(await countProcedures(database.db), 2642);
  await seedProceduresDemo(app.platform);
  assert.equal(await countProcedures(database.db), 2642);
});

test('seed synonyms are added once: one an administrator removed stays removed', async () => {
  const pdb = proceduresDb(database.db);
  const all = await synonymsRepo.list(pdb);
  assert.ok(all.length >= 20);
  const gplx = all.find((s) => s.term === 'GPLX');
  assert.ok(gplx);
  await synonymsRepo.delete(pdb, gplx.id);
  await seedProceduresReference(app.platform);
  assert.equal((await synonymsRepo.list(pdb)).length, all.length - 1);
  await synonymsRepo.insert(pdb, { term: gplx.term, termKey: gplx.termKey, expansion: gplx.expansion, createdBy: null });
});

test('a database seeded before the list grew gets the new synonyms once, and the more precise expansions where the old ones stand', async () => {
  const db = database.db;
  const pdb = proceduresDb(db);
  const byTerm = async () => new Map((await synonymsRepo.list(pdb)).map((s) => [s.term, s]));
  const before = await byTerm();
  const english = ['building permit', 'ID card', 'giấy khai sinh'].map((t) => before.get(t));
  for (const s of english) if (s) await synonymsRepo.delete(pdb, s.id);
  await synonymsRepo.replaceSeeded(pdb, termKeyOf('giấy phép xây dựng'), 'cấp giấy phép xây dựng mới nhà ở riêng lẻ', 'cấp giấy phép xây dựng');
  await setSetting(db, 'procedures.synonyms_seeded', true);
  invalidate(db, 'synonyms');

  await seedSynonyms(db);
  const after = await byTerm();
  assert.equal(after.size, before.size);
  assert.equal(after.get('building permit')?.expansion, 'issue of a construction permit for new individual houses');
  assert.equal(after.get('giấy phép xây dựng')?.expansion, 'cấp giấy phép xây dựng mới nhà ở riêng lẻ');
  await seedSynonyms(db);
  assert.equal((await synonymsRepo.list(pdb)).length, before.size, 'offered once');
});

async function top(q: string, n = 5, extra: Parameters<typeof searchProcedures>[1] = {}): Promise<string[]> {
  const r = await searchProcedures(database.db, { q, limit: n, ...extra });
  return r.items.map((i) => i.code);
}

test('the driving-licence renewal, typed with or without accents, with the everyday word or the official one', async () => {
  for (const q of ['đổi bằng lái xe', 'doi bang lai xe', 'đổi giấy phép lái xe', 'DOI GPLX']) {
    assert.equal((await top(q, 3))[0], '3.000347', q);
  }
  assert.ok((await top('giay phep lai xe', 5)).includes('3.000346'), 'cấp giấy phép lái xe');
  assert.ok((await top('giấy pép lái xe', 5)).includes('3.000347'), 'a typo in one word');
  assert.ok((await top('doi giay phep lai se', 5)).includes('3.000347'), 'a typo in another');
});

test('passports, civil status, residence and certified copies', async () => {
  const passport = await top('cap lai ho chieu', 3);
  assert.ok(passport.length === 3 && passport.every((c) => ['1.014901', '1.014905', '1.001456', '1.001471'].includes(c)), passport.join());
  assert.equal((await top('đăng ký khai sinh', 1))[0], '1.001193');
  assert.equal((await top('khai sinh', 1))[0], '1.001193');
  assert.equal((await top('kết hôn', 1))[0], '1.000894');
  assert.equal((await top('nhập hộ khẩu', 1))[0], '1.004222');
  assert.equal((await top('đăng ký thường trú', 1))[0], '1.004222');
  assert.equal((await top('sao y', 1))[0], '2.000815');
  assert.ok((await top('cccd', 5)).some((c) => ['1.014063', '1.014064', '1.000889'].includes(c)), 'căn cước');
});

test('"sổ đỏ" finds the land-use-right certificates', async () => {
  const r = await searchProcedures(database.db, { q: 'sổ đỏ', limit: 5 });
  assert.deepEqual(r.expanded, [{ term: 'sổ đỏ', expansion: 'giấy chứng nhận quyền sử dụng đất' }]);
  assert.ok(r.items.length === 5);
  for (const i of r.items.slice(0, 3)) assert.match(i.name, /Giấy chứng nhận quyền sử dụng đất/i);
  assert.ok(r.items.some((i) => i.code === '1.012783'), 'cấp đổi Giấy chứng nhận quyền sử dụng đất');
});

test('filters by field, agency, level and online channel; pages do not overlap', async () => {
  const civil = await searchProcedures(database.db, { q: 'đăng ký', field: 'Hộ tịch', limit: 100 });
  assert.ok(civil.total > 5 && civil.items.every((i) => i.field === 'Hộ tịch'));
  const police = await searchProcedures(database.db, { agency: 'Bộ Công an', limit: 10 });
  assert.ok(police.total >= 300);
  assert.ok((await searchProcedures(database.db, { q: 'đổi giấy phép lái xe', agency: 'Bộ Tư pháp' })).items.every((i) => i.code !== '3.000347'));
  const commune = await searchProcedures(database.db, { level: 'commune', limit: 100 });
  assert.ok(commune.items.every((i) => i.levels.includes('commune')));
  const offline = await searchProcedures(database.db, { online: 'no', limit: 100 });
  // "Online" is onlineSubmission(): an online channel and a time limit the calendar counts (migration 0022).
  const online = (await searchProcedures(database.db, { online: 'yes', limit: 1 })).total;
  assert.equal(online, 1840);
  assert.ok(offline.total === 2642 - online && offline.items.every((i) => !i.online));
  assert.equal((await searchProcedures(database.db, { online: 'full', limit: 1 })).total, 0, 'no procedure is toàn trình until set');

  const first = await searchProcedures(database.db, { q: 'giấy phép', limit: 20, offset: 0 });
  const second = await searchProcedures(database.db, { q: 'giấy phép', limit: 20, offset: 20 });
  assert.equal(first.total, second.total);
  const seen = new Set(first.items.map((i) => i.code));
  assert.ok(second.items.every((i) => !seen.has(i.code)), 'no procedure on two pages');
  const beyond = await searchProcedures(database.db, { q: 'giấy phép', limit: 20, offset: 5000 });
  assert.deepEqual([beyond.items.length, beyond.total], [0, first.total]);
});

test('codes, browsing and queries that find nothing', async () => {
  assert.deepEqual(await top('1.001193'), ['1.001193']);
  const prefix = await searchProcedures(database.db, { q: '3.00034', limit: 20 });
  assert.ok(prefix.items.every((i) => i.code.startsWith('3.00034')) && prefix.total >= 8);
  const browse = await searchProcedures(database.db, { limit: 5 });
  assert.equal(browse.total, 2642);
  assert.equal((await searchProcedures(database.db, { q: 'xyzzy qwerty', limit: 5 })).total, 0);
  await assert.rejects(searchProcedures(database.db, { limit: 0 }), /INVALID_LIMIT/);
  await assert.rejects(searchProcedures(database.db, { limit: 101 }), /INVALID_LIMIT/);
  await assert.rejects(searchProcedures(database.db, { q: 'x'.repeat(201) }), /QUERY_TOO_LONG/);
});

test('synonym terms are matched as whole words, longest first', () => {
  const s = (term: string, expansion: string, id = 1) => ({ id, term, termKey: termKeyOf(term), expansion, createdBy: null, createdAt: new Date() });
  const synonyms = [s('bằng lái', 'giấy phép lái xe'), s('bằng lái xe', 'giấy phép lái xe', 2), s('CMND', 'căn cước', 3)];
  assert.equal(expandQuery('doi bang lai xe', synonyms).key, 'doi giay phep lai xe');
  assert.equal(expandQuery('cap lai cmnd', synonyms).key, 'cap lai can cuoc');
  assert.equal(expandQuery('cmnda', synonyms).used.length, 0);
});
