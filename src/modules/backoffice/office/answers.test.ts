// Issue 9: what the citizen typed on the e-form is on the officer's page, the citizen's page and in the API, and the
// answers corrected with a supplement are shown with what changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { apiTokenFor } from '../../../testing/auth.ts';
import { postMultipart, type TestCitizen } from '../../dossiers/testing.ts';
import { acting, prepareWorkflowTests, row, submitted, type Staff } from '../workflow/testing.ts';
import { casePage, csrfOn, officerClient, versionOn } from './testing.ts';

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

test('a supplement may correct the answers (checked again by the e-form); the officer sees what changed', async () => {
  const code = await submitted(app, citizen);
  await acting(app)(s.hkOfficer, code, { action: 'request_supplement_receipt', items: [{ text: 'Ghi rõ nội dung đề nghị' }], comment: 'Nội dung đề nghị chưa rõ.' });
  const mine = `/ho-so-cua-toi/${encodeURIComponent(code)}`;
  const page = (await citizen.client.get(mine)).body;
  assert.match(page, /<summary>Sửa nội dung tờ khai \(nếu được yêu cầu\)<\/summary>/);
  assert.match(page, /name="details"/, "the e-form's fields in the supplement form");
  const csrf = csrfOn(page);
  const version = versionOn(page);
  const base: Record<string, string> = {
    _csrf: csrf,
    version,
    _answers: '1',
    'applicant.fullName': citizen.name,
    'applicant.personalId': citizen.personalId,
    'applicant.phone': '0912 345 678',
    'applicant.email': citizen.email,
    'applicant.address.commune': '00070',
    'applicant.address.street': '12 phố Hàng Bạc',
    'supplement-note': 'Đã ghi rõ.',
  };
  const url = `${mine}/bo-sung`;
  const parts = (v: Record<string, string>) => Object.entries(v).map(([name, value]) => ({ name, value }));
  // An answer that does not pass the form is refused beside its field; nothing changes.
  const bad = await postMultipart(app, citizen.client, url, parts({ ...base, 'applicant.personalId': '12' }));
  assert.equal(bad.statusCode, 400, bad.body.slice(0, 500));
  assert.match(bad.body, /href="#f-applicant-personalId"/);
  assert.equal((await row(app, code)).status, 'supplement');
  // A correction alone completes the supplement.
  const ok = await postMultipart(app, citizen.client, url, parts({ ...base, details: 'Đề nghị cấp giấy xác nhận cư trú để làm hồ sơ nhập học.' }));
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 1500));
  assert.equal((await row(app, code)).status, 'received');
  assert.equal(((await row(app, code)).form_data as { details: string }).details, 'Đề nghị cấp giấy xác nhận cư trú để làm hồ sơ nhập học.');

  const officer = await officerClient(app, s.hkOfficer);
  const html = text((await officer.get(casePage(code))).body);
  assert.match(html, /<caption>Nội dung tờ khai đã sửa khi bổ sung<\/caption>/);
  assert.match(html, /<th scope="row">Nội dung đề nghị<\/th><td><del>Đề nghị cấp giấy xác nhận.<\/del><\/td><td><ins>Đề nghị cấp giấy xác nhận cư trú để làm hồ sơ nhập học.<\/ins><\/td>/);
  assert.match(html, /<dt>Nội dung đề nghị<\/dt><dd><span>Đề nghị cấp giấy xác nhận cư trú/, 'the answers as they are now');
  assert.match(html, /Sửa tờ khai: Nội dung đề nghị/, 'in the process history');

  const token = await apiTokenFor(app.database.db, s.hkOfficer);
  const api = (await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${encodeURIComponent(code)}`, headers: { authorization: `Bearer ${token}` } })).json() as {
    supplements: { form_changes: { field: string; old: unknown; new: unknown }[] }[];
  };
  assert.deepEqual(api.supplements[0]?.form_changes, [{ field: 'details', old: 'Đề nghị cấp giấy xác nhận.', new: 'Đề nghị cấp giấy xác nhận cư trú để làm hồ sơ nhập học.' }]);
});
