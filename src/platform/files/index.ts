// Attachment files: content sniffing, size limits and content-addressed storage.
export {
  ATTACHMENT_TYPES,
  type AttachmentType,
  type AttachmentRefusal,
  type Inspection,
  extensionOf,
  inspectAttachment,
  sniffAttachmentType,
} from './sniff.ts';
export { refusalText } from './messages.ts';
export { type FileLimits, fileLimitsFrom } from './limits.ts';
export { type FileStore, type StoredObject, localDiskStore, sha256Of } from './store.ts';
export { S3StoreError, type S3StoreOptions, s3KeyOf, s3Store } from './s3.ts';
export { contentDisposition, nameForType } from './disposition.ts';
export { type TempUpload, TEMP_UPLOAD_MAX_AGE_MS, makeTempUploadDir, newTempUploadPath, removeTemp, streamToTemp, sweepTempUploads, tempUploadDirOf } from './temp.ts';
