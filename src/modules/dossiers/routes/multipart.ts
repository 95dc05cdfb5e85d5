// Multipart form posts (the submission page's file inputs), parsed in this module's plugin only. Fields become plain
// strings (so the CSRF check reads `_csrf` as it does for other forms); each file is streamed to a temporary file
// (platform/files/temp.ts), hashed and counted on the way, within the per-file and per-request limits, and becomes an
// Upload naming it. The request's temporary files are deleted when its response is sent or it is aborted, whatever
// happened; the sweep removes what a crash left. Multipart bodies are parsed after the server's NFC hook, so the
// fields are checked and normalised here again (platform/http/input.ts).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FileLimits, makeTempUploadDir, newTempUploadPath, removeTemp, streamToTemp, sweepTempUploads, tempUploadDirOf, type TempUpload } from '../../../platform/files/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { attachmentLimits } from '../storage.ts';
import { nfc } from '../../../platform/text/index.ts';
import { cleanInput } from '../../../platform/http/input.ts';
import type { IncomingFile } from '../attachments.ts';

/** One uploaded file, on disk (null when it was dropped past the request's total); a class, so the NFC pass leaves it alone. */
export class Upload {
  constructor(
    readonly filename: string,
    readonly temp: TempUpload | null,
    readonly truncated: boolean,
    readonly overTotal: boolean,
  ) {}
}

const FILES_PREFIX = 'files.';
const SWEEP_EVERY_MS = 15 * 60_000;

/**
 * Deletes, at start and every quarter of an hour, the temporary uploads older than an hour (left by a crash
 * mid-request). Run once per process (by the dossiers module), however many scopes parse multipart bodies.
 */
export async function sweepTempUploadsEvery(app: FastifyInstance, platform: Platform): Promise<void> {
  const tempDir = tempUploadDirOf(platform.config.varDir);
  await sweepTempUploads(tempDir);
  const sweeper = setInterval(() => void sweepTempUploads(tempDir).catch((err: unknown) => app.log.warn({ err }, 'temporary upload sweep failed')), SWEEP_EVERY_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
}

/**
 * The multipart parser of one Fastify scope (each module's routes are their own scope). Idempotent: a scope that
 * parses multipart already (registered here before, or inherited from a parent scope) keeps its parser, since a
 * second @fastify/multipart in one scope makes the app time out at start.
 */
export async function registerMultipart(app: FastifyInstance, platform: Platform): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  const limits = (): FileLimits => attachmentLimits(platform);
  const tempDir = tempUploadDirOf(platform.config.varDir);
  const atStart = limits();
  const totals = new WeakMap<FastifyRequest, number>();
  const temps = new WeakMap<FastifyRequest, string[]>();
  const finished = new WeakSet<FastifyRequest>();
  await makeTempUploadDir(tempDir);

  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: atStart.maxFileBytes, files: atStart.maxFiles, fields: 300, fieldSize: 100_000, parts: 400 },
    async onFile(part) {
      const max = limits();
      const before = totals.get(this) ?? 0;
      const path = newTempUploadPath(tempDir);
      const mine = temps.get(this) ?? [];
      mine.push(path);
      temps.set(this, mine);
      // Past the total, the rest is read and dropped (and the file deleted): the request is refused anyway, with a clear message.
      const { upload, size } = await streamToTemp(path, part.file as AsyncIterable<Buffer>, Math.max(0, max.maxTotalBytes - before));
      // The request ended while this file was being written: its cleanup has run already.
      if (finished.has(this)) await removeTemp(path);
      totals.set(this, before + size);
      (part as { value?: unknown }).value = new Upload(nfc(part.filename ?? ''), upload, part.file.truncated, upload === null);
    },
  });
  app.addHook('preValidation', async (req) => {
    if (req.isMultipart() && req.body && typeof req.body === 'object') req.body = cleanInput(req.body);
  });
  const cleanUp = async (req: FastifyRequest): Promise<void> => {
    finished.add(req);
    const paths = temps.get(req);
    temps.delete(req);
    for (const p of paths ?? []) await removeTemp(p).catch((err: unknown) => req.log.warn({ err }, 'temporary upload not deleted'));
  };
  app.addHook('onResponse', cleanUp);
  app.addHook('onRequestAbort', cleanUp);
}

/** The files posted as `files.<key>` (the e-forms convention). */
export function uploadsOf(body: Record<string, unknown>): IncomingFile[] {
  const out: IncomingFile[] = [];
  for (const [name, v] of Object.entries(body)) {
    if (!name.startsWith(FILES_PREFIX)) continue;
    for (const u of Array.isArray(v) ? v : [v]) {
      if (u instanceof Upload) {
        out.push({ docKey: name.slice(FILES_PREFIX.length), filename: u.filename, temp: u.temp ?? undefined, truncated: u.truncated, overTotal: u.overTotal });
      }
    }
  }
  return out;
}
