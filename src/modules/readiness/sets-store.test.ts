// Indicator sets as versioned rows: the shipped sets seeded once, a changed shipped file stored as version 2 while a
// cycle opened on version 1 keeps scoring by it, the reviewing office's import (refusals named by indicator, an audit
// row, the same content refused), a reporter refused, rows that cannot be changed, and the set pages.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { listAudit } from '../../platform/audit/index.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { type TestApp, type TestClient, testApp } from '../../testing/app.ts';
import { postMultipart, Role, staff } from '../documents/testing.ts';
import { openCycle } from './cycle.ts';
import { setOf } from './form.ts';
import { readinessDb } from './repo.ts';
import { scoreUnit } from './scoring.ts';
import { importSet, latestVersion, listSets, seedShippedSets } from './sets-store.ts';
import { loadSet, SHIPPED_SETS } from './sets.ts';
import { tinySet } from './testing.ts';

const CITY = '000.00.00.H26';
const HOAN_KIEM = '000.04.51.H26';
const URL_SETS = '/chuyen-doi-so/bo-chi-so';

let app: TestApp;
let reviewer: { client: TestClient; user: SessionUser };
let reporter: { client: TestClient; user: SessionUser };

const fails = (code: string) => (e: unknown) => {
  assert.equal((e as AppError).code, code, (e as Error).message);
  return true;
};
const countRows = async (id: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from readiness_sets where id = ${id}`.execute(app.database.db)).rows[0]!.n);
const upload = (who: { client: TestClient }, content: string, note = '') =>
  postMultipart(app, who.client, URL_SETS, URL_SETS, { note }, [{ field: 'files.set', name: 'set.json', type: 'application/json', content: Buffer.from(content) }]);

before(async () => {
  app = await testApp();
  reviewer = await staff(app, 'rd_sets_reviewer', [Role.readinessReviewer], CITY);
  reporter = await staff(app, 'rd_sets_reporter', [Role.readinessReporter], HOAN_KIEM);
});
after(async () => app?.close());

test('the shipped sets are seeded once: a second run stores nothing', async () => {
  assert.equal(await countRows('2025-communes'), 1);
  assert.equal(await countRows('2025-departments'), 1);
  await seedShippedSets(app.platform);
  assert.equal(await countRows('2025-communes'), 1);
  const sets = await listSets(app.platform, reviewer.user);
  const communes = sets.find((s) => s.id === '2025-communes')!;
  assert.equal(communes.year, 2025);
  assert.equal(communes.peerGroup, 'commune');
  assert.deepEqual(communes.versions.map((v) => [v.version, v.plausible, v.loaded_by]), [[1, true, null]]);
});

test('a changed shipped file becomes version 2; the cycle opened on version 1 keeps scoring by version 1', async () => {
  const cycle = await openCycle(app.platform, reviewer.user, { setId: '2025-communes', deadline: '2099-12-31' });
  assert.equal(cycle.set_version, 1);
  // The same file laid out differently (keys in another order, other spacing) is the same content.
  const raw = JSON.parse(readFileSync(SHIPPED_SETS['2025-communes'], 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'rd-sets-'));
  writeFileSync(join(dir, 'same.json'), JSON.stringify(Object.fromEntries(Object.entries(raw).reverse()), null, 4));
  await seedShippedSets(app.platform, [join(dir, 'same.json')]);
  assert.equal(await countRows('2025-communes'), 1);
  // A new year's correction: a boolean indicator is worth its points only from 2026 on as a step rule.
  const changed = structuredClone(raw);
  const target = changed.indicators.find((i: { rule: { kind: string } }) => i.rule.kind === 'boolean');
  target.rule = { kind: 'steps', steps: [{ min: 2, points: target.max }] };
  writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
  await seedShippedSets(app.platform, [join(dir, 'changed.json')]);
  await seedShippedSets(app.platform, [join(dir, 'changed.json')]);
  assert.equal(await countRows('2025-communes'), 2);
  const db = readinessDb(app.database.db);
  assert.equal((await latestVersion(db, '2025-communes')).version, 2);
  // Yes (1) scores full points by version 1; by version 2 a value of 1 is below the step.
  const values = { [target.code]: true };
  const byCycle = scoreUnit(await setOf(db, cycle), { unit: 'u', values }).indicators.find((i) => i.code === target.code)!;
  assert.equal(byCycle.points, target.max);
  const byV2 = scoreUnit(await setOf(db, { set_id: '2025-communes', set_version: 2 }), { unit: 'u', values: { [target.code]: 1 } }).indicators.find((i) => i.code === target.code)!;
  assert.equal(byV2.points, 0);
  // The page shows both versions, and version 1 as the shipped file had it.
  const page = await reviewer.client.get(`${URL_SETS}/2025-communes?phien-ban=1`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<option value="1" selected/);
  assert.match(page.body, /<option value="2"/);
});

test('stored rows cannot be changed or deleted', async () => {
  await assert.rejects(sql`update readiness_sets set note = 'x' where id = '2025-communes'`.execute(app.database.db), /never changed/);
  await assert.rejects(sql`delete from readiness_sets where id = '2025-communes'`.execute(app.database.db), /never changed/);
});

test('an import is refused with every issue named by indicator; nothing is stored', async () => {
  const bad = tinySet();
  bad.groups[0]!.max = 70; // G1's indicators add up to 60, and the groups to 110, not 100
  (bad.indicators.find((i) => i.code === 'COMBO')!.rule as { expression: string }).expression = 'MEET / 4 * 10 + NOPE';
  await assert.rejects(importSet(app.platform, reviewer.user, JSON.stringify(bad)), (e: unknown) => {
    const issues = ((e as AppError).details as { issues: { where: string; en: string; vi: string }[] }).issues;
    assert.ok(issues.some((i) => i.where === 'G1' && /add up to 60/.test(i.en) && /khác điểm của nhóm 70/.test(i.vi)), JSON.stringify(issues));
    assert.ok(issues.some((i) => i.where === 'COMBO' && /"NOPE"/.test(i.en)), JSON.stringify(issues));
    return fails('SET_INVALID')(e);
  });
  const res = await upload(reviewer, JSON.stringify(bad), 'Bộ thử <b>');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="set-issues"/);
  assert.match(res.body, /G1: its indicators&#39; maxima add up to 60|G1: tổng điểm tối đa các chỉ số là 60/);
  assert.match(res.body, /COMBO: /);
  assert.match(res.body, /NOPE/);
  assert.match(res.body, /value="Bộ thử &lt;b&gt;"/, 'the note typed is shown back, escaped');
  assert.equal(await countRows('test-tiny'), 0);
  const notJson = await upload(reviewer, '{"id": ');
  assert.equal(notJson.statusCode, 422);
  await assert.rejects(importSet(app.platform, reviewer.user, JSON.stringify({ ...tinySet(), note: { vi: 'a\u0000', en: 'b' } })), fails('SET_INVALID'));
  await assert.rejects(importSet(app.platform, reviewer.user, ''), fails('SET_FILE'));
});

test('the reviewer imports a set: a new version with an audit row; the same content again is refused', async () => {
  const res = await upload(reviewer, JSON.stringify(tinySet()), 'Bộ thử nghiệm');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${URL_SETS}/test-tiny?phien-ban=1&nhap=1`);
  const page = await reviewer.client.get(res.headers.location as string);
  assert.match(page.body, /Đã lưu phiên bản 1 của bộ test-tiny/);
  const again = await upload(reviewer, JSON.stringify(tinySet()));
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /đã được lưu ở một phiên bản trước/);
  const v2 = tinySet();
  v2.indicators[0]!.name.vi = 'Số cuộc họp của Ban chỉ đạo';
  const row = await importSet(app.platform, reviewer.user, JSON.stringify(v2), 'sửa tên');
  assert.deepEqual([row.id, row.version, row.loaded_by, row.note], ['test-tiny', 2, reviewer.user.id, 'sửa tên']);
  const audits = (await listAudit(app.database.db, { action: 'readiness.set_imported' })).filter((a) => a.entityId?.startsWith('test-tiny@'));
  assert.deepEqual(audits.map((a) => a.entityId).sort(), ['test-tiny@1', 'test-tiny@2']);
  // Another year under the same id is refused: a year's set is its own id.
  await assert.rejects(importSet(app.platform, reviewer.user, JSON.stringify({ ...tinySet(), year: 2026 })), fails('SET_INVALID'));
});

