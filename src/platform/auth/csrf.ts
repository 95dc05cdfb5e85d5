// CSRF protection for every form: a random seed in an HttpOnly cookie, and a token derived from it with a
// server secret (kept in the settings table, so all app servers share it) in a hidden field `_csrf` or
// the `x-csrf-token` header. Checked on every unsafe request that a browser could send cross-site: form
// posts, and anything authenticated by the session cookie. Bearer-token API calls need no token.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../http/context.ts';
import { settingOnce } from '../db/settings.ts';
import { HttpErrors } from '../http/errors.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { hmac, randomToken, safeEqual } from './tokens.ts';

export const CSRF_COOKIE = 'egov_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const secrets = new WeakMap<Platform, Promise<string>>();

/** The server secret tokens are derived with (read once per process). */
export function csrfSecret(platform: Platform): Promise<string> {
  return secretOf(platform);
}

function secretOf(platform: Platform): Promise<string> {
  let s = secrets.get(platform);
  if (!s) {
    // The first server to start writes the secret; every other one reads that same secret.
    s = settingOnce(platform.database.db, 'csrf_secret', randomToken());
    s.catch(() => secrets.delete(platform));
    secrets.set(platform, s);
  }
  return s;
}

export function ensureCsrfCookie(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const seed = req.cookies?.[CSRF_COOKIE];
  if (seed && /^[\w-]{20,64}$/.test(seed)) return seed;
  const fresh = randomToken(18);
  reply.setCookie(CSRF_COOKIE, fresh, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  // Make the new seed visible to this request too, so a form rendered now verifies on submit.
  req.cookies[CSRF_COOKIE] = fresh;
  return fresh;
}

export async function csrfTokenFor(platform: Platform, seed: string): Promise<string> {
  return hmac(await secretOf(platform), seed);
}

function isFormPost(req: FastifyRequest): boolean {
  const ct = String(req.headers['content-type'] ?? '').toLowerCase();
  return ct.startsWith('application/x-www-form-urlencoded') || ct.startsWith('multipart/form-data') || ct.startsWith('text/plain');
}

export async function verifyCsrf(platform: Platform, req: FastifyRequest): Promise<void> {
  if (SAFE.has(req.method)) return;
  if (req.viaBearer && !isFormPost(req)) return;
  const cookieSession = !!req.cookies?.[SESSION_COOKIE];
  if (!isFormPost(req) && !cookieSession) return;
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? req.headers['x-csrf-token'];
  const seed = req.cookies?.[CSRF_COOKIE];
  if (typeof sent !== 'string' || !seed) throw HttpErrors.CSRF();
  const expected = await csrfTokenFor(platform, seed);
  if (!safeEqual(sent, expected)) throw HttpErrors.CSRF();
}
