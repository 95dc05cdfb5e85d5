// What the account routes share: the session cookie, the request context for audit rows, safe redirects,
// per-IP rate limits, and turning a service error into a form's error list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { SESSION_COOKIE } from '../../../platform/auth/sessions.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { RequestContext } from '../sign-in.ts';

/** Per-IP limits of the unauthenticated POST routes (@fastify/rate-limit route config). */
export const LIMITS = {
  signIn: { max: 60, timeWindow: '5 minutes' },
  secondFactor: { max: 15, timeWindow: '5 minutes' },
  register: { max: 20, timeWindow: '10 minutes' },
  resetRequest: { max: 5, timeWindow: '15 minutes' },
  resetConfirm: { max: 10, timeWindow: '15 minutes' },
  token: { max: 60, timeWindow: '5 minutes' },
} as const;

export function rateLimit(limit: { max: number; timeWindow: string }): { config: { rateLimit: { max: number; timeWindow: string } } } {
  return { config: { rateLimit: { ...limit } } };
}

export function ctxOf(req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

const secure = (platform: Platform): boolean => platform.config.baseUrl.startsWith('https://');

export function setSessionCookie(reply: FastifyReply, platform: Platform, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(platform), expires });
}

export function clearSessionCookie(reply: FastifyReply, platform: Platform): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(platform) });
}

/** A local path to go back to after signing in; anything else (other sites, `//host`) is dropped. */
export function safeNext(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 500) return undefined;
  if (!/^\/(?![/\\])[^\s]*$/.test(v) || v.startsWith('/dang-nhap')) return undefined;
  return v;
}

/**
 * The errors a form shows for a service error, with its status; null for errors that are not about the form
 * (not signed in, forbidden, server trouble), which go to the global handler.
 */
export function formErrorsOf(err: unknown, defaultField: string): { status: number; errors: FieldError[] } | null {
  if (!(err instanceof AppError) || err.status >= 500 || err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN' || err.code === 'CSRF') return null;
  return { status: err.status, errors: err.fields.length ? err.fields : [{ field: defaultField, message: err.text }] };
}

/** Sends people who are not signed in to the sign-in page, coming back here afterwards. */
export function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}
