import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedEform, validateEform, type EformDefinition, type EformError } from './index.ts';
import { SAMPLE_POSTS, TEST_NOW, TEST_UNITS, samplePost } from './testing.ts';

const opts = { now: TEST_NOW, units: TEST_UNITS };

function form(code: string): EformDefinition {
  const def = shippedEform(code);
  assert.ok(def, `shipped form ${code}`);
  return def;
}

function errorsOf(code: string, changes: Record<string, string | string[] | undefined>): EformError[] {
  const r = validateEform(form(code), samplePost(code, changes), opts);
  assert.equal(r.ok, false, 'expected errors');
  return r.ok ? [] : r.errors;
}

function errorOn(errors: EformError[], field: string): EformError {
  const e = errors.find((x) => x.field === field);
  assert.ok(e, `an error on ${field}; got ${errors.map((x) => x.field).join(', ')}`);
  return e;
}

test('each shipped form accepts its complete sample post', () => {
  for (const code of Object.keys(SAMPLE_POSTS)) {
    const r = validateEform(form(code), samplePost(code), opts);
    assert.deepEqual(r.ok ? [] : r.errors, [], code);
  }
});

test('answers come back nested and typed: numbers, booleans, dates, phones', () => {
  const r = validateEform(form('1.001193'), samplePost('1.001193'), opts);
  assert.ok(r.ok);
  const v = r.value as { child: { fullName: string; hometown?: string }; mother: { birthYear: number }; declarant: { phone: string; residence: object } };
  assert.equal(v.child.fullName, 'Trần Minh An');
  assert.equal(v.child.hometown, undefined, 'a blank optional field is left out');
  assert.equal(v.mother.birthYear, 1995);
  assert.equal(v.declarant.phone, '0912345678');
  assert.deepEqual(v.declarant.residence, { commune: '00070', street: '12 phố Hàng Bạc' });
  assert.equal(r.value.extractCopies, 2);
  assert.equal(r.value.declaration, true);

  const res = validateEform(form('1.004222'), samplePost('1.004222'), opts);
  assert.ok(res.ok);
  assert.equal((res.value.applicant as { birthDate: string }).birthDate, '1990-08-15', 'dd/mm/yyyy becomes ISO');
  const marriage = validateEform(form('1.000894'), samplePost('1.000894'), opts);
  assert.ok(marriage.ok);
  assert.equal((marriage.value.contact as { phone: string }).phone, '0987654321', '+84 becomes the national form');
});

test('a nested JSON body validates like the flat post', () => {
  const r = validateEform(form('2.000815'), {
    applicant: { fullName: 'Đỗ Minh Châu', personalId: '001301066666', phone: '0703111222' },
    document: { title: 'Học bạ', issuer: 'Trường THPT Chu Văn An', language: 'vi', pages: 4, copies: 2, foreignIssued: false },
  }, opts);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal((r.value.document as { pages: number }).pages, 4);
});

test('unknown fields are stripped, not refused', () => {
  const r = validateEform(form('2.000815'), samplePost('2.000815', { admin: 'true', 'applicant.role': 'staff', 'document.pages.x': '1' }), opts);
  assert.ok(r.ok);
  assert.deepEqual(Object.keys(r.value).sort(), ['applicant', 'document']);
  assert.deepEqual(Object.keys(r.value.applicant as object).sort(), ['fullName', 'personalId', 'phone']);
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
});

test('a missing required answer is named by its label, in both languages', () => {
  const errors = errorsOf('1.001193', { 'child.fullName': '  ', 'child.sex': undefined, 'declarant.relationship': '' });
  assert.deepEqual(errorOn(errors, 'child.fullName').message, {
    vi: 'Họ, chữ đệm và tên của trẻ: không được để trống',
    en: "Child's full name: required",
  });
  assert.deepEqual(errorOn(errors, 'child.sex').message, { vi: 'Giới tính: chưa chọn', en: 'Sex: select an option' });
  assert.equal(errorOn(errors, 'declarant.relationship').message.vi, 'Quan hệ với người được khai sinh: chưa chọn');
});

