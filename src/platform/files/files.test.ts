import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentDisposition, fileLimitsFrom, localDiskStore, sha256Of, sniffAttachmentType } from './index.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
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
