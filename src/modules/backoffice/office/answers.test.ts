// Issue 9: what the citizen typed on the e-form is on the officer's page, the citizen's page and in the API, and the
// answers corrected with a supplement are shown with what changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { apiTokenFor } from '../../../testing/auth.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { prepareWorkflowTests, submitted, type Staff } from '../workflow/testing.ts';
import { casePage, officerClient } from './testing.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen } = await prepareWorkflowTests(app));
});
after(async () => {
  await app.close();
});

const text = (html: string): string => html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

test("the officer's page shows the answers by the form's sections and labels", async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const page = text((await officer.get(casePage(code))).body);
  assert.match(page, /<h2 id="answers">Nội dung tờ khai<\/h2>/);
  assert.match(page, /<h3>Thông tin người nộp hồ sơ<\/h3>/);
  assert.match(page, /<dt>Nội dung đề nghị<\/dt><dd><span>Đề nghị cấp giấy xác nhận.<\/span><\/dd>/);
  assert.match(page, /<dt>Nơi cư trú<\/dt><dd><span>12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội<\/span>/, 'an address with its commune');
  const en = text((await officer.get(`${casePage(code)}?lang=en`)).body);
  assert.match(en, /Answers on the form/);
  assert.match(en, /<dt>What you are asking for<\/dt>/);
});

test("the citizen's own page shows the same answers", async () => {
  const code = await submitted(app, citizen);
  const page = text((await citizen.client.get(`/ho-so-cua-toi/${encodeURIComponent(code)}`)).body);
  assert.match(page, /<h2 id="to-khai">Nội dung tờ khai<\/h2>/);
  assert.match(page, /<dt>Họ, chữ đệm và tên<\/dt><dd><span>Trần Văn Hùng<\/span>/);
});

test('GET /api/v1/dossiers/:code has the form: values, version and the sections as text in both languages', async () => {
  const code = await submitted(app, citizen);
  const token = await apiTokenFor(app.database.db, s.hkOfficer);
  const r = await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${encodeURIComponent(code)}`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.statusCode, 200, r.body);
  const form = (r.json() as { form: { eform_version: number; procedure_version: number; values: { details: string }; sections: { title: { vi: string; en: string }; rows: { field: string; label: { vi: string; en: string }; value: { vi: string } }[] }[] } }).form;
  assert.equal(form.eform_version, 1);
  assert.equal(form.procedure_version, 1);
  assert.equal(form.values.details, 'Đề nghị cấp giấy xác nhận.');
  assert.deepEqual(form.sections.map((x) => x.title), [
    { vi: 'Thông tin người nộp hồ sơ', en: 'About you' },
    { vi: 'Nội dung đề nghị', en: 'Your request' },
  ]);
  const details = form.sections[1]?.rows[0];
  assert.deepEqual(details, { field: 'details', label: { vi: 'Nội dung đề nghị', en: 'What you are asking for' }, value: { vi: 'Đề nghị cấp giấy xác nhận.', en: 'Đề nghị cấp giấy xác nhận.' } });
});
