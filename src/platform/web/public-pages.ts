// Anonymous public pages (the home page, a procedure's page) are the same for every visitor without a session: their
// HTML is kept in memory for EGOV_PAGE_CACHE seconds (60 by default) per language and URL, so a rush of visitors
// costs one rendering (and one database read) a minute. A page that carries a form (a CSRF token) or is rendered for
// a session is never kept. An edit to a procedure shows on its public page within that time.
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../http/context.ts';

const MAX_ENTRIES = 1000;
const caches = new WeakMap<Platform, Map<string, { html: string; until: number }>>();

export async function publicPage(platform: Platform, req: FastifyRequest, render: () => JSX.Element): Promise<string> {
  const ttl = platform.config.pageCacheSeconds * 1000;
  if (ttl === 0 || req.user || req.sessionId) return render();
  let cache = caches.get(platform);
  if (!cache) caches.set(platform, (cache = new Map()));
  const key = `${req.lang} ${req.url}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.html;
  const html = await render();
  if (!html.includes('name="_csrf"')) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { html, until: now + ttl });
  }
  return html;
}
