// Multipart form posts (the submission page's file inputs), parsed in this module's plugin only. Fields become plain
// strings (so the CSRF check reads `_csrf` as it does for other forms); each file becomes an Upload held in memory
// within the per-file and per-request limits. Multipart bodies are parsed after the server's NFC hook, so the fields
// are checked and normalised here again (platform/http/input.ts).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FileLimits } from '../../../platform/files/index.ts';
import { nfc } from '../../../platform/text/index.ts';
import { cleanInput } from '../../../platform/http/input.ts';
import type { IncomingFile } from '../attachments.ts';

/** One uploaded file; a class, so the NFC pass leaves its bytes alone. */
export class Upload {
  constructor(
    readonly filename: string,
    readonly content: Buffer,
    readonly truncated: boolean,
    readonly overTotal: boolean,
  ) {}
}

const FILES_PREFIX = 'files.';

export async function registerMultipart(app: FastifyInstance, limits: () => FileLimits): Promise<void> {
  const atStart = limits();
  const totals = new WeakMap<FastifyRequest, number>();
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: atStart.maxFileBytes, files: atStart.maxFiles, fields: 300, fieldSize: 100_000, parts: 400 },
    async onFile(part) {
      const max = limits();
      const chunks: Buffer[] = [];
      let total = totals.get(this) ?? 0;
      let overTotal = false;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > max.maxTotalBytes) overTotal = true;
        // Past the total, the rest is read and dropped: the request is refused anyway, with a clear message.
        if (!overTotal) chunks.push(chunk);
      }
      totals.set(this, total);
      const content = overTotal ? Buffer.alloc(0) : Buffer.concat(chunks);
      (part as { value?: unknown }).value = new Upload(nfc(part.filename ?? ''), content, part.file.truncated, overTotal);
    },
  });
  app.addHook('preValidation', async (req) => {
    if (req.isMultipart() && req.body && typeof req.body === 'object') req.body = cleanInput(req.body);
  });
}

/** The files posted as `files.<key>` (the e-forms convention). */
export function uploadsOf(body: Record<string, unknown>): IncomingFile[] {
  const out: IncomingFile[] = [];
  for (const [name, v] of Object.entries(body)) {
    if (!name.startsWith(FILES_PREFIX)) continue;
    for (const u of Array.isArray(v) ? v : [v]) {
      if (u instanceof Upload) {
        out.push({ docKey: name.slice(FILES_PREFIX.length), filename: u.filename, content: u.content, truncated: u.truncated, overTotal: u.overTotal });
      }
    }
  }
  return out;
}
