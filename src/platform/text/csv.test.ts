import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, parseCsv, toCsv } from './csv.ts';

test('CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF, blank lines and a BOM', () => {
  const text = '\ufeffa,b\r\n"x, y","he said ""hi"""\r\n\r\n"multi\nline",2\n3,\n';
  assert.deepEqual(parseCsv(text), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x, y', 'he said "hi"'] },
    { line: 4, fields: ['multi\nline', '2'] },
    { line: 6, fields: ['3', ''] },
  ]);
  assert.deepEqual(parseCsv('a,b\n1,"",'), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', '', ''] },
  ]);
});

test('bytes that are not UTF-8 are read as Windows-1252', () => {
  assert.deepEqual(decodeText(Buffer.from('Hà Nội', 'utf8')), { text: 'Hà Nội', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.from([0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69])), { text: 'Hµ Néi', encoding: 'windows-1252' });
});

test('a semicolon file (a spreadsheet saved in a Vietnamese locale) is read with delimiter auto; commas stay commas', () => {
  assert.deepEqual(parseCsv('ma;ten\r\n001;"Nguyễn; Văn A"\r\n', { delimiter: 'auto' }), [
    { line: 1, fields: ['ma', 'ten'] },
    { line: 2, fields: ['001', 'Nguyễn; Văn A'] },
  ]);
  assert.deepEqual(parseCsv('a,b;c\n1,2;3', { delimiter: 'auto' }), [
    { line: 1, fields: ['a', 'b;c'] },
    { line: 2, fields: ['1', '2;3'] },
  ]);
});

test('what toCsv writes parseCsv reads back, line breaks and quotes included', () => {
  const rows = [['1', 'a, "b"'], ['2', 'dòng 1\ndòng 2'], ['3', 'x;y']];
  const text = toCsv(['id', 'text'], rows);
  assert.deepEqual(parseCsv(text).map((r) => r.fields), [['id', 'text'], ...rows]);
});
