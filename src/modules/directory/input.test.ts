import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/http/errors.ts';
import { parsePhone, phoneUri, splitName, telUri, validateEntry } from './input.ts';

const ok = { fullName: 'Nguyễn Văn An', email: 'nva@hanoi.gov.vn' };

function fieldsOf(fn: () => unknown): Record<string, { vi: string; en: string }> {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'INVALID_ENTRY');
    return Object.fromEntries(err.fields.map((f) => [f.field, f.message]));
  }
  assert.fail('expected INVALID_ENTRY');
}

test('addresses in the official domain or a subdomain pass; others get a Vietnamese and English error naming the domain', () => {
  assert.equal(validateEntry({ ...ok, email: ' NVA.HoanKiem@Hanoi.gov.vn ' }, 'hanoi.gov.vn').email, 'nva.hoankiem@hanoi.gov.vn');
  assert.equal(validateEntry({ ...ok, email: 'nva@hoankiem.hanoi.gov.vn' }, 'hanoi.gov.vn').email, 'nva@hoankiem.hanoi.gov.vn');
  for (const email of ['nva@gmail.com', 'nva@evilhanoi.gov.vn', 'nva@hanoi.gov.vn.example.com']) {
    const f = fieldsOf(() => validateEntry({ ...ok, email }, 'hanoi.gov.vn'));
    assert.match(f.email?.vi ?? '', /tên miền hanoi\.gov\.vn/);
    assert.match(f.email?.en ?? '', /in the domain hanoi\.gov\.vn/);
  }
  assert.match(fieldsOf(() => validateEntry({ ...ok, email: 'not an address' }, 'hanoi.gov.vn')).email?.en ?? '', /not an e-mail address/);
  assert.match(fieldsOf(() => validateEntry({ ...ok, email: 'nva@gmail.com' }, 'gmail.com.vn')).email?.vi ?? '', /gmail\.com\.vn/);
});

test('names are NFC with spaces collapsed; digits, markup and overlong names are refused, every field at once', () => {
  const decomposed = 'Nguye\u0302\u0303n   Thi\u0323 Ha\u0300'.normalize('NFD');
  assert.equal(validateEntry({ ...ok, fullName: decomposed }, 'hanoi.gov.vn').fullName, 'Nguyễn Thị Hà');
  const f = fieldsOf(() => validateEntry({ fullName: '<b>An</b>', email: '', officePhone: '12', mobile: '024 3825 3536', sortOrder: 'abc', position: 'x'.repeat(151) }, 'hanoi.gov.vn'));
  assert.deepEqual(Object.keys(f).sort(), ['email', 'fullName', 'mobile', 'officePhone', 'position', 'sortOrder']);
  assert.match(fieldsOf(() => validateEntry({ ...ok, fullName: 'A'.repeat(121) }, 'hanoi.gov.vn')).fullName?.en ?? '', /at most 120/);
  assert.match(fieldsOf(() => validateEntry({ ...ok, fullName: 'An 2' }, 'hanoi.gov.vn')).fullName?.en ?? '', /only letters/);
});

test('Vietnamese phone numbers: national, +84, separators and extensions; a mobile must be a mobile', () => {
  assert.deepEqual(parsePhone('024 3825 3536'), { national: '02438253536', extension: null });
  assert.deepEqual(parsePhone('+84 24 3825 3536'), { national: '02438253536', extension: null });
  assert.deepEqual(parsePhone('(024) 3825.3536 máy lẻ 123'), { national: '02438253536', extension: '123' });
  assert.deepEqual(parsePhone('024-3825-3536 ext. 12'), { national: '02438253536', extension: '12' });
  assert.deepEqual(parsePhone('024 3825 3536, Máy lẻ 7'), { national: '02438253536', extension: '7' });
  assert.deepEqual(parsePhone('1900 1234'), { national: '19001234', extension: null });
  for (const bad of ['12345', '+1 202 555 0100', '024 3825 3536 máy lẻ', 'gọi 024 3825 3536', '0243825353612345']) assert.equal(parsePhone(bad), null, bad);
  assert.equal(telUri('024 3825 3536 máy lẻ 12'), 'tel:+842438253536;ext=12');
  assert.equal(phoneUri({ national: '19001234', extension: null }), 'tel:19001234;phone-context=+84');
  assert.equal(validateEntry({ ...ok, mobile: '+84 912 345 678' }, 'hanoi.gov.vn').mobile, '+84 912 345 678');
  assert.ok(fieldsOf(() => validateEntry({ ...ok, mobile: '0912 345 678 ext 1' }, 'hanoi.gov.vn')).mobile);
});

test('order, publication and the linked account', () => {
  const d = validateEntry({ ...ok, sortOrder: '20', public: 'on', accountId: '7' }, 'hanoi.gov.vn');
  assert.deepEqual([d.sortOrder, d.public, d.accountId], [20, true, 7]);
  const blank = validateEntry(ok, 'hanoi.gov.vn');
  assert.deepEqual([blank.sortOrder, blank.public, blank.accountId], [0, false, null]);
  assert.ok(fieldsOf(() => validateEntry({ ...ok, accountId: 'x7' }, 'hanoi.gov.vn')).accountId);
  assert.deepEqual(splitName('Nguyễn Thị Minh Khai'), { family: 'Nguyễn', given: 'Thị Minh Khai' });
});
