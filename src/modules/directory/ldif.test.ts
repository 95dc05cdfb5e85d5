import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeDnValue, isSafeString, ldif, ldifLine } from './ldif.ts';

/** Reads LDIF back: unfold, then each attribute line, base64 decoded where written with "::". */
function parse(text: string): [string, string][][] {
  const [version, ...records] = text.replace(/\n /g, '').split('\n\n');
  assert.equal(version, 'version: 1');
  return records.map((r) =>
    r
      .split('\n')
      .filter((l) => l !== '')
      .map((l): [string, string] => {
        const m = /^([A-Za-z][\w-]*)(::?) ?(.*)$/.exec(l);
        assert.ok(m, `not an LDIF line: ${l}`);
        const [, name = '', sep, value = ''] = m;
        return [name, sep === '::' ? Buffer.from(value, 'base64').toString('utf8') : value];
      }),
  );
}

test('SAFE-STRINGs are written plain; Vietnamese and leading space, colon or "<" go base64', () => {
  assert.ok(isSafeString('nva@hanoi.gov.vn'));
  assert.ok(!isSafeString('Nguyễn Văn An'));
  assert.ok(!isSafeString(' leading'));
  assert.ok(!isSafeString(':colon'));
  assert.ok(!isSafeString('<url'));
  assert.ok(!isSafeString('trailing '));
  assert.ok(!isSafeString('line\nbreak'));
  assert.ok(!isSafeString('nul\u0000'));
  assert.equal(ldifLine('mail', 'nva@hanoi.gov.vn'), 'mail: nva@hanoi.gov.vn\n');
  assert.equal(ldifLine('cn', 'Nguyễn Văn An'), `cn:: ${Buffer.from('Nguyễn Văn An').toString('base64')}\n`);
  assert.equal(ldifLine('cn', ':x'), 'cn:: Ong=\n');
});

test('long lines fold with a leading space and unfold to the value', () => {
  const value = 'Phòng Quản lý đô thị, Phòng Văn hóa – Xã hội, Phòng Kinh tế – Hạ tầng và Đô thị';
  const line = ldifLine('ou', value);
  const lines = line.trimEnd().split('\n');
  assert.ok(lines.length > 1);
  for (const l of lines) assert.ok(Buffer.byteLength(l) <= 76);
  assert.deepEqual(parse(`version: 1\n\n${line}`)[0], [['ou', value]]);
});

test('a file of entries parses back to the same attributes, with DNs escaped', () => {
  assert.equal(escapeDnValue('a+b,c'), 'a\\+b\\,c');
  assert.equal(escapeDnValue(' x'), '\\ x');
  const text = ldif([
    { dn: 'ou=000.04.51.H26,dc=hanoi,dc=gov,dc=vn', attributes: [['objectClass', 'organizationalUnit'], ['description', 'Ủy ban nhân dân phường Hoàn Kiếm']] },
    { dn: `mail=${escapeDnValue('a+b@hanoi.gov.vn')},ou=000.04.51.H26,dc=hanoi,dc=gov,dc=vn`, attributes: [['cn', 'Đinh Thị Mai'], ['title', ''], ['mail', 'a+b@hanoi.gov.vn']] },
  ]);
  const records = parse(text);
  assert.equal(records.length, 2);
  assert.deepEqual(records[0], [['dn', 'ou=000.04.51.H26,dc=hanoi,dc=gov,dc=vn'], ['objectClass', 'organizationalUnit'], ['description', 'Ủy ban nhân dân phường Hoàn Kiếm']]);
  // An empty value is left out rather than written as an empty attribute.
  assert.deepEqual(records[1], [['dn', 'mail=a\\+b@hanoi.gov.vn,ou=000.04.51.H26,dc=hanoi,dc=gov,dc=vn'], ['cn', 'Đinh Thị Mai'], ['mail', 'a+b@hanoi.gov.vn']]);
  assert.ok([...text].every((c) => c.charCodeAt(0) < 128), 'the file is plain ASCII');
});
