// Images and attachments of an article. An image is read by sharp (what is not an image, or is too large, is refused
// with a clear reason), turned upright by its EXIF orientation, stripped of its metadata (a phone photo's GPS position
// never reaches a reader) and kept as WebP at 480, 960 and 1600 px wide (never wider than it came) plus one 1200 px
// JPEG for link previews (og:image). A file is a PDF, Word or Excel document recognised by its bytes, kept as uploaded.
import sharp from 'sharp';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { SiteErrors } from './errors.ts';
import { type Media, mediaDb, mediaRepo } from './media-repo.ts';
import { getSite, isVisible, requireSiteEditor } from './service.ts';
import { sitesDb, sitesRepo } from './repo.ts';
import { forgetSitePages } from './cache.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** 50 megapixels: a camera's largest photo; past it (or a decompression bomb) the image is refused. */
const MAX_PIXELS = 50_000_000;
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
export const PREVIEW = '1200.jpg';

const DOCUMENTS: readonly { mime: string; test: (b: Buffer) => boolean; ext: RegExp }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', ext: /\.pdf$/i },
  // Office Open XML is a ZIP: the extension tells Word from Excel.
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', test: (b) => b.readUInt32LE(0) === 0x04034b50, ext: /\.docx$/i },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', test: (b) => b.readUInt32LE(0) === 0x04034b50, ext: /\.xlsx$/i },
];

const refuse = (vi: string, en: string): never => {
  throw SiteErrors.INVALID_ARTICLE({ fields: [{ field: 'file', message: { vi, en } }] });
};

async function imageVariants(bytes: Buffer): Promise<{ width: number; height: number; blobs: { variant: string; mime: string; bytes: Buffer }[] }> {
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    return refuse('Tệp này không phải là ảnh đọc được (JPEG, PNG, WebP, GIF hoặc AVIF).', 'This file is not a readable image (JPEG, PNG, WebP, GIF or AVIF).');
  }
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'gif', 'heif', 'avif'].includes(meta.format ?? '')) {
    return refuse('Tệp này không phải là ảnh đọc được (JPEG, PNG, WebP, GIF hoặc AVIF).', 'This file is not a readable image (JPEG, PNG, WebP, GIF or AVIF).');
  }
  if (meta.width * meta.height > MAX_PIXELS) refuse('Ảnh quá lớn (quá 50 triệu điểm ảnh).', 'The image is too large (more than 50 megapixels).');
  const upright = (w: number) => sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: w, withoutEnlargement: true });
  const blobs = [];
  try {
    for (const w of IMAGE_WIDTHS) blobs.push({ variant: `${w}.webp`, mime: 'image/webp', bytes: await upright(w).webp({ quality: 78 }).toBuffer() });
    blobs.push({ variant: PREVIEW, mime: 'image/jpeg', bytes: await upright(1200).flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer() });
  } catch {
    return refuse('Không xử lý được ảnh này (tệp hỏng?).', 'This image could not be processed (a damaged file?).');
  }
  const swapped = (meta.orientation ?? 1) >= 5;
  return { width: swapped ? meta.height : meta.width, height: swapped ? meta.width : meta.height, blobs };
}

