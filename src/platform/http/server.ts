// The Fastify instance every module plugs into: body parsing, NFC at the boundary, language, sessions,
// CSRF, security headers, static files, and one error handler that speaks Vietnamese and English.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { fastifyKitaHtml } from '@kitajs/fastify-html-plugin';
import type { Platform } from './context.ts';
import { registerBodyParsers } from './body.ts';
import { registerErrorHandling } from './error-handler.tsx';
import { cleanInput, cleanUrlInput, safeLocation } from './input.ts';
import { boundRequestSchema } from './schema-bounds.ts';
import { registerUploadGate, uploadSlotsFrom } from './uploads.ts';
import { registerNoStore } from './no-store.ts';
import { keptPublicPage, notModified } from '../web/public-pages.ts';
import { isLang, type Lang } from '../web/i18n.ts';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { csrfSecret, ensureCsrfCookie, verifyCsrf } from '../auth/csrf.ts';
import { hmac } from '../auth/tokens.ts';
import { securityHeaders } from './headers.ts';
import { frontDoorServer, type FrontDoorOptions } from './front-door.ts';
import { isApiUrl, registerScopeCheck } from '../auth/scopes.ts';
import { registerTwoStepGate } from '../auth/two-step.ts';
import './context.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../web/public/', import.meta.url));

/** What a page needs to issue its CSRF token when it renders a form. */
const csrfPending = new WeakMap<FastifyRequest, { reply: FastifyReply; secret: string; token?: string }>();
export interface RouteEntry {
  method: string;
  url: string;
  schema?: Record<string, unknown>;
}
const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route the server has (method, path, schema), for tools that walk them all (the fuzz suite). */
export function routesOf(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

export async function createServer(platform: Platform): Promise<FastifyInstance> {
  const { config } = platform;
  const secure = config.baseUrl.startsWith('https://');
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    routerOptions: { ignoreTrailingSlash: true },
    // Anonymous GETs of kept public pages are answered before Fastify (front-door.ts), once the app is ready.
    serverFactory: frontDoorServer(() => door),
  });

  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (r) => {
    if (r.schema) r.schema = boundRequestSchema(r.schema);
    for (const method of [r.method].flat()) table.push({ method, url: r.url, schema: r.schema as Record<string, unknown> | undefined });
  });

  app.decorateRequest('lang', 'vi');
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('secondFactorPending', false);
  // The CSRF cookie and token are made only when a page renders a form (the getter is read by CsrfField and the
  // sign-out form): a page without forms sets no cookie and can be cached (src/platform/web/public-pages.ts).
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest): string {
      const pending = csrfPending.get(this);
      if (!pending) return '';
      if (pending.token === undefined) pending.token = hmac(pending.secret, ensureCsrfCookie(this, pending.reply, secure));
      return pending.token;
    },
  });
  app.decorateRequest('viaBearer', false);
  app.decorateRequest('tokenScopes', null);

  registerBodyParsers(app);
  registerErrorHandling(app);
  registerNoStore(app);
  await app.register(cookie);
  // Security headers (CSP and the rest), computed once: the same for every response.
  const headers = securityHeaders({ hsts: secure });
  let door: FrontDoorOptions | undefined;
  app.addHook('onReady', (done) => {
    door = { platform, headers, parseCookie: (h) => app.parseCookie(h), sessionCookie: SESSION_COOKIE };
    done();
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Limits are per route (sign-in, registration, tokens); the global limiter stays off so that the
  // admission-day rush is shaped by admission control, not by a per-IP counter behind a NAT.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, rateLimited: true, retryAfter: ctx.after }),
  });
  await app.register(fastifyKitaHtml);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1d', immutable: false });
  // Browsers ask for /favicon.ico whatever the page says: they get the SVG icon the layout links to.
  app.get('/favicon.ico', (_req, reply) => reply.header('cache-control', 'public, max-age=86400').redirect('/static/favicon.svg', 301));
  registerScopeCheck(app);

  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req, reply);
    // An anonymous GET of a public page the page cache keeps is answered here: without a session cookie or credentials
    // the session, two-step, CSRF and input hooks below have nothing to do for it (src/platform/web/public-pages.ts).
    if (req.method === 'GET' && req.headers.authorization === undefined && req.cookies?.[SESSION_COOKIE] === undefined) {
      const kept = keptPublicPage(platform, req);
      if (kept) {
        reply.header('etag', kept.etag);
        return notModified(req.headers['if-none-match'], kept.etag) ? reply.code(304).send() : reply.type('text/html; charset=utf-8').send(kept.body);
      }
    }
    await attachSession(platform, req);
    // Only pages carry forms: static files, the JSON API and the ops endpoints get no CSRF cookie or token.
    if (rendersPages(req.url)) csrfPending.set(req, { reply, secret: await csrfSecret(platform) });
  });
  // Staff who must use two-step verification (EGOV_2FA_ROLES) and have not set it up may only do that.
  registerTwoStepGate(app, config);
  registerUploadGate(app, uploadSlotsFrom());
  // Request text is checked and normalised once, here, before any schema or handler (input.ts).
  app.addHook('preValidation', async (req) => {
    // The query and params objects come from the router's own classes: copied to plain records to be walked.
    if (req.params && typeof req.params === 'object') req.params = cleanUrlInput(Object.assign(Object.create(null), req.params));
    if (req.query && typeof req.query === 'object') req.query = cleanUrlInput(Object.assign(Object.create(null), req.query));
    if (req.body && typeof req.body === 'object') req.body = cleanInput(req.body);
    else if (typeof req.body === 'string') req.body = cleanInput(req.body);
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string') reply.header('location', safeLocation(location));
    done(null, payload);
  });
  app.addHook('preHandler', async (req) => {
    await verifyCsrf(platform, req);
  });
  return app;
}

const NO_PAGES = /^\/(static\/|favicon\.ico|api\/v1\/|healthz|readyz|metrics)/;
function rendersPages(url: string): boolean {
  return !NO_PAGES.test(url);
}

function pickLang(req: FastifyRequest, reply: FastifyReply): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(q)) {
    reply.setCookie('lang', q, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
    return q;
  }
  const c = req.cookies?.lang;
  if (isLang(c)) return c;
  return 'vi';
}

async function attachSession(platform: Platform, req: FastifyRequest): Promise<void> {
  const auth = req.headers.authorization;
  let token: string | undefined;
  // Bearer tokens are for the API only: pages ignore the header and go by the cookie (and CSRF) alone.
  if (auth?.startsWith('Bearer ') && isApiUrl(req.url)) {
    token = auth.slice(7).trim();
    req.viaBearer = true;
  } else token = req.cookies?.[SESSION_COOKIE];
  if (!token || token.length > 200) return;
  const s = await loadSession(platform.database.db, token);
  if (!s) return;
  // A bearer token must have been issued for the API; a browser cookie must not be an API token.
  if (s.api !== req.viaBearer) return;
  req.sessionId = s.id;
  req.tokenScopes = s.api ? s.scopes : [];
  req.secondFactorPending = s.secondFactorPending;
  if (!s.secondFactorPending) req.user = s.user;
}
