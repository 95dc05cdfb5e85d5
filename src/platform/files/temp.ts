// Uploads are streamed to a temporary file under EGOV_VAR_DIR/tmp/uploads (directory 0700, files 0600, random names),
// hashed and counted on the way, so a request's files never sit in memory together. The route deletes its temporary
// files when the response is sent or the request aborted; what a crash leaves, the sweep removes after an hour.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** One upload written to disk: where, how large, its SHA-256 and its first bytes (for the type check). */
export interface TempUpload {
  path: string;
  size: number;
  sha256: string;
  head: Buffer;
}

const HEAD_BYTES = 16;
const NAME = /^[0-9a-f]{32}\.upload$/;
export const TEMP_UPLOAD_MAX_AGE_MS = 3_600_000;

export const tempUploadDirOf = (varDir: string): string => join(varDir, 'tmp', 'uploads');

export async function makeTempUploadDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** A new temporary file's path (the caller registers it for deletion before writing). */
export const newTempUploadPath = (dir: string): string => join(dir, `${randomBytes(16).toString('hex')}.upload`);

/**
 * Writes `source` to `path` while at most `room` bytes have come; past that, the rest is read and dropped and the
 * file deleted (`upload` null). `size` is every byte read, so the caller can keep the request's running total.
 */
export async function streamToTemp(path: string, source: AsyncIterable<Buffer>, room: number): Promise<{ upload: TempUpload | null; size: number }> {
  const fh = await open(path, 'wx', 0o600);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let over = false;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (over) continue;
      if (size > room) {
        over = true;
        continue;
      }
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      for (let off = 0; off < chunk.length; ) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
    }
  } catch (err) {
    await fh.close().catch(() => undefined);
    await removeTemp(path);
    throw err;
  }
  await fh.close();
  if (over) {
    await removeTemp(path);
    return { upload: null, size };
  }
  return { upload: { path, size, sha256: hash.digest('hex'), head: Buffer.concat(head) }, size };
}

/** Deletes a temporary file; no error when it is already gone. */
export async function removeTemp(path: string): Promise<void> {
  await unlink(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/** Deletes the temporary uploads older than `maxAgeMs` (left by a crash mid-request); returns how many. */
export async function sweepTempUploads(dir: string, now = new Date(), maxAgeMs = TEMP_UPLOAD_MAX_AGE_MS): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!NAME.test(name)) continue;
    const s = await stat(join(dir, name)).catch(() => null);
    if (!s || now.getTime() - s.mtime.getTime() <= maxAgeMs) continue;
    await removeTemp(join(dir, name)).catch(() => undefined);
    removed++;
  }
  return removed;
}
