import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { importForTest, recordsFor, SAMPLE_CODES } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  await importForTest(app.database.db, recordsFor(SAMPLE_CODES), '2026-07-01');
});
after(async () => {
  await app.close();
});

const get = (url: string) => app.server.inject({ url });

test('GET /api/v1/procedures searches with synonyms, filters and pages', async () => {
  const res = await get('/api/v1/procedures?q=doi%20bang%20lai%20xe&limit=3');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual([body.limit, body.offset], [3, 0]);
  assert.deepEqual(body.expanded, [{ term: 'bằng lái xe', expansion: 'giấy phép lái xe' }]);
  assert.deepEqual(body.items[0], {
    code: '3.000347',
    name: 'Đổi giấy phép lái xe',
    nameEn: 'Renewal of a driving licence',
    field: 'Sát hạch, cấp giấy phép lái xe',
    levels: ['ministry'],
    channels: ['direct', 'online'],
    online: true,
    onlineLevel: 'partial',
    processingTime: { amount: 5, unit: 'working_days', text: '5 Ngày làm việc', basis: null },
    effectiveFrom: '2026-07-01',
  });

  const commune = (await get('/api/v1/procedures?level=commune&online=true&limit=100')).json();
  assert.ok(commune.total > 0 && commune.items.every((i: { levels: string[]; online: boolean }) => i.levels.includes('commune') && i.online));
  const offline = (await get('/api/v1/procedures?online=false')).json();
  // 1.000232 publishes an online channel but no time limit, so online dossiers are refused: not "online" (migration 0022).
  assert.deepEqual(offline.items.map((i: { code: string }) => i.code).sort(), ['1.000178', '1.000232', '2.000815']);
  const byField = (await get(`/api/v1/procedures?field=${encodeURIComponent('Hộ tịch')}`)).json();
  assert.equal(byField.total, 2);
  const byAgency = (await get(`/api/v1/procedures?agency=${encodeURIComponent('Công an cấp Xã')}`)).json();
  assert.ok(byAgency.items.some((i: { code: string }) => i.code === '3.000347'), 'an implementing agency matches');
  const page2 = (await get('/api/v1/procedures?limit=5&offset=10')).json();
  assert.deepEqual([page2.total, page2.items.length], [12, 2]);

  const english = (await get('/api/v1/procedures?q=renew%20driving%20license&limit=3')).json();
  assert.deepEqual(
    english.items.slice(0, 1).map((i: { code: string; nameEn: string | null }) => [i.code, i.nameEn]),
    [['3.000347', 'Renewal of a driving licence']],
  );
  const untranslated = (await get('/api/v1/procedures?q=1.000178')).json();
  assert.equal(untranslated.items[0].nameEn, null, 'no English name yet: null, not missing');
});

test('bad parameters get 400 with a Vietnamese and English message', async () => {
  const cases: [string, string][] = [
    ['limit=0', 'INVALID_LIMIT'],
    ['limit=101', 'INVALID_LIMIT'],
    ['limit=abc', 'INVALID_LIMIT'],
    ['offset=-1', 'INVALID_OFFSET'],
    ['level=district', 'INVALID_LEVEL'],
    ['online=maybe', 'INVALID_ONLINE'],
    [`q=${'a'.repeat(201)}`, 'QUERY_TOO_LONG'],
  ];
  for (const [qs, code] of cases) {
    const res = await get(`/api/v1/procedures?${qs}`);
    assert.equal(res.statusCode, 400, qs);
    const { error } = res.json();
    assert.equal(error.code, code, qs);
    assert.equal(error.status, 400);
    assert.ok(error.message.vi.length > 0 && error.message.en.length > 0);
  }
  assert.match((await get('/api/v1/procedures?limit=0')).json().error.message.vi, /từ 1 đến 100/);
});

