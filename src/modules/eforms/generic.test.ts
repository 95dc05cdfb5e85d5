import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEformDefinition,
  checkEformFiles,
  documentFieldName,
  eformFor,
  genericEform,
  prefillValues,
  resolveEform,
  shippedEform,
  validateEform,
  type EformUpload,
} from './index.ts';
import { FILE_HEADS, TEST_NOW } from './testing.ts';

// Required documents of 3.000347 as the procedures module parses them, plus a note the portal lists as "0 bản chính".
const LICENCE_DOCS = [
  { name: 'Đề nghị đổi giấy phép lái xe theo mẫu quy định tại Phụ lục XII', originals: 1, copies: null, form_file: null },
  { name: 'Giấy khám sức khỏe của người lái xe (trừ người có giấy phép lái xe hạng A1, A, B1)', originals: 1, copies: null, form_file: null },
  { name: 'Hộ chiếu còn thời hạn sử dụng (nếu có)', originals: 1, copies: null, form_file: null },
  { name: 'Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm bản sao có chứng thực', originals: 1, copies: null, form_file: null },
  { name: 'Người tiếp nhận có trách nhiệm tiếp nhận đúng, đủ hồ sơ', originals: 0, copies: null, form_file: null },
  { name: 'Bản sao giấy phép lái xe', originals: 0, copies: 1, form_file: 'Mau 01.docx' },
];

test('the generic form asks who is applying and one upload per required-document line', () => {
  const def = genericEform({ name: 'Đổi giấy phép lái xe', documents: LICENCE_DOCS });
  assert.deepEqual(checkEformDefinition(def).ok, true);
  assert.deepEqual(Object.keys(def.ui.fields), ['applicant.fullName', 'applicant.personalId', 'applicant.phone', 'applicant.email', 'applicant.address', 'details']);
  assert.equal(def.ui.fields['applicant.fullName']?.prefill, 'fullName');
  assert.deepEqual(
    def.documents.map((d) => [d.key, d.required, d.originals, d.copies]),
    [
      ['doc1', true, 1, undefined],
      ['doc2', true, 1, undefined],
      ['doc3', false, 1, undefined],
      ['doc4', false, 1, undefined],
      ['doc5', true, undefined, 1],
    ],
  );
  assert.equal(def.documents[2]?.name.vi, 'Hộ chiếu còn thời hạn sử dụng (nếu có)');
  assert.match(def.ui.fields.details?.hint?.vi ?? '', /“Đổi giấy phép lái xe”/);
});

test('the generic form validates an applicant', () => {
  const def = genericEform({ name: 'Thủ tục X', documents: [] });
  const ok = validateEform(def, {
    'applicant.fullName': 'Ngô Bảo Châu',
    'applicant.personalId': '001072012345',
    'applicant.phone': '0912345678',
    'applicant.address.commune': '00070',
    'applicant.address.street': '1 Tràng Tiền',
  }, { now: TEST_NOW });
  assert.ok(ok.ok, JSON.stringify(ok));
  const bad = validateEform(def, { 'applicant.fullName': 'Ngô Bảo Châu' }, { now: TEST_NOW });
  assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.field), ['applicant.personalId', 'applicant.phone', 'applicant.address']);
});

test('a procedure gets its own valid form, else the shipped one, else the generic one', () => {
  const own = genericEform({ name: 'Riêng', documents: [{ name: 'Đơn', originals: 1, copies: 0 }] });
  const withOwn = resolveEform({ code: '1.001193', eform: own, name: 'Thủ tục đăng ký khai sinh', documents: [] });
  assert.equal(withOwn.source, 'procedure');
  assert.equal(withOwn.def.documents[0]?.name.vi, 'Đơn');

  const broken = resolveEform({ code: '1.001193', eform: { version: 1, schema: {} }, name: 'Thủ tục đăng ký khai sinh', documents: [] });
  assert.equal(broken.source, 'shipped');
  assert.ok(broken.issues.length > 0, 'the reason the own form was not used is kept');
  assert.equal(broken.def, shippedEform('1.001193'));

  assert.equal(eformFor({ code: '1.000894.H26', eform: null, name: 'Thủ tục đăng ký kết hôn', documents: [] }), shippedEform('1.000894'));
  const generic = resolveEform({ code: '2.002000', eform: null, name: 'Thủ tục khác', documents: LICENCE_DOCS });
  assert.equal(generic.source, 'generic');
  assert.equal(generic.def.documents.length, 5);
});

test('attached files: required ones present, type by content, size within the limit', () => {
  const def = shippedEform('3.000347');
  assert.ok(def);
  const up = (key: string, head: Uint8Array, size = 1000, filename = `${key}.bin`): EformUpload => ({ field: documentFieldName(key), filename, size, head });

  const ok = checkEformFiles(def, [up('portrait', FILE_HEADS.jpeg), up('licenceCopy', FILE_HEADS.pdf), up('passport', new Uint8Array(), 0, ''), up('other', FILE_HEADS.pdf)]);
  assert.ok(ok.ok);
  assert.deepEqual(ok.files.map((f) => [f.document.key, f.mimeType]), [['portrait', 'image/jpeg'], ['licenceCopy', 'application/pdf']]);

  const bad = checkEformFiles(def, [up('portrait', FILE_HEADS.pdf), up('healthCertificate', FILE_HEADS.gif), up('passport', FILE_HEADS.png, 6 * 1024 * 1024)]);
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.ok ? [] : bad.errors, [
    { field: 'files.healthCertificate', message: {
      vi: 'Giấy khám sức khỏe của người lái xe còn hiệu lực, trừ người có giấy phép lái xe hạng A1, A, B1: tệp phải có định dạng PDF, JPG, PNG',
      en: "Valid driver's medical certificate, except for licence classes A1, A and B1: the file must be PDF, JPG, PNG",
    } },
    { field: 'files.portrait', message: {
      vi: 'Ảnh chân dung: chụp chính diện, nền màu trắng hoặc xanh, không đeo kính, trong vòng 6 tháng: tệp phải có định dạng JPG, PNG',
      en: 'Portrait photo: full face, white or blue background, no glasses, taken in the last 6 months: the file must be JPG, PNG',
    } },
    { field: 'files.licenceCopy', message: { vi: 'Bản sao giấy phép lái xe: chưa tải lên tệp', en: 'Copy of the driving licence: upload a file' } },
    { field: 'files.passport', message: {
      vi: 'Hộ chiếu còn thời hạn, đối với người nước ngoài, người Việt Nam định cư ở nước ngoài (nếu có): tệp vượt quá 5 MB',
      en: 'Valid passport, for foreigners and overseas Vietnamese: the file is larger than 5 MB',
    } },
  ]);
});

test('prefill takes the citizen’s profile into the fields marked for it', () => {
  const def = shippedEform('1.001193');
  assert.ok(def);
  const values = prefillValues(def, {
    fullName: 'Nguyễn Thị Lan',
    personalId: '001195012345',
    phone: '+84912345678',
    email: null,
    address: { commune: '00070', street: '12 phố Hàng Bạc' },
  });
  assert.deepEqual(values, {
    'declarant.fullName': 'Nguyễn Thị Lan',
    'declarant.personalId': '001195012345',
    'declarant.residence.commune': '00070',
    'declarant.residence.street': '12 phố Hàng Bạc',
    'declarant.phone': '0912345678',
  });
});
