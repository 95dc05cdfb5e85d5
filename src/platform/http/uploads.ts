// The gate in front of every multipart (file upload) body, run before a byte of it is read: the sender must be
// signed in (unless the route is a public form marked `anonymousUploads`), the route's own access check (`config.beforeUpload`) must pass, and at most `slots` uploads are read at
// once per process (503 with Retry-After beyond), so refused or anonymous uploads cost neither memory nor disk.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpErrors } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Runs before a multipart body is read; throws (403, 404…) when the user may not post to this route at all. */
    beforeUpload?: (req: FastifyRequest) => Promise<void> | void;
    /** A public form that takes files from anyone (citizen feedback's photos): its route checks a captcha and its own
     *  small limits after reading; the upload slots still bound how many are read at once. */
    anonymousUploads?: boolean;
  }
}

export function uploadSlotsFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EGOV_MAX_CONCURRENT_UPLOADS;
  const n = raw === undefined || raw === '' ? 4 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`EGOV_MAX_CONCURRENT_UPLOADS=${JSON.stringify(raw)} is not valid: expected a whole number from 1 to 1000`);
  return n;
}

export function registerUploadGate(app: FastifyInstance, slots: number): void {
  let inFlight = 0;
  const holding = new WeakSet<FastifyRequest>();
  // Callback-style (not async): it runs on every response, and an async hook costs a promise each time.
  const release = (req: FastifyRequest, _reply: unknown, done: () => void): void => {
    if (holding.delete(req)) inFlight--;
    done();
  };
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')) return payload;
    if (!req.user && req.routeOptions.config.anonymousUploads !== true) throw HttpErrors.UNAUTHENTICATED();
    await req.routeOptions.config.beforeUpload?.(req);
    if (inFlight >= slots) throw HttpErrors.UPLOADS_BUSY();
    inFlight++;
    holding.add(req);
    return payload;
  });
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', (req, done) => release(req, undefined, done));
}