test('a reporter sees the sets but cannot import one (403); a signed-out visitor is sent to sign in', async () => {
  const list = await reporter.client.get(URL_SETS);
  assert.equal(list.statusCode, 200);
  assert.doesNotMatch(list.body, /name="files.set"/);
  const res = await upload(reporter, JSON.stringify({ ...tinySet(), id: 'by-reporter' }));
  assert.equal(res.statusCode, 403);
  await assert.rejects(importSet(app.platform, reporter.user, JSON.stringify(tinySet())), fails('FORBIDDEN'));
  assert.equal(await countRows('by-reporter'), 0);
  const anon = await app.client().get(URL_SETS);
  assert.equal(anon.statusCode, 303);
});

test('the set page shows the indicator table by group with the maxima, the figures and the rules', async () => {
  const res = await reporter.client.get(`${URL_SETS}/test-tiny?phien-ban=1`);
  assert.equal(res.statusCode, 200);
  const body = res.body;
  assert.match(body, /<h2 id="group-G1">G1\. Nhóm 1 \(tối đa 60 điểm\)<\/h2>/);
  for (const h of ['STT', 'Chỉ số', 'Điểm tối đa', 'Cách chấm điểm', 'Tài liệu kiểm chứng', 'Nguồn số liệu', 'Đơn vị thẩm định']) assert.ok(body.includes(`>${h}</th>`), h);
  assert.match(body, /MEET — Số cuộc họp BCĐ/);
  assert.match(body, /Theo mức: từ 4 trở lên: 20 điểm; từ 3 trở lên: 15 điểm/);
  assert.match(body, /Theo loại: Chủ tịch: 10 điểm; Phó Chủ tịch: 5 điểm; Không: 0 điểm/);
  assert.match(body, /Nền tảng tự điền \(portal\.presence\)/);
  assert.match(body, /Số liệu đầu vào/);
  assert.match(body, /trained ≤ staff/);
  assert.match(body, /class="cards-on-phone"/);
  // The latest version by default, in English on request.
  const en = await reporter.client.get(`${URL_SETS}/test-tiny?lang=en`);
  assert.match(en.body, /<option value="2" selected/);
  assert.match(en.body, /By steps: 4 or more: 20 points/);
  assert.equal((await reporter.client.get(`${URL_SETS}/no-such-set`)).statusCode, 404);
  assert.equal((await reporter.client.get(`${URL_SETS}/test-tiny?phien-ban=9`)).statusCode, 404);
  // A NUL byte in the address is refused by the platform itself (400), never a 500.
  assert.equal((await reporter.client.get(`${URL_SETS}/%00bad`)).statusCode, 400);
  assert.equal((await reporter.client.get(`${URL_SETS}/Bad_ID`)).statusCode, 404);
});

test('the loaded set of a version is the file as checked by loadSet', async () => {
  const db = readinessDb(app.database.db);
  const { loaded } = await latestVersion(db, '2025-departments');
  assert.deepEqual(loaded.set, loadSet(JSON.parse(readFileSync(SHIPPED_SETS['2025-departments'], 'utf8'))).set);
});
