// The signal engineer's pages: who may open them (403 for other staff and citizens, sign-in first when signed out,
// 404 on unknown ids), the map with its table, Webster's form shown back with errors (400) then saved, the corridor's
// design refused then shown, a send recorded and shown, the live JSON, the mode and day plan set, and bus priority's form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, type TestClient, testApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { Role, staff } from '../documents/testing.ts';
import { GREEN_WAVE } from './network/demo.ts';
import { seedDemoSignals } from './seed.ts';
import { networkSvg, tileOrigin } from './views/map-svg.ts';
import { sql } from 'kysely';

let app: TestApp;
let engineer: TestClient;
let corridor = 0;
const BASE = '/quan-ly/den-tin-hieu';

before(async () => {
  app = await testApp({ env: { EGOV_SIGNALS_BROKER: 'memory' } });
  engineer = (await staff(app, 'tinhieu.binh', [Role.signalEngineer], '000.00.16.H26')).client;
  await seedDemoSignals(app.platform, 120);
  corridor = Number((await sql<{ id: string }>`select id from signal_corridors where name = ${GREEN_WAVE.corridor}`.execute(app.database.db)).rows[0]?.id);
});
after(async () => app?.close());

test('only the signal engineer opens the pages; signed out → sign in; unknown ids → 404', async () => {
  const other = (await staff(app, 'tinhieu.gplx', [Role.licenceOfficer, Role.leader], '000.00.16.H26')).client;
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 999_017, kind: 'citizen', roles: [] });
  for (const url of [BASE, `${BASE}/nut/HN0001`, `${BASE}/nut/HN0001/webster`, `${BASE}/hanh-lang/${corridor}`]) {
    assert.equal((await other.get(url)).statusCode, 403, url);
    assert.equal((await citizen.get(url)).statusCode, 403, url);
    const anon = await app.client().get(url);
    assert.equal(anon.statusCode, 303, url);
    assert.match(anon.headers.location as string, /^\/dang-nhap\?next=/);
  }
  assert.equal((await other.get(`${BASE}/trang-thai?ids=HN0001`)).statusCode, 403);
  assert.equal((await other.submit(BASE, {}, `${BASE}/nut/HN0001/gui`)).statusCode, 403);
  for (const url of [`${BASE}/nut/KHONGCO`, `${BASE}/nut/KHONGCO/webster`, `${BASE}/hanh-lang/999999`, `${BASE}/hanh-lang/abc`]) assert.equal((await engineer.get(url)).statusCode, 404, url);
});