/** Adds an image or a file to an article of the editor's site. */
export async function uploadMedia(platform: Platform, actor: Actor, siteSlug: string, articleId: number, upload: { filename: string; bytes: Buffer | undefined; truncated: boolean; alt: string }, ip: string | null): Promise<Media> {
  const site = await getSite(platform, siteSlug);
  const user = requireSiteEditor(actor, site);
  if (!user.roles.includes('editor') && !user.roles.includes('admin')) throw HttpErrors.FORBIDDEN();
  const article = await sitesRepo.findById(sitesDb(platform.database.db), articleId);
  if (!article || article.site_id !== site.id) throw SiteErrors.ARTICLE_NOT_FOUND();
  const { bytes, filename } = upload;
  if (upload.truncated || (bytes && bytes.length > MAX_UPLOAD_BYTES)) refuse('Tệp lớn quá 10 MB.', 'The file is larger than 10 MB.');
  if (!bytes || bytes.length === 0) return refuse('Hãy chọn một tệp để tải lên.', 'Choose a file to upload.');
  const name = filename.slice(0, 200) || 'tep';
  const doc = bytes.length >= 4 ? DOCUMENTS.find((d) => d.ext.test(name) && d.test(bytes)) : undefined;
  const alt = upload.alt.slice(0, 300);
  let media: Omit<Media, 'id' | 'created_at'>;
  let blobs;
  if (doc) {
    media = { site_id: site.id, article_id: article.id, kind: 'file', name, mime: doc.mime, size: bytes.length, alt: '', width: null, height: null, created_by: user.id };
    blobs = [{ variant: 'file', mime: doc.mime, bytes }];
  } else {
    if (/\.(pdf|docx|xlsx)$/i.test(name)) refuse('Nội dung tệp không khớp với đuôi tệp.', 'The file’s content does not match its extension.');
    // Anything but a document is taken for an image, and refused with that reason when it is not one.
    if (alt === '') refuse('Hãy nhập mô tả ảnh cho người không nhìn thấy ảnh.', 'Describe the image for people who cannot see it.');
    const img = await imageVariants(bytes);
    media = { site_id: site.id, article_id: article.id, kind: 'image', name, mime: 'image/webp', size: bytes.length, alt, width: img.width, height: img.height, created_by: user.id };
    blobs = img.blobs;
  }
  const row = await platform.database.db.transaction().execute(async (trx) => {
    const m = await mediaRepo.insert(mediaDb(trx), media, blobs);
    await recordAudit(trx, { actor: user, action: 'article.media.add', entity: 'article', entityId: article.id, agencyId: site.agency_id, ip, data: { media: m.id, kind: m.kind, name: m.name, size: m.size } });
    return m;
  });
  forgetSitePages(platform, site.slug);
  return row;
}

/** Removes an image or a file from an article of the editor's site; a body still showing the image shows nothing there. */
export async function removeMedia(platform: Platform, actor: Actor, siteSlug: string, articleId: number, mediaId: number, ip: string | null): Promise<Media> {
  const site = await getSite(platform, siteSlug);
  const user = requireSiteEditor(actor, site);
  if (!user.roles.includes('editor') && !user.roles.includes('admin')) throw HttpErrors.FORBIDDEN();
  const media = await platform.database.db.transaction().execute(async (trx) => {
    const db = mediaDb(trx);
    const m = await mediaRepo.find(db, mediaId);
    if (!m || m.article_id !== articleId || m.site_id !== site.id) throw SiteErrors.ARTICLE_NOT_FOUND();
    await mediaRepo.remove(db, m.id);
    await recordAudit(trx, { actor: user, action: 'article.media.remove', entity: 'article', entityId: articleId, agencyId: site.agency_id, ip, data: { media: m.id, kind: m.kind, name: m.name } });
    return m;
  });
  forgetSitePages(platform, site.slug);
  return media;
}

export function mediaOfArticle(platform: Platform, articleId: number): Promise<Media[]> {
  return mediaRepo.ofArticle(mediaDb(platform.database.db), articleId);
}

/**
 * A variant's bytes for a reader: the media's article must be visible now, or the reader an editor of its site
 * (a draft's images show in its preview only to them).
 */
export async function mediaBytes(platform: Platform, actor: Actor, id: number, variant: string): Promise<{ media: Media; mime: string; bytes: Buffer }> {
  const db = mediaDb(platform.database.db);
  const sdb = sitesDb(platform.database.db);
  const media = await mediaRepo.find(db, id);
  if (!media) throw SiteErrors.ARTICLE_NOT_FOUND();
  const article = media.article_id === null ? undefined : await sitesRepo.findById(sdb, media.article_id);
  if (!article || !isVisible(article, new Date())) {
    const site = await sitesRepo.findSiteById(sdb, media.site_id);
    if (!site || !actor) throw SiteErrors.ARTICLE_NOT_FOUND();
    requireSiteEditor(actor, site);
  }
  const blob = await mediaRepo.blob(db, id, variant);
  if (!blob) throw SiteErrors.ARTICLE_NOT_FOUND();
  return { media, ...blob };
}

/** The HTML an editor pastes into the body to show the image (the sanitiser keeps it). */
export const imageSnippet = (m: Pick<Media, 'id' | 'alt' | 'width' | 'height'>): string => {
  const w = Math.min(960, m.width ?? 960);
  const h = m.width && m.height ? Math.round((m.height * w) / m.width) : undefined;
  return `<figure><img src="/anh/${m.id}/960.webp" alt="${m.alt.replaceAll('"', '&quot;')}" width="${w}"${h ? ` height="${h}"` : ''}><figcaption>${m.alt.replaceAll('<', '&lt;')}</figcaption></figure>`;
};
