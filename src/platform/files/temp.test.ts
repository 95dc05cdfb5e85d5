import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDiskStore, makeTempUploadDir, newTempUploadPath, streamToTemp, sweepTempUploads, tempUploadDirOf } from './index.ts';

async function* chunks(...parts: string[]): AsyncIterable<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

test('an upload is streamed to a private temporary file, hashed and counted; past the room it is dropped and deleted', async () => {
  const dir = tempUploadDirOf(mkdtempSync(join(tmpdir(), 'egov-temp-')));
  await makeTempUploadDir(dir);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  const path = newTempUploadPath(dir);
  const { upload, size } = await streamToTemp(path, chunks('%PDF-1.4\n', 'hello ', 'world'), 100);
  assert.equal(size, 20);
  assert.ok(upload);
  assert.equal(upload.size, 20);
  assert.equal(upload.sha256, createHash('sha256').update('%PDF-1.4\nhello world').digest('hex'));
  assert.equal(upload.head.toString(), '%PDF-1.4\nhello w');
  assert.equal(readFileSync(path, 'utf8'), '%PDF-1.4\nhello world');
  assert.equal(statSync(path).mode & 0o777, 0o600);

  const over = newTempUploadPath(dir);
  const dropped = await streamToTemp(over, chunks('0123456789', '0123456789', 'more'), 15);
  assert.equal(dropped.upload, null);
  assert.equal(dropped.size, 24, 'every byte read is counted, for the request total');
  assert.deepEqual(readdirSync(dir), [path.slice(dir.length + 1)], 'the dropped file is deleted');

  // The local store copies the temporary file into place without reading it into memory.
  const store = localDiskStore(join(dir, '..', 'files'));
  assert.deepEqual(await store.putFile?.(path, upload.sha256, upload.size), { sha256: upload.sha256, size: 20 });
  assert.equal((await store.read(upload.sha256)).toString(), '%PDF-1.4\nhello world');
});

test('the sweep deletes temporary uploads older than an hour and leaves newer ones and other files', async () => {
  const dir = tempUploadDirOf(mkdtempSync(join(tmpdir(), 'egov-sweep-')));
  await makeTempUploadDir(dir);
  const now = new Date('2026-12-04T10:00:00Z');
  const old = newTempUploadPath(dir);
  const fresh = newTempUploadPath(dir);
  writeFileSync(old, 'left by a crash');
  writeFileSync(fresh, 'being uploaded');
  writeFileSync(join(dir, 'README'), 'not an upload');
  const twoHoursAgo = new Date(now.getTime() - 2 * 3_600_000);
  utimesSync(old, twoHoursAgo, twoHoursAgo);
  utimesSync(join(dir, 'README'), twoHoursAgo, twoHoursAgo);
  const tenMinutesAgo = new Date(now.getTime() - 600_000);
  utimesSync(fresh, tenMinutesAgo, tenMinutesAgo);
  assert.equal(await sweepTempUploads(dir, now), 1);
  assert.deepEqual(readdirSync(dir).sort(), [fresh.slice(dir.length + 1), 'README'].sort());
  assert.equal(await sweepTempUploads(join(dir, 'missing'), now), 0, 'a missing directory is nothing to sweep');
});
