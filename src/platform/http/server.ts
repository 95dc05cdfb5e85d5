// The Fastify instance every module plugs into: body parsing, NFC at the boundary, language, sessions,
// CSRF, security headers, static files, and one error handler that speaks Vietnamese and English.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { fastifyKitaHtml } from '@kitajs/fastify-html-plugin';
import type { Platform } from './context.ts';
import { registerBodyParsers } from './body.ts';
import { registerErrorHandling } from './error-handler.tsx';
import { deepNfc } from '../text/index.ts';
import { isLang, type Lang } from '../web/i18n.ts';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { csrfTokenFor, ensureCsrfCookie, verifyCsrf } from '../auth/csrf.ts';
import { isApiUrl, registerScopeCheck } from '../auth/scopes.ts';
import './context.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../web/public/', import.meta.url));

export async function createServer(platform: Platform): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.decorateRequest('lang', 'vi');
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('secondFactorPending', false);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('viaBearer', false);
  app.decorateRequest('tokenScopes', null);

  registerBodyParsers(app);
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.baseUrl.startsWith('https://'),
  });
  // Limits are per route (sign-in, registration, tokens); the global limiter stays off so that the
  // admission-day rush is shaped by admission control, not by a per-IP counter behind a NAT.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, rateLimited: true, retryAfter: ctx.after }),
  });
  await app.register(fastifyKitaHtml);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1d', immutable: false });
  registerScopeCheck(app);

  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req, reply);
    await attachSession(platform, req);
    // Only pages carry forms: static files, the JSON API and the ops endpoints get no CSRF cookie or token.
    if (rendersPages(req.url)) {
      const csrfSeed = ensureCsrfCookie(req, reply, config.baseUrl.startsWith('https://'));
      req.csrfToken = await csrfTokenFor(platform, csrfSeed);
    }
  });
  app.addHook('preValidation', async (req) => {
    if (req.body && typeof req.body === 'object') req.body = deepNfc(req.body);
    if (req.query && typeof req.query === 'object') req.query = deepNfc(req.query);
  });
  app.addHook('preHandler', async (req) => {
    await verifyCsrf(platform, req);
  });
  return app;
}

const NO_PAGES = /^\/(static\/|api\/v1\/|healthz|readyz|metrics)/;
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
