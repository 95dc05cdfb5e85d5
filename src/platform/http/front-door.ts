// The front door (issue 9, "Benchmarks that tell the truth": the home page and a procedure page at ≥ 60% of bare
// node:http). An anonymous visitor's GET of a page the page cache keeps (src/platform/web/public-pages.ts) is answered
// by the HTTP server itself, before Fastify builds its request, reply and logger and runs its hooks: for such a
// request those have nothing to do. Everything else goes to Fastify unchanged. The answer carries the same headers
// the Fastify path sends for a kept page (the security headers, the type and the length), and is counted in
// /metrics under its route like any other.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import type { Platform } from './context.ts';
import { countKeptPage, keptPage, notModified } from '../web/public-pages.ts';
import { isLang, type Lang } from '../web/i18n.ts';

export interface FrontDoorOptions {
  platform: Platform;
  /** The security headers every response carries (headers.ts). */
  headers: Record<string, string>;
  /** Parses a Cookie header (the app's own parser, @fastify/cookie). */
  parseCookie: (header: string) => Record<string, string | undefined>;
  sessionCookie: string;
}

/**
 * The kept page's answer, or false when the request must go to Fastify: another method, credentials, a session
 * cookie, a query string (`?lang=` sets a cookie), or no page kept for this language and URL.
 */
export function answerAtFrontDoor(opts: FrontDoorOptions, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url;
  if (req.method !== 'GET' || url === undefined || url.includes('?') || req.headers.authorization !== undefined) return false;
  let lang: Lang = 'vi';
  const cookie = req.headers.cookie;
  if (cookie !== undefined) {
    const c = opts.parseCookie(cookie);
    if (c[opts.sessionCookie] !== undefined) return false;
    if (isLang(c.lang)) lang = c.lang;
  }
  const started = performance.now();
  const kept = keptPage(opts.platform, lang, url);
  if (!kept) return false;
  if (notModified(req.headers['if-none-match'], kept.etag)) {
    res.writeHead(304, { ...opts.headers, etag: kept.etag });
    res.end();
  } else {
    res.writeHead(200, { ...opts.headers, 'content-type': 'text/html; charset=utf-8', 'content-length': String(kept.body.length), etag: kept.etag });
    res.end(kept.body);
  }
  countKeptPage(opts.platform, kept.route, (performance.now() - started) / 1000);
  return true;
}

/**
 * A Fastify serverFactory: node:http with the front door before Fastify's handler, and the timeouts Fastify itself
 * would set on the server it makes (its defaults: keep-alive 72 s, no request or connection timeout).
 */
export function frontDoorServer(door: () => FrontDoorOptions | undefined): FastifyServerFactory {
  return (handler, options) => {
    const server: Server = createServer((req, res) => {
      const opts = door();
      if (opts && answerAtFrontDoor(opts, req, res)) return;
      handler(req, res);
    });
    const o = options as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
    server.keepAliveTimeout = o.keepAliveTimeout ?? 72_000;
    server.requestTimeout = o.requestTimeout ?? 0;
    server.setTimeout(o.connectionTimeout ?? 0);
    return server;
  };
}