test('errors come one per field, in the order of the page', () => {
  const errors = errorsOf('1.001193', { 'declaration': undefined, 'child.birthDate': '', 'declarant.fullName': '', 'mother.personalId': '12' });
  assert.deepEqual(
    errors.map((e) => e.field),
    ['declarant.fullName', 'child.birthDate', 'mother.personalId', 'declaration'],
  );
  assert.equal(errorOn(errors, 'declaration').message.vi, 'Cần đánh dấu ô xác nhận trước khi nộp');
});

test('dates: not a real date, and not in the future where the schema says so', () => {
  let errors = errorsOf('1.001193', { 'child.birthDate': '2025-02-30' });
  assert.match(errorOn(errors, 'child.birthDate').message.vi, /^Ngày, tháng, năm sinh: ngày không hợp lệ/);
  errors = errorsOf('1.001193', { 'child.birthDate': '31/13/2025' });
  assert.match(errorOn(errors, 'child.birthDate').message.en, /not a real date/);
  // 11 March is tomorrow in Hà Nội even late on the 10th UTC+0.
  errors = errorsOf('1.001193', { 'child.birthDate': '2026-03-11' });
  assert.deepEqual(errorOn(errors, 'child.birthDate').message, {
    vi: 'Ngày, tháng, năm sinh: không được là ngày trong tương lai',
    en: 'Date of birth: must not be in the future',
  });
  const today = validateEform(form('1.001193'), samplePost('1.001193', { 'child.birthDate': '2026-03-10' }), opts);
  assert.ok(today.ok, 'today is not the future');
  errors = errorsOf('1.001193', { 'mother.birthYear': '2030' });
  assert.match(errorOn(errors, 'mother.birthYear').message.vi, /không được sau năm hiện tại/);
  errors = errorsOf('1.004222', { 'applicant.birthDate': '1899-12-31' });
  assert.match(errorOn(errors, 'applicant.birthDate').message.vi, /phải từ ngày 01\/01\/1900 trở đi/);
});

test('personal IDs are checked for their structure, with platform/text’s message', () => {
  let errors = errorsOf('1.004222', { 'applicant.personalId': '00109003333' });
  assert.deepEqual(errorOn(errors, 'applicant.personalId').message, {
    vi: 'Số định danh cá nhân: số định danh cá nhân phải gồm đúng 12 chữ số',
    en: 'Personal identification number: the personal identification number must be exactly 12 digits',
  });
  errors = errorsOf('1.004222', { 'household.headPersonalId': '003060044444' });
  assert.match(errorOn(errors, 'household.headPersonalId').message.vi, /^Số định danh cá nhân của chủ hộ: ba chữ số đầu/);
  errors = errorsOf('1.004222', { 'applicant.personalId': '001290033333' });
  assert.match(errorOn(errors, 'applicant.personalId').message.en, /year of birth .* future/);
  const spaced = validateEform(form('1.004222'), samplePost('1.004222', { 'applicant.personalId': '001 090 033 333' }), opts);
  assert.ok(spaced.ok, 'spaces between digit groups are fine');
});

test('phone numbers must be Vietnamese mobiles or landlines', () => {
  for (const bad of ['0123', '0612345678', '091234567', '+1 202 555 0100', '02412345']) {
    const errors = errorsOf('2.000815', { 'applicant.phone': bad });
    assert.match(errorOn(errors, 'applicant.phone').message.vi, /^Số điện thoại: không hợp lệ; nhập số di động 10 chữ số/, bad);
  }
  for (const good of ['0912345678', '091.234.5678', '(024) 3825 1234', '84 912 345 678', '0203 3825 123']) {
    assert.ok(validateEform(form('2.000815'), samplePost('2.000815', { 'applicant.phone': good }), opts).ok, good);
  }
});

