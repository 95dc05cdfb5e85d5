// Uploading an image or a file to an article (editors, multipart, one file of at most 10 MB read into memory after
// the upload gate has checked the sender: platform/http/uploads.ts), and serving them: /anh/:id/:variant (an image's
// WebP widths or its JPEG preview) and /tep/:id/:name (an attachment), with an ETag and, for images, a year of
// caching (a variant never changes).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { cleanInput } from '../../platform/http/input.ts';
import { nfc } from '../../platform/text/index.ts';
import { etagOf, notModified } from '../../platform/web/public-pages.ts';
import { SiteErrors } from './errors.ts';
import { IMAGE_WIDTHS, MAX_UPLOAD_BYTES, mediaBytes, PREVIEW, removeMedia, uploadMedia } from './media.ts';
import { getSite, requireSiteEditor } from './service.ts';
import { articleEditUrl } from './views/editor.tsx';
import { renderEditPage } from './editor-routes.ts';
import { AppError } from '../../platform/http/errors.ts';

type Params = Record<string, string>;
const VARIANTS = new Set([...IMAGE_WIDTHS.map((w) => `${w}.webp`), PREVIEW]);

/** The file of a multipart form: its name and bytes (undefined past the limit: `truncated`). */
class Received {
  constructor(
    readonly filename: string,
    readonly bytes: Buffer | undefined,
    readonly truncated: boolean,
  ) {}
}

const idOf = (raw: string | undefined): number => {
  if (!raw || !/^\d{1,15}$/.test(raw)) throw SiteErrors.ARTICLE_NOT_FOUND();
  return Number(raw);
};

export async function sitesMediaRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const c of part.file as AsyncIterable<Buffer>) chunks.push(c);
      const truncated = part.file.truncated;
      (part as { value?: unknown }).value = new Received(nfc(part.filename ?? ''), truncated ? undefined : Buffer.concat(chunks), truncated);
    },
  });
  // Multipart bodies are parsed after the server's NFC and control-character hook: their fields are cleaned here.
  app.addHook('preValidation', async (req) => {
    if (req.isMultipart() && req.body && typeof req.body === 'object') req.body = cleanInput(req.body);
  });

  app.post(
    '/quan-tri/trang/:site/bai-viet/:id/tep',
    {
      config: {
        beforeUpload: async (req: FastifyRequest) => {
          requireSiteEditor(req.user, await getSite(platform, (req.params as Params).site ?? ''));
        },
      },
    },
    async (req, reply) => {
      const params = req.params as Params;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const file = body.file instanceof Received ? body.file : new Received('', undefined, false);
      const alt = typeof body.alt === 'string' ? body.alt.trim() : '';
      try {
        await uploadMedia(platform, req.user, params.site ?? '', idOf(params.id), { filename: file.filename, bytes: file.bytes, truncated: file.truncated, alt }, req.ip);
      } catch (err) {
        // A refused file is named beside the upload field; nothing was stored.
        if (err instanceof AppError && err.fields.length > 0) return renderEditPage(platform, req, reply, { uploadErrors: err.fields, status: err.status });
        throw err;
      }
      return reply.redirect(articleEditUrl({ slug: params.site ?? '' }, idOf(params.id), 'uploaded'), 303);
    },
  );

  app.post('/quan-tri/trang/:site/bai-viet/:id/tep/:media/xoa', async (req, reply) => {
    const params = req.params as Params;
    await removeMedia(platform, req.user, params.site ?? '', idOf(params.id), idOf(params.media), req.ip);
    return reply.redirect(articleEditUrl({ slug: params.site ?? '' }, idOf(params.id), 'removed'), 303);
  });

  app.get('/anh/:id/:variant', async (req, reply) => {
    const p = req.params as Params;
    if (!VARIANTS.has(p.variant ?? '')) throw SiteErrors.ARTICLE_NOT_FOUND();
    const m = await mediaBytes(platform, req.user, idOf(p.id), p.variant ?? '');
    const etag = etagOf(m.bytes);
    reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable');
    if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type(m.mime).send(m.bytes);
  });

  app.get('/tep/:id/:name', async (req, reply) => {
    const p = req.params as Params;
    const m = await mediaBytes(platform, req.user, idOf(p.id), 'file');
    if (m.media.kind !== 'file') throw SiteErrors.ARTICLE_NOT_FOUND();
    const etag = etagOf(m.bytes);
    reply.header('etag', etag).header('cache-control', 'public, max-age=3600').header('content-disposition', contentDisposition(m.media.name));
    if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type(m.mime).send(m.bytes);
  });
}