test('GET /api/v1/procedures/:code gives the full current version, its e-form and its versions', async () => {
  const res = await get('/api/v1/procedures/3.000347');
  assert.equal(res.statusCode, 200);
  const p = res.json();
  assert.deepEqual([p.code, p.version, p.currentVersion, p.effectiveFrom], ['3.000347', 1, 1, '2026-07-01']);
  assert.deepEqual([p.name, p.nameEn], ['Đổi giấy phép lái xe', 'Renewal of a driving licence']);
  // Issue 9: the e-form an integrator submits with: the JSON Schema, the UI hints, the documents' keys, types and sizes.
  assert.equal(p.eformSource, 'shipped');
  assert.equal(p.eform.schema.type, 'object');
  assert.ok(p.eform.schema.properties.licence, 'the JSON Schema of the answers');
  assert.equal(p.eform.ui.fields.delivery.label.vi, 'Cách nhận giấy phép lái xe mới');
  assert.ok(p.eform.ui.sections.length >= 4);
  assert.ok(p.eform.documents.length > 0);
  for (const d of p.eform.documents) {
    assert.match(d.key, /^[a-z][A-Za-z0-9]*$/);
    assert.ok(d.accept.length > 0 && d.accept.every((t: string) => ['application/pdf', 'image/jpeg', 'image/png'].includes(t)));
    assert.ok(d.maxBytes > 0);
  }
  assert.equal(p.workflowRef, null);
  assert.match(p.contentHash, /^[0-9a-f]{64}$/);
  assert.deepEqual(
    p.versions.map((v: { version: number; effectiveFrom: string }) => [v.version, v.effectiveFrom]),
    [[1, '2026-07-01']],
  );
  assert.deepEqual(p.feeRules, [
    { kind: 'amount', channel: null, case: null, amount_dong: 135_000, percent: null, per: 'lần', per_quantity: false, from: null, to: null, text: 'Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.' },
    {
      kind: 'amount',
      channel: 'online',
      case: null,
      amount_dong: 115_000,
      percent: null,
      per: 'lần cấp',
      per_quantity: false,
      from: '2023-12-01',
      to: '2025-12-31',
      text: 'Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.',
    },
  ]);
  assert.match(p.feesText, /^Miễn phí\(- Lệ phí cấp giấy phép lái xe: 135\.000 đồng\/lần\./, 'the text as published beside the rules');
  // The fee that applies per channel: today (after 31/12/2025) 135.000 đồng online too; on a date of the online rate, 115.000.
  const today = (p.feesToday as { channel: string; amountDong: number; expired: unknown[] }[]).map((q) => [q.channel, q.amountDong, q.expired.length]);
  assert.deepEqual(today, [
    ['direct', 135_000, 0],
    ['online', 135_000, 1],
  ]);
  const then = (await get('/api/v1/procedures/3.000347?date=2025-06-01')).json();
  assert.deepEqual(
    then.feesToday.map((q: { channel: string; amountDong: number; date: string }) => [q.channel, q.amountDong, q.date]),
    [
      ['direct', 135_000, '2025-06-01'],
      ['online', 115_000, '2025-06-01'],
    ],
  );
  const bad = await get('/api/v1/procedures/3.000347?date=2025-13-01');
  assert.deepEqual([bad.statusCode, bad.json().error.code], [400, 'INVALID_DATE']);
  assert.deepEqual(p.documents[4], {
    name: 'Bản sao hoặc bản sao điện tử được chứng thực từ bản chính hoặc bản sao điện tử được cấp từ sổ gốc của giấy phép lái xe hoặc Quyết định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ đối với trường hợp tước quyền sử dụng giấy phép lái xe tích hợp',
    originals: 0,
    copies: 1,
    form_file: null,
    form_files: [],
  });
  assert.deepEqual(p.implementingAgencies, ['Cục cảnh sát giao thông', 'Công an tỉnh', 'Công an cấp Xã']);
  assert.equal(p.legalBasis[0].number, '12/2025/TT-BCA');
  assert.ok(p.steps.length >= 1);
  assert.equal(p.sourceUrl, 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-bda8-740c-9f49-ddaae438530d');

  const form = (await get('/api/v1/procedures/1.000232')).json();
  assert.deepEqual(form.documents[0].form_file, 'Mau NA20-BCA.docx');
  const v1 = await get('/api/v1/procedures/3.000347/versions/1');
  assert.deepEqual([v1.statusCode, v1.json().version], [200, 1]);
});

test('an unknown procedure or version is 404 in Vietnamese and English', async () => {
  for (const url of ['/api/v1/procedures/9.999999', '/api/v1/procedures/abc', '/api/v1/procedures/3.000347/versions/9']) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    const { error } = res.json();
    assert.match(error.code, /^(PROCEDURE|VERSION)_NOT_FOUND$/);
    assert.match(error.message.vi, /Không tìm thấy|không có phiên bản/);
    assert.match(error.message.en, /No administrative procedure|no such version/);
  }
});

test('the API is documented in the OpenAPI document under the tag procedures', async () => {
  const doc = (await get('/api/openapi.json')).json();
  for (const path of ['/api/v1/procedures', '/api/v1/procedures/{code}', '/api/v1/procedures/{code}/versions/{version}']) {
    assert.deepEqual(doc.paths[path]?.get?.tags, ['procedures'], path);
  }
});
