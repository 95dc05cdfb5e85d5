// Body parsers that refuse invalid UTF-8 instead of silently replacing bytes, and answer malformed JSON
// with a clear error. Everything that comes in is NFC-normalised later, in a preValidation hook.
import type { FastifyInstance } from 'fastify';
import { HttpErrors } from './errors.ts';
import { checkJsonDepth } from './input.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(buf: Buffer): string {
  try {
    return decoder.decode(buf);
  } catch {
    throw HttpErrors.BAD_UTF8();
  }
}

export function parseUrlEncoded(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(text)) {
    // A percent-escape of bytes that are not UTF-8 decodes to U+FFFD: nobody types that, so refuse it.
    if (k.includes('\uFFFD') || v.includes('\uFFFD')) throw HttpErrors.BAD_UTF8();
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const json = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void => {
    try {
      const text = decode(body as Buffer);
      if (text.trim() === '') return done(null, undefined);
      checkJsonDepth(text);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(HttpErrors.BAD_JSON());
      }
    } catch (err) {
      done(err as Error);
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, json);
  app.addContentTypeParser(/^application\/[\w.+-]*\+json$/, { parseAs: 'buffer' }, json);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseUrlEncoded(decode(body as Buffer)));
    } catch (err) {
      done(err as Error);
    }
  });
}
