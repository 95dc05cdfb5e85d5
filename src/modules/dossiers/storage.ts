// Where this app keeps attachments and how large they may be: the local-disk store under EGOV_VAR_DIR/files by
// default, the S3-compatible store with FILES_STORE=s3; another store or other limits can be plugged in per platform.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { type FileLimits, type FileStore, fileLimitsFrom, localDiskStore, s3Store } from '../../platform/files/index.ts';
import { dossierRepo } from './repo.ts';
import { dossierDb } from './tables.ts';

interface AttachmentSetup {
  store: FileStore;
  limits: FileLimits;
}

const setups = new WeakMap<Platform, AttachmentSetup>();

function setupOf(platform: Platform): AttachmentSetup {
  let s = setups.get(platform);
  if (!s) {
    const files = platform.config.files;
    const store = files.store === 's3' ? s3Store(files) : localDiskStore(join(platform.config.varDir, 'files'));
    s = { store, limits: fileLimitsFrom() };
    setups.set(platform, s);
  }
  return s;
}

export const attachmentStore = (platform: Platform): FileStore => setupOf(platform).store;
export const attachmentLimits = (platform: Platform): FileLimits => setupOf(platform).limits;

/** Replaces the store or the limits (an S3-compatible store in production; small limits in tests). */
export function configureAttachments(platform: Platform, change: Partial<AttachmentSetup>): void {
  setups.set(platform, { ...setupOf(platform), ...change });
}

/** A file to store: its bytes in memory, or an upload's temporary file (copied into place, or read for a store that cannot). */
export interface StageableFile {
  sha256: string;
  size: number;
  content?: Buffer | undefined;
  path?: string | undefined;
}

export async function putOne(store: FileStore, f: StageableFile): Promise<void> {
  if (f.content) await store.put(f.content);
  else if (f.path && store.putFile) await store.putFile(f.path, f.sha256, f.size);
  else if (f.path) await store.put(await readFile(f.path));
  else throw new Error(`file ${f.sha256} has neither content nor path`);
}

/** Files written to the store ahead of a transaction; `discard` removes the new ones when it did not commit. */
export interface StagedFiles {
  discard(): Promise<void>;
}

/**
 * Writes the files before the transaction (which stays short) and remembers which were not in the store yet. When
 * the transaction fails or is refused, `discard()` deletes those that no committed row refers to: a refused upload
 * leaves nothing behind. What a crash leaves, the daily sweep removes (sweepOrphanFiles).
 */
export async function stageFiles(platform: Platform, files: readonly StageableFile[]): Promise<StagedFiles> {
  const store = attachmentStore(platform);
  const added: string[] = [];
  for (const f of files) {
    const existed = await store.has(f.sha256);
    await putOne(store, f);
    if (!existed) added.push(f.sha256);
  }
  return {
    async discard() {
      if (added.length === 0 || !store.remove) return;
      const kept = await dossierRepo.storedAmong(dossierDb(platform.database.db), added);
      for (const sha of added) if (!kept.has(sha)) await store.remove(sha).catch(() => undefined);
    },
  };
}

/**
 * Records files already written to the store (stageFiles) as kept, in the caller's transaction: other modules that
 * keep uploads in the same store (citizen feedback's photos) call it so the orphan sweep leaves their files alone.
 */
export async function recordStoredFiles(db: Kysely<PlatformTables>, files: { sha256: string; size: number; mime: string }[]): Promise<void> {
  await dossierRepo.addStoredFiles(dossierDb(db), files);
}

export const ORPHAN_SWEEP_JOB = 'attachments-orphan-sweep';
const DAY_MS = 86_400_000;

/** Deletes stored objects no row refers to that are older than a day (left by a crash mid-submission). */
export async function sweepOrphanFiles(platform: Platform, now = new Date()): Promise<number> {
  const store = attachmentStore(platform);
  if (!store.list || !store.remove) return 0;
  const old: string[] = [];
  for await (const o of store.list()) if (now.getTime() - o.modified.getTime() > DAY_MS) old.push(o.sha256);
  let removed = 0;
  for (let i = 0; i < old.length; i += 500) {
    const batch = old.slice(i, i + 500);
    const kept = await dossierRepo.storedAmong(dossierDb(platform.database.db), batch);
    for (const sha of batch) {
      if (kept.has(sha)) continue;
      await store.remove(sha);
      removed++;
    }
  }
  return removed;
}