test('the map: an SVG with a title and description, the legend with counts, corridors and a paged table', async () => {
  const page = await engineer.get(`${BASE}?hanhlang=${corridor}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]*role="img"[^>]*><title>Bản đồ mạng lưới nút giao<\/title><desc>120 nút giao/);
  assert.match(page.body, /Chưa có trạng thái: \d+/);
  assert.match(page.body, /href="\/quan-ly\/den-tin-hieu\/nut\/HN0001"/);
  assert.match(page.body, new RegExp(`href="/quan-ly/den-tin-hieu/hanh-lang/${corridor}"`));
  assert.equal((await engineer.get(`${BASE}?hanhlang=%3Cx%3E&trang=abc`)).statusCode, 200, 'a bad filter or page is ignored');
  const en = await engineer.get(`${BASE}/nut/HN0001?lang=en`);
  assert.match(en.body, /Phase table/);
  assert.match(en.body, /Split table — Pattern/);
  await engineer.get(`${BASE}?lang=vi`);
  assert.match(networkSvg([{ lat: 21.03, lon: 105.85, corridor: null, along: null, state: 'running' }], { title: 'x', description: 'y', tileUrl: 'https://tile.example.vn/{z}/{x}/{y}.png' }), /<image href="https:\/\/tile\.example\.vn\/14\/\d+\/\d+\.png"/);
  assert.equal(tileOrigin('https://tile.example.vn/{z}/{x}/{y}.png'), 'https://tile.example.vn');
});

test('Webster: errors beside the fields with the typed values (400), then saved as a new version', async () => {
  const url = `${BASE}/nut/HN0001/webster`;
  const form = await engineer.get(url);
  assert.equal(form.statusCode, 200);
  const phases = [...form.body.matchAll(/id="flow(\d+)"/g)].map((x) => x[1]!);
  assert.ok(phases.length >= 2);
  const fields = (q: string) => Object.fromEntries(phases.flatMap((p) => [[`flow${p}`, q], [`sat${p}`, '1800']]));
  const bad = await engineer.submit(url, { lostTime: '10', ...fields('1000'), action: 'compute' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Y = \d\.\d\d ≥ 1/);
  assert.match(bad.body, new RegExp(`id="flow${phases[0]}"[^>]*value="1000"`));
  const shown = await engineer.submit(url, { lostTime: '10', ...fields('300'), action: 'compute' });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Chu kỳ tối ưu C₀/);
  const saved = await engineer.submit(url, { lostTime: '10', ...fields('300'), action: 'save' });
  assert.equal(saved.statusCode, 303);
  assert.match((await engineer.get(saved.headers.location as string)).body, /Đã lưu phiên bản 2\./);
});

test('the corridor: a bad speed shown back (400); a preview with the diagram; sent, and the outcome shown', async () => {
  const url = `${BASE}/hanh-lang/${corridor}`;
  const bad = await engineer.submit(url, { speed: 'nhanh', cycle: '120', action: 'preview' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Tốc độ thiết kế là số nguyên/);
  assert.match(bad.body, /id="speed"[^>]*value="nhanh"/);
  const ok = await engineer.submit(url, { speed: '40', cycle: '120', action: 'preview' });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /Biểu đồ thời gian – quãng đường/);
  const saved = await engineer.submit(url, { speed: '40', cycle: '120', action: 'save' });
  assert.equal(saved.statusCode, 303);
  const sent = await engineer.submit(saved.headers.location as string, {}, `${url}/gui`);
  assert.equal(sent.statusCode, 303);
  const after = await engineer.get(sent.headers.location as string);
  assert.match(after.body, /Đã gửi: (\d+)\/\1 bộ điều khiển xác nhận\./);
  const live = await engineer.get(`${BASE}/trang-thai?ids=HN0001,HN0002,<bad>`);
  assert.equal(live.statusCode, 200);
  assert.deepEqual(Object.keys(JSON.parse(live.body) as object).sort(), ['HN0001', 'HN0002']);
});

test('the intersection: send recorded and shown; bus priority refused (400) then worked out', async () => {
  const url = `${BASE}/nut/HN0001`;
  const sent = await engineer.submit(url, {}, `${url}/gui`);
  assert.equal(sent.statusCode, 303);
  const page = await engineer.get(sent.headers.location as string);
  assert.match(page.body, /Đã gửi: 1\/1 bộ điều khiển xác nhận\./);
  assert.match(page.body, /Đã xác nhận/);
  const badMode = await engineer.submit(url, { mode: 'turbo' }, `${url}/che-do`);
  assert.equal(badMode.statusCode, 400);
  assert.match(badMode.body, /Chọn một chế độ trong danh sách/);
  assert.equal((await engineer.submit(url, { mode: 'actuated' }, `${url}/che-do`)).statusCode, 303);
  const badAction = await engineer.submit(url, { startsAt: '25:00', pattern: '300' }, `${url}/lich`);
  assert.equal(badAction.statusCode, 400);
  assert.match(badAction.body, /id="startsAt"[^>]*value="25:00"/);
  assert.match(badAction.body, /Kịch bản từ 1 đến 253/);
  const action = await engineer.submit(url, { startsAt: '22:30', pattern: '254' }, `${url}/lich`);
  assert.equal(action.statusCode, 303);
  const changed = await engineer.get(action.headers.location as string);
  assert.match(changed.body, /Đã lưu thay đổi\./);
  assert.match(changed.body, /22:30<\/td><td data-label="[^"]+">254 \(Tự do\)/);
  assert.match(changed.body, /<option value="actuated" selected/);
  const bad = await engineer.submit(url, { busPhase: '2', arrival: '999', maxExtension: '10' }, `${url}/uu-tien`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="arrival"[^>]*value="999"/);
  const ok = await engineer.submit(url, { busPhase: '2', arrival: '5', maxExtension: '10' }, `${url}/uu-tien`);
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /Xe buýt đến khi pha đang xanh|Kéo dài|Cho xanh sớm|Không còn thời gian/);
});
