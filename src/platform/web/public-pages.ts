// Anonymous public pages (the home page, a procedure's page) are the same for every visitor without a session: their
// HTML is kept in memory, encoded once, for EGOV_PAGE_CACHE seconds (60 by default) per language and URL, so a rush
// of visitors costs one rendering (and one database read) a minute. A page that carries a form (a CSRF token) or is
// rendered for a session is never kept. An edit to a procedure shows on its public page within that time.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../http/context.ts';

const MAX_ENTRIES = 1000;
const HTML = 'text/html; charset=utf-8';
const caches = new WeakMap<Platform, Map<string, { body: Buffer; until: number; route: string }>>();
/** Where a page answered at the front door is counted (/metrics, set by ops.ts): its route and duration. */
const observers = new WeakMap<Platform, (route: string, seconds: number) => void>();

export function observeKeptPages(platform: Platform, observe: (route: string, seconds: number) => void): void {
  observers.set(platform, observe);
}

/** The page kept for this language and URL, and its route (platform/http/front-door.ts). */
export function keptPage(platform: Platform, lang: string, url: string): { body: Buffer; route: string } | undefined {
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
export function keptPublicPage(platform: Platform, req: FastifyRequest): Buffer | undefined {
  return keptPage(platform, req.lang, req.url)?.body;
}

export async function sendPublicPage(platform: Platform, req: FastifyRequest, reply: FastifyReply, render: () => JSX.Element): Promise<FastifyReply> {
  const ttl = platform.config.pageCacheSeconds * 1000;
  if (ttl === 0 || req.user || req.sessionId) return reply.type(HTML).send(await render());
  let cache = caches.get(platform);
  if (!cache) caches.set(platform, (cache = new Map()));
  const key = `${req.lang} ${req.url}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return reply.type(HTML).send(hit.body);
  const html = await render();
  if (html.includes('name="_csrf"')) return reply.type(HTML).send(html);
  const body = Buffer.from(html);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { body, until: now + ttl, route: req.routeOptions.url ?? req.url });
  return reply.type(HTML).send(body);
}
