// Anonymous public pages (the home page, a procedure's page) are the same for every visitor without a session: their
// HTML is kept in memory, encoded once, for EGOV_PAGE_CACHE seconds (60 by default) per language and URL, so a rush
// of visitors costs one rendering (and one database read) a minute. A page that carries a form (a CSRF token) or is
// rendered for a session is never kept. An edit to a procedure shows on its public page within that time.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../http/context.ts';

const MAX_ENTRIES = 1000;
const HTML = 'text/html; charset=utf-8';
interface Kept {
  body: Buffer;
  until: number;
  route: string;
  /** A strong validator of the body (issue 12: repeat views are cheap): a reader's If-None-Match gets a 304. */
  etag: string;
}
const caches = new WeakMap<Platform, Map<string, Kept>>();
/** Where a page answered at the front door is counted (/metrics, set by ops.ts): its route and duration. */
const observers = new WeakMap<Platform, (route: string, seconds: number) => void>();

export function observeKeptPages(platform: Platform, observe: (route: string, seconds: number) => void): void {
  observers.set(platform, observe);
}

/** The page kept for this language and URL, and its route (platform/http/front-door.ts). */
export function keptPage(platform: Platform, lang: string, url: string): Kept | undefined {
  const hit = caches.get(platform)?.get(`${lang} ${url}`);
  return hit && hit.until > Date.now() ? hit : undefined;
}

/** Counts a page answered at the front door under its route, as ops.ts counts every other answer. */
export function countKeptPage(platform: Platform, route: string, seconds: number): void {
  observers.get(platform)?.(route, seconds);
}

/**
 * The kept page for an anonymous visitor's GET, if there is one: the server answers it at the front door, before the
 * session, CSRF and input hooks that have nothing to do for it (src/platform/http/server.ts). The caller has checked
 * that the request carries no session cookie and no credentials; a URL is here only if its route kept it.
 */
export function keptPublicPage(platform: Platform, req: FastifyRequest): Kept | undefined {
  return keptPage(platform, req.lang, req.url);
}

/** Drops the kept pages whose URL `drop` names (a change an editor expects to see at once, in this process). */
export function forgetKeptPages(platform: Platform, drop: (url: string) => boolean): void {
  const cache = caches.get(platform);
  if (!cache) return;
  for (const key of [...cache.keys()]) if (drop(key.slice(key.indexOf(' ') + 1))) cache.delete(key);
}

export const etagOf = (body: Buffer | string): string => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/** Whether the request's If-None-Match names `etag` (a list, or *). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** An anonymous page with its ETag, or 304 when the reader has it already. */
function sendWithEtag(req: FastifyRequest, reply: FastifyReply, body: Buffer, etag: string): FastifyReply {
  reply.header('etag', etag);
  if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(HTML).send(body);
}

export async function sendPublicPage(platform: Platform, req: FastifyRequest, reply: FastifyReply, render: () => JSX.Element): Promise<FastifyReply> {
  const ttl = platform.config.pageCacheSeconds * 1000;
  if (req.user || req.sessionId) return reply.type(HTML).send(await render());
  if (ttl === 0) {
    const html = await render();
    if (html.includes('name="_csrf"')) return reply.type(HTML).send(html);
    const body = Buffer.from(html);
    return sendWithEtag(req, reply, body, etagOf(body));
  }
  let cache = caches.get(platform);
  if (!cache) caches.set(platform, (cache = new Map()));
  const key = `${req.lang} ${req.url}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return sendWithEtag(req, reply, hit.body, hit.etag);
  const html = await render();
  if (html.includes('name="_csrf"')) return reply.type(HTML).send(html);
  const body = Buffer.from(html);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  const etag = etagOf(body);
  cache.set(key, { body, until: now + ttl, route: req.routeOptions.url ?? req.url, etag });
  return sendWithEtag(req, reply, body, etag);
}