test('a value outside the options is refused', () => {
  let errors = errorsOf('3.000347', { 'licence.class': 'Z9' });
  assert.deepEqual(errorOn(errors, 'licence.class').message, {
    vi: 'Hạng giấy phép lái xe: giá trị không có trong danh sách, hãy chọn lại',
    en: 'Licence class: choose one of the options listed',
  });
  errors = errorsOf('1.000894', { 'bride.maritalStatus': 'complicated' });
  assert.match(errorOn(errors, 'bride.maritalStatus').message.vi, /^Tình trạng hôn nhân: giá trị không có/);
});

test('numbers: not a number, not whole, out of range', () => {
  let errors = errorsOf('2.000815', { 'document.copies': 'ba' });
  assert.equal(errorOn(errors, 'document.copies').message.vi, 'Số bản sao cần chứng thực: phải là số nguyên');
  errors = errorsOf('2.000815', { 'document.copies': '2,5' });
  assert.equal(errorOn(errors, 'document.copies').message.en, 'Number of certified copies you need: must be a whole number');
  errors = errorsOf('2.000815', { 'document.copies': '0' });
  assert.equal(errorOn(errors, 'document.copies').message.vi, 'Số bản sao cần chứng thực: phải từ 1 trở lên');
  errors = errorsOf('2.000815', { 'document.pages': '1001' });
  assert.equal(errorOn(errors, 'document.pages').message.en, 'Number of pages of the original: must be 1000 or less');
  assert.ok(validateEform(form('2.000815'), samplePost('2.000815', { 'document.copies': ' 12 ' }), opts).ok);
});

test('text length and e-mail format', () => {
  let errors = errorsOf('1.001193', { 'child.fullName': 'A'.repeat(101) });
  assert.match(errorOn(errors, 'child.fullName').message.vi, /không được quá 100 ký tự/);
  errors = errorsOf('1.001193', { 'declarant.email': 'lan at example' });
  assert.match(errorOn(errors, 'declarant.email').message.en, /^E-mail address: not a valid e-mail address/);
  const upper = validateEform(form('1.001193'), samplePost('1.001193', { 'declarant.email': ' Lan@Example.VN ' }), opts);
  assert.ok(upper.ok);
  assert.equal((upper.value.declarant as { email: string }).email, 'lan@example.vn');
});

test('an address needs a commune of the city and a street', () => {
  let errors = errorsOf('1.004222', { 'newAddress.commune': '', 'newAddress.street': '' });
  assert.deepEqual(errorOn(errors, 'newAddress').message, {
    vi: 'Địa chỉ đề nghị đăng ký thường trú – Phường, xã: chưa chọn',
    en: 'The address you want to register as your permanent residence – Ward or commune: select an option',
  });
  errors = errorsOf('1.004222', { 'newAddress.street': '' });
  assert.match(errorOn(errors, 'newAddress').message.vi, /– Số nhà, ngõ, đường phố, tổ dân phố hoặc thôn: không được để trống$/);
  errors = errorsOf('1.004222', { 'newAddress.commune': '99999' });
  assert.match(errorOn(errors, 'newAddress').message.vi, /không có trong danh sách phường, xã của Hà Nội/);
});

test('an optional group left blank is left out; filled in part, its required answers are asked for', () => {
  const noFather = Object.fromEntries(Object.entries(SAMPLE_POSTS['1.001193'] ?? {}).map(([k, v]) => [k, k.startsWith('father.') ? '' : v]));
  const r = validateEform(form('1.001193'), noFather, opts);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.father, undefined);
  const errors = errorsOf('1.001193', { 'father.fullName': '', 'father.ethnicity': '' });
  assert.deepEqual(errors.map((e) => e.field), ['father.fullName', 'father.ethnicity']);
});

