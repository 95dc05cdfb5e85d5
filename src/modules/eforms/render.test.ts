import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorSummaryItems, fieldId, renderEformFields, shippedEform, validateEform, type EformDefinition, type EformError } from './index.ts';
import { SAMPLE_POSTS, TEST_NOW, TEST_UNITS, samplePost } from './testing.ts';

function form(code: string): EformDefinition {
  const def = shippedEform(code);
  assert.ok(def);
  return def;
}

async function html(props: Parameters<typeof renderEformFields>[0]): Promise<string> {
  return String(await renderEformFields(props));
}

/** The opening tag of the element with this id. */
function tagWithId(page: string, id: string): string {
  const m = new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(page);
  assert.ok(m, `an element with id ${id}`);
  return m[0];
}

test('ids come from paths', () => {
  assert.equal(fieldId('child.fullName'), 'f-child-fullName');
  assert.equal(fieldId('declaration'), 'f-declaration');
  assert.equal(fieldId('files.birthCertificate'), 'f-files-birthCertificate');
});

test('every section is a fieldset with its legend, every field labelled, in Vietnamese and English', async () => {
  const def = form('1.001193');
  const vi = await html({ lang: 'vi', def, units: TEST_UNITS });
  assert.equal((vi.match(/<fieldset class="eform-section">/g) ?? []).length, def.ui.sections.length + 1, 'sections and documents');
  assert.match(vi, /<legend class="eform-section-title">Người được đăng ký khai sinh<\/legend>/);
  assert.match(vi, /<label for="f-child-fullName">Họ, chữ đệm và tên của trẻ<\/label>/);
  assert.match(vi, /<input id="f-child-fullName" name="child.fullName" value="" type="text"/);
  assert.match(vi, /<label for="f-child-hometown">Quê quán \(không bắt buộc\)<\/label>/, 'optional fields say so');
  const en = await html({ lang: 'en', def, units: TEST_UNITS });
  assert.match(en, /<label for="f-child-fullName">Child&#39;s full name<\/label>|<label for="f-child-fullName">Child's full name<\/label>/);
  assert.match(en, /<legend class="eform-section-title">The child<\/legend>/);
  for (const path of Object.keys(def.ui.fields)) {
    const widget = def.ui.fields[path]?.widget;
    assert.ok(vi.includes(`id="${fieldId(path)}"`), `${path} has its id`);
    if (widget !== 'address') assert.ok(vi.includes(`name="${path}"`), `${path} has its name`);
  }
});

test('inputs get the right type and keyboard', async () => {
  const page = await html({ lang: 'vi', def: form('1.001193'), units: TEST_UNITS });
  assert.match(tagWithId(page, 'f-child-birthDate'), /type="date"/);
  assert.match(tagWithId(page, 'f-mother-birthYear'), /type="text" inputmode="numeric"/);
  const pin = tagWithId(page, 'f-declarant-personalId');
  assert.match(pin, /inputmode="numeric"/);
  assert.match(pin, /pattern="\[0-9\]\{12\}"/);
  assert.match(pin, /maxlength="12"/);
  assert.match(tagWithId(page, 'f-declarant-phone'), /type="tel" autocomplete="tel"/);
  assert.match(tagWithId(page, 'f-declarant-email'), /type="email" autocomplete="email"/);
  assert.match(tagWithId(page, 'f-declarant-relationship'), /^<select /);
  assert.match(tagWithId(page, 'f-declaration'), /type="checkbox"/);
  assert.match(page, /<input type="radio" id="f-child-sex" name="child.sex" value="male"\/><label for="f-child-sex">Nam<\/label>/);
  assert.match(page, /<input type="radio" id="f-child-sex-2" name="child.sex" value="female"\/><label for="f-child-sex-2">Nữ<\/label>/);
  assert.match(tagWithId(page, 'f-child-nationality'), /value="Việt Nam"/, 'the schema default is shown');
});

test('an address is a select of the city’s communes and a street input', async () => {
  const page = await html({ lang: 'vi', def: form('1.004222'), units: TEST_UNITS, values: { 'newAddress.commune': '00004', 'newAddress.street': '8 phố Quán Thánh' } });
  assert.match(page, /<legend>Địa chỉ đề nghị đăng ký thường trú<\/legend>/);
  assert.match(page, /<select id="f-newAddress" name="newAddress.commune">/);
  assert.match(page, /<option value="00004" selected>Phường Ba Đình<\/option>/);
  assert.match(page, /<option value="00070">Phường Hoàn Kiếm<\/option>/);
  assert.match(page, /<label for="f-newAddress-street">Số nhà, ngõ, đường phố, tổ dân phố hoặc thôn<\/label>/);
  assert.match(tagWithId(page, 'f-newAddress-street'), /name="newAddress.street" value="8 phố Quán Thánh"/);
});

test('one file input per document, with its accepted types and whether it is required', async () => {
  const def = form('3.000347');
  const page = await html({ lang: 'vi', def, units: TEST_UNITS });
  assert.equal((page.match(/type="file"/g) ?? []).length, def.documents.length);
  const portrait = tagWithId(page, 'f-files-portrait');
  assert.match(portrait, /name="files.portrait"/);
  assert.match(portrait, /accept="image\/jpeg,image\/png"/);
  assert.match(page, /<p class="hint" id="f-files-portrait-hint">Bắt buộc · Định dạng JPG, PNG; tối đa 2 MB.<\/p>/);
  assert.match(page, /<p class="hint" id="f-files-licenceCopy-hint">Bắt buộc · 1 bản sao · Định dạng PDF, JPG, PNG; tối đa 5 MB.<\/p>/);
  assert.match(page, /id="f-files-passport-hint">Không bắt buộc · 1 bản chính/);
  const en = await html({ lang: 'en', def, units: TEST_UNITS });
  assert.match(en, /id="f-files-portrait-hint">Required · Format JPG, PNG; up to 2 MB.</);
});

test('errors sit beside their fields, linked and flagged, and feed the error summary', async () => {
  const def = form('1.001193');
  const post = samplePost('1.001193', { 'child.fullName': '', 'child.sex': '', 'declarant.residence.commune': '' });
  const r = validateEform(def, post, { now: TEST_NOW, units: TEST_UNITS });
  assert.equal(r.ok, false);
  const errors: EformError[] = r.ok ? [] : [...r.errors, { field: 'files.birthCertificate', message: { vi: 'Giấy chứng sinh: chưa tải lên tệp', en: 'Medical birth notice: upload a file' } }];
  const page = await html({ lang: 'vi', def, values: post, errors, units: TEST_UNITS });

  assert.match(page, /<div class="field field-error"><label for="f-child-fullName">/);
  assert.match(page, /<p class="error-message" id="f-child-fullName-error">Họ, chữ đệm và tên của trẻ: không được để trống<\/p>/);
  const name = tagWithId(page, 'f-child-fullName');
  assert.match(name, /aria-describedby="f-child-fullName-hint f-child-fullName-error"/);
  assert.match(name, /aria-invalid="true"/);
  assert.doesNotMatch(tagWithId(page, 'f-child-birthPlace'), /aria-invalid/, 'fields without errors are not flagged');
  assert.match(page, /<fieldset aria-describedby="f-child-sex-error"><legend>Giới tính<\/legend><p class="error-message" id="f-child-sex-error">Giới tính: chưa chọn<\/p>/);
  assert.match(page, /<fieldset aria-describedby="f-declarant-residence-error">/);
  assert.match(tagWithId(page, 'f-declarant-residence'), /aria-invalid="true"/);
  assert.match(tagWithId(page, 'f-files-birthCertificate'), /aria-describedby="f-files-birthCertificate-hint f-files-birthCertificate-error" aria-invalid="true"/);

  const summary = errorSummaryItems('en', errors);
  assert.deepEqual(summary.map((s) => s.field), ['f-declarant-residence', 'f-child-fullName', 'f-child-sex', 'f-files-birthCertificate']);
  assert.equal(summary[1]?.message, "Child's full name: required");
  for (const s of summary) assert.ok(page.includes(`id="${s.field}"`), `the summary link #${s.field} lands on a field`);
});

test('posted values are shown again, escaped', async () => {
  const evil = '"><script>alert(1)</script>';
  const post = samplePost('1.004222', { 'applicant.fullName': evil, reason: `</textarea>${evil}`, 'household.relationship': 'spouse', 'applicant.sex': 'female' });
  const page = await html({ lang: 'vi', def: form('1.004222'), values: post, units: [{ code: '00004', name: '<b>Phường</b>' }] });
  assert.doesNotMatch(page, /<script>/);
  assert.doesNotMatch(page, /<b>/);
  assert.match(tagWithId(page, 'f-applicant-fullName'), /value="&#34;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.match(page, /<textarea id="f-reason" name="reason" rows="5" aria-describedby="f-reason-hint">&lt;\/textarea>&#34;>&lt;script>/);
  assert.match(page, /<option value="spouse" selected>Vợ, chồng<\/option>/);
  assert.match(page, /<input type="radio" id="f-applicant-sex-2" name="applicant.sex" value="female" checked\/>/);
  assert.match(page, /&lt;b>Phường&lt;\/b>/);
  assert.match(tagWithId(page, 'f-applicant-birthDate'), /value="1990-08-15"/, 'a typed date comes back as the date input expects');
});

test('entities typed by the citizen come back as typed', async () => {
  const page = await html({ lang: 'vi', def: form('2.000815'), values: samplePost('2.000815', { 'document.issuer': 'Công ty A &amp; B' }) });
  assert.match(tagWithId(page, 'f-document-issuer'), /value="Công ty A &amp;amp; B"/);
});

test('saved (nested) answers fill the form too', async () => {
  const r = validateEform(form('2.000815'), samplePost('2.000815', { 'document.foreignIssued': 'true' }), { now: TEST_NOW });
  assert.ok(r.ok);
  const page = await html({ lang: 'vi', def: form('2.000815'), values: r.value });
  assert.match(tagWithId(page, 'f-document-copies'), /value="3"/);
  assert.match(tagWithId(page, 'f-document-foreignIssued'), /checked/);
  assert.match(page, /<option value="vi" selected>Tiếng Việt<\/option>/);
});

test('every shipped form renders with its sample values', async () => {
  for (const code of Object.keys(SAMPLE_POSTS)) {
    const page = await html({ lang: 'en', def: form(code), values: samplePost(code), units: TEST_UNITS });
    assert.ok(page.length > 1000, code);
    assert.doesNotMatch(page, /undefined|\[object Object\]/, code);
  }
});
