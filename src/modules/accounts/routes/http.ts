// What the account routes share: the session cookie, the request context for audit rows, safe redirects,
// per-IP rate limits, and turning a service error into a form's error list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { SESSION_COOKIE } from '../../../platform/auth/sessions.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { RequestContext } from '../sign-in.ts';
import { FLOW_MINUTES } from '../codes.ts';

/** Per-IP limits of the unauthenticated POST routes (@fastify/rate-limit route config). */
export const LIMITS = {
  signIn: { max: 60, timeWindow: '5 minutes' },
  secondFactor: { max: 15, timeWindow: '5 minutes' },
  /** A ward office's shared connection registers several people; each address is also capped on its own (codes.ts). */
  register: { max: 30, timeWindow: '10 minutes' },
  /** Each address also has its own cool-down and hourly cap (codes.ts), which is what protects the person reached. */
  resetRequest: { max: 10, timeWindow: '15 minutes' },
  resetConfirm: { max: 10, timeWindow: '15 minutes' },
  token: { max: 60, timeWindow: '5 minutes' },
  /** Typing a one-time code: 5 tries a code, a few codes (codes.ts), some room for a shared address. */
  code: { max: 30, timeWindow: '10 minutes' },
  /** Asking for a code (again); each address also has its own minute's cool-down and hourly cap. */
  sendCode: { max: 10, timeWindow: '10 minutes' },
} as const;

export function rateLimit(limit: { max: number; timeWindow: string }): { config: { rateLimit: { max: number; timeWindow: string } } } {
  return { config: { rateLimit: { ...limit } } };
}

export function ctxOf(req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  const body = (req.body ?? {}) as Record<string, unknown>;
  const field = (k: string): string | undefined => (typeof body[k] === 'string' ? body[k] : undefined);
  const proof = { challenge: field('altcha_challenge'), number: field('altcha_number') };
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, proof };
}

const secure = (platform: Platform): boolean => platform.config.baseUrl.startsWith('https://');

export function setSessionCookie(reply: FastifyReply, platform: Platform, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(platform), expires });
}

/** The browser's side of a one-time-code journey (registration, contact, reset by SMS): a random token, see codes.ts. */
export const FLOW_COOKIE = 'egov_flow';

export function setFlowCookie(reply: FastifyReply, platform: Platform, token: string): void {
  reply.setCookie(FLOW_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(platform), maxAge: FLOW_MINUTES * 60 });
}

export function clearFlowCookie(reply: FastifyReply, platform: Platform): void {
  reply.clearCookie(FLOW_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(platform) });
}

export function flowToken(req: FastifyRequest): string | undefined {
  return req.cookies[FLOW_COOKIE];
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
