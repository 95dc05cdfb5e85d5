// Attachment storage. The interface is what the app needs; the local-disk store is the default and the
// S3-compatible store (s3.ts) implements the same interface. Content-addressed: a file is named by the SHA-256 of
// its bytes, so the same scan uploaded twice is stored once and a stored file never changes.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Stores the bytes (a no-op when the same content is already stored) and returns their address. */
  put(content: Uint8Array): Promise<StoredObject>;
  /** Stores a file already on disk whose SHA-256 and size are known (an upload's temporary file), without reading it into memory. */
  putFile?(path: string, sha256: string, size: number): Promise<StoredObject>;
  has(sha256: string): Promise<boolean>;
  read(sha256: string): Promise<Buffer>;
  stream(sha256: string): Promise<Readable>;
  /** Deletes an object (no error when it is not there): files of a submission that did not commit. */
  remove?(sha256: string): Promise<void>;
  /** Every stored object and when it was written, for the sweep of orphans (stores that can list). */
  list?(): AsyncIterable<{ sha256: string; modified: Date }>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The address itself, or a RangeError when it is not a SHA-256 (so no path or key can be smuggled in). */
export function checkAddress(sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256 address');
  return sha256;
}

/** Files under `root/ab/cd/<sha256>`; new files are written to `root/tmp` first, then renamed into place. */
export function localDiskStore(root: string): FileStore {
  const pathOf = (sha256: string): string => join(root, sha256.slice(0, 2), sha256.slice(2, 4), checkAddress(sha256));
  const exists = async (path: string): Promise<number | null> => {
    try {
      return (await stat(path)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  const tmpPathFor = async (sha256: string): Promise<string> => {
    const tmpDir = join(root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    return join(tmpDir, `${sha256}.${process.pid}.${randomBytes(6).toString('hex')}`);
  };
  const moveIntoPlace = async (tmp: string, sha256: string, target: string): Promise<void> => {
    try {
      await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      // rename() is atomic: a reader sees no file or the whole file, and two writers of the same content agree.
      await rename(tmp, target);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  };
  return {
    async put(content) {
      const sha256 = sha256Of(content);
      const target = pathOf(sha256);
      if ((await exists(target)) === content.byteLength) return { sha256, size: content.byteLength };
      const tmp = await tmpPathFor(sha256);
      const fh = await open(tmp, 'wx', 0o640);
      try {
        await fh.writeFile(content);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await moveIntoPlace(tmp, sha256, target);
      return { sha256, size: content.byteLength };
    },
    async putFile(path, sha256, size) {
      const target = pathOf(sha256);
      if ((await exists(target)) === size) return { sha256, size };
      // A copy (the upload's temporary file is deleted by its request), synced, then renamed into place like put().
      const tmp = await tmpPathFor(sha256);
      try {
        await copyFile(path, tmp);
        await chmod(tmp, 0o640);
        const fh = await open(tmp, 'r');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
      } catch (err) {
        await unlink(tmp).catch(() => undefined);
        throw err;
      }
      await moveIntoPlace(tmp, sha256, target);
      return { sha256, size };
    },
    async has(sha256) {
      return (await exists(pathOf(sha256))) !== null;
    },
    async read(sha256) {
      return readFile(pathOf(sha256));
    },
    async stream(sha256) {
      const path = pathOf(sha256);
      if ((await exists(path)) === null) throw Object.assign(new Error(`stored file ${sha256} is missing`), { code: 'ENOENT' });
      return createReadStream(path);
    },
    async remove(sha256) {
      await unlink(pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
    async *list() {
      const dirs = async (dir: string): Promise<string[]> =>
        (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{2}$/.test(n));
      for (const a of await dirs(root)) {
        for (const b of await dirs(join(root, a))) {
          for (const name of await readdir(join(root, a, b)).catch(() => [] as string[])) {
            if (!SHA256.test(name)) continue;
            const s = await stat(join(root, a, b, name)).catch(() => null);
            if (s) yield { sha256: name, modified: s.mtime };
          }
        }
      }
    },
  };
}
