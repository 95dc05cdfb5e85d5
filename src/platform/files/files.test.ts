import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { contentDisposition, fileLimitsFrom, inspectAttachment, localDiskStore, nameForType, sha256Of, sniffAttachmentType } from './index.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946ffd9', 'hex');
const EXE = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');

test('attachments are recognised by their first bytes, not by their name', () => {
  assert.equal(sniffAttachmentType(PDF), 'application/pdf');
  assert.equal(sniffAttachmentType(PNG), 'image/png');
  assert.equal(sniffAttachmentType(JPEG), 'image/jpeg');
  assert.equal(sniffAttachmentType(EXE), null);
  assert.equal(sniffAttachmentType(Buffer.from('PDF-1.4 but no percent sign')), null);
  assert.equal(sniffAttachmentType(Buffer.alloc(0)), null);
  assert.equal(sniffAttachmentType(new Uint8Array(PNG.subarray(0, 7))), null);
});

test('the local store is content-addressed under ab/cd/<sha256>, deduplicates and leaves no temporary file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'egov-files-'));
  const store = localDiskStore(root);
  const a = await store.put(PDF);
  assert.equal(a.sha256, sha256Of(PDF));
  assert.equal(a.size, PDF.length);
  const path = join(root, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256);
  assert.deepEqual(readFileSync(path), PDF);
  assert.deepEqual(await store.put(PDF), a);
  await Promise.all([store.put(PNG), store.put(PNG), store.put(PNG)]);
  assert.deepEqual(await store.read(sha256Of(PNG)), PNG);
  assert.equal(await store.has(sha256Of(JPEG)), false);
  assert.deepEqual(readdirSync(join(root, 'tmp')), []);
  await assert.rejects(store.read('../../etc/passwd'), RangeError);
  const chunks: Buffer[] = [];
  for await (const c of await store.stream(a.sha256)) chunks.push(c as Buffer);
  assert.deepEqual(Buffer.concat(chunks), PDF);
});

test('size limits come from the environment, with defaults, and a wrong value names the variable', () => {
  assert.deepEqual(fileLimitsFrom({}), { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 30 * 1024 * 1024, maxFiles: 20 });
  assert.equal(fileLimitsFrom({ EGOV_MAX_FILE_MB: '2', EGOV_MAX_UPLOAD_MB: '5' }).maxFileBytes, 2 * 1024 * 1024);
  assert.throws(() => fileLimitsFrom({ EGOV_MAX_FILE_MB: 'ten' }), /EGOV_MAX_FILE_MB="ten"/);
});

test('a download keeps its Vietnamese name and cannot inject a header', () => {
  const h = contentDisposition('Tờ khai "đăng ký".pdf\r\nX-Evil: 1');
  assert.doesNotMatch(h, /[\r\n]/);
  assert.match(h, /^attachment; filename="To khai _dang ky_.pdf__X-Evil: 1"; filename\*=UTF-8''/);
  assert.match(h, /T%E1%BB%9D%20khai/);
});

const pdf = (body: string): Buffer => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`, 'latin1');

test('a "PDF" that is an HTML application, a web page or a batch file is refused, as is one without its end', () => {
  const hta = Buffer.from('%PDF-1.4\n<html><head><hta:application id="x"/><script>new ActiveXObject("WScript.Shell").Run("calc")</script></head></html>\n%%EOF', 'latin1');
  assert.deepEqual(inspectAttachment(hta), { type: null, refusal: 'active-content' });
  assert.equal(inspectAttachment(Buffer.from('%PDF-1.4\r\n@echo off\r\nstart calc.exe\r\n%%EOF', 'latin1')).refusal, 'active-content');
  assert.equal(inspectAttachment(Buffer.from('%PDF-1.4\n<script>alert(1)</script>', 'latin1')).refusal, 'malformed');
  assert.equal(inspectAttachment(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n', 'latin1')).refusal, 'malformed');
  assert.equal(inspectAttachment(EXE).refusal, 'type');
  assert.equal(sniffAttachmentType(hta), null);
});

test('a PDF with JavaScript, a launch action or an embedded file is refused, even spelt with #xx or compressed', () => {
  assert.equal(inspectAttachment(pdf('1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj')).refusal, 'active-content');
  assert.equal(inspectAttachment(pdf('1 0 obj<</S/Launch/F(cmd.exe)>>endobj')).refusal, 'active-content');
  assert.equal(inspectAttachment(pdf('1 0 obj<</Names<</EmbeddedFiles 2 0 R>>>>endobj')).refusal, 'active-content');
  assert.equal(inspectAttachment(pdf('1 0 obj<</S/J#61vaScript/JS 2 0 R>>endobj')).refusal, 'active-content');
  const hidden = deflateSync(Buffer.from('<</S/JavaScript/JS(app.alert(1))>>', 'latin1'));
  const objStm = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj<</Type/ObjStm/Filter/FlateDecode>>stream\n', 'latin1'), hidden, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
  assert.equal(inspectAttachment(objStm).refusal, 'active-content');
  assert.deepEqual(inspectAttachment(pdf('1 0 obj<</Type/Catalog/JSON 1>>endobj')), { type: 'application/pdf', refusal: null });
  assert.deepEqual(inspectAttachment(PDF), { type: 'application/pdf', refusal: null });
});

test('images must be whole: a PNG with IHDR and IEND, a JPEG with its end marker', () => {
  assert.equal(inspectAttachment(PNG).type, 'image/png');
  assert.equal(inspectAttachment(JPEG).type, 'image/jpeg');
  assert.equal(inspectAttachment(PNG.subarray(0, 20)).refusal, 'malformed');
  assert.equal(inspectAttachment(JPEG.subarray(0, 10)).refusal, 'malformed');
  assert.equal(inspectAttachment(Buffer.concat([JPEG, Buffer.from('<script>alert(1)</script>')])).refusal, 'active-content');
});

test('a stored file is named after the type found in its bytes, never the uploaded extension', () => {
  assert.equal(nameForType('Giay chung sinh.pdf.hta', 'application/pdf'), 'Giay chung sinh.pdf');
  assert.equal(nameForType('ảnh thẻ.jpeg', 'image/png'), 'ảnh thẻ.png');
  assert.equal(nameForType('.hta', 'application/pdf'), 'tep-dinh-kem.pdf');
  assert.equal(nameForType('x.html', 'text/html'), 'x.bin');
});