test('an optional group holding only its prefilled default (the father’s nationality) is left out', () => {
  const blank = Object.fromEntries(Object.entries(SAMPLE_POSTS['1.001193'] ?? {}).map(([k, v]) => [k, k.startsWith('father.') ? '' : v]));
  const r = validateEform(form('1.001193'), { ...blank, 'father.nationality': 'Việt Nam' }, opts);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.father, undefined);
  // Any real answer beside it brings the group back, default included, with its missing answers asked for.
  const errors = errorsOf('1.001193', { ...blank, 'father.nationality': 'Việt Nam', 'father.fullName': 'Nguyễn Văn Bình' });
  assert.deepEqual(errors.map((e) => e.field), ['father.birthYear', 'father.ethnicity', 'father.residence']);
  // A nationality other than the default is an answer.
  assert.deepEqual(errorsOf('1.001193', { ...blank, 'father.nationality': 'Lào' }).map((e) => e.field), ['father.fullName', 'father.birthYear', 'father.ethnicity', 'father.residence']);
});

test('conditional answers: health check date by licence class, postal address for delivery by post', () => {
  let errors = errorsOf('3.000347', { healthCheckDate: '' });
  assert.match(errorOn(errors, 'healthCheckDate').message.vi, /^Ngày cấp giấy khám sức khỏe: không được để trống/);
  assert.ok(validateEform(form('3.000347'), samplePost('3.000347', { healthCheckDate: '', 'licence.class': 'A1', 'licence.expiryDate': '' }), opts).ok);
  errors = errorsOf('3.000347', { delivery: 'post' });
  assert.equal(errors.length, 1);
  assert.equal(errorOn(errors, 'postalAddress').message.en, 'Postal address: choose the ward or commune and enter the house number and street');
  const byPost = samplePost('3.000347', { delivery: 'post', 'postalAddress.commune': '00004', 'postalAddress.street': '1 Điện Biên Phủ' });
  assert.ok(validateEform(form('3.000347'), byPost, opts).ok);
});

test('checkboxes: a single one is a boolean; a repeated field is an array', () => {
  const r = validateEform(form('2.000815'), samplePost('2.000815', { 'document.foreignIssued': 'true' }), opts);
  assert.ok(r.ok);
  assert.equal((r.value.document as { foreignIssued: boolean }).foreignIssued, true);
  const unticked = validateEform(form('2.000815'), samplePost('2.000815'), opts);
  assert.ok(unticked.ok);
  assert.equal((unticked.value.document as { foreignIssued: boolean }).foreignIssued, false);

  const def: EformDefinition = {
    version: 1,
    schema: {
      type: 'object',
      properties: { channels: { type: 'array', items: { type: 'string', enum: ['sms', 'email', 'post'] }, minItems: 1 } },
      required: ['channels'],
    },
    ui: {
      sections: [{ title: { vi: 'Thông báo', en: 'Notices' }, fields: ['channels'] }],
      fields: {
        channels: {
          widget: 'checkbox',
          label: { vi: 'Nhận thông báo qua', en: 'Send notices by' },
          options: [
            { value: 'sms', label: { vi: 'Tin nhắn', en: 'Text message' } },
            { value: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' } },
            { value: 'post', label: { vi: 'Bưu chính', en: 'Post' } },
          ],
        },
      },
    },
    documents: [],
  };
  const two = validateEform(def, { channels: ['sms', 'email', 'sms'] });
  assert.ok(two.ok);
  assert.deepEqual(two.value.channels, ['sms', 'email']);
  const one = validateEform(def, { channels: 'post' });
  assert.ok(one.ok);
  assert.deepEqual(one.value.channels, ['post']);
  const none = validateEform(def, {});
  assert.deepEqual(none.ok ? [] : none.errors, [{ field: 'channels', message: { vi: 'Nhận thông báo qua: chọn ít nhất một mục', en: 'Send notices by: select at least one option' } }]);
  const wrong = validateEform(def, { channels: ['fax'] });
  assert.equal(wrong.ok ? '' : wrong.errors[0]?.message.vi, 'Nhận thông báo qua: giá trị không có trong danh sách, hãy chọn lại');
});
