import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, parseCsv } from './csv.ts';

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
