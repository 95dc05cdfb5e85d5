// Where this app keeps attachments and how large they may be: the local-disk store under EGOV_VAR_DIR/files by
// default, the S3-compatible store with FILES_STORE=s3; another store or other limits can be plugged in per platform.
import { join } from 'node:path';
import type { Platform } from '../../platform/http/context.ts';
import { type FileLimits, type FileStore, fileLimitsFrom, localDiskStore, s3Store } from '../../platform/files/index.ts';

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
