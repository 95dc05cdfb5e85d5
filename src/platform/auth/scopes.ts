// What a bearer token may do (issue 10). Tokens are for `/api/*` only and carry scopes chosen when they are issued;
// every /api route declares the scope it needs (`config: { scope }`, 'public' for open data and the token endpoint),
// and one hook checks it. A route that declares nothing is refused to tokens, so a forgotten route fails closed.
// Browser sessions are not scoped: they are the person themselves, with CSRF protection on every form.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpErrors } from '../http/errors.ts';
import type { SessionUser } from './roles.ts';

export const SCOPES = ['read', 'submit', 'act', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
export type RouteScope = Scope | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token scope an /api route needs; 'public': none. */
    scope?: RouteScope;
  }
}

export const SCOPE_LABELS: Record<Scope, { vi: string; en: string }> = {
  read: { vi: 'Xem (tài khoản, hồ sơ, số liệu)', en: 'Read (account, dossiers, figures)' },
  submit: { vi: 'Nộp hồ sơ, đánh giá, góp ý', en: 'Submit dossiers, ratings, feedback' },
  act: { vi: 'Xử lý hồ sơ (cán bộ)', en: 'Process dossiers (staff)' },
  admin: { vi: 'Quản trị', en: 'Administration' },
};

export function isScope(v: unknown): v is Scope {
  return typeof v === 'string' && (SCOPES as readonly string[]).includes(v);
}

/** The scopes an account may put on its tokens: citizens read and submit; staff also act; administrators also admin. */
export function scopesAllowed(user: SessionUser): Scope[] {
  if (user.kind === 'citizen') return ['read', 'submit'];
  return user.roles.includes('admin') ? ['read', 'submit', 'act', 'admin'] : ['read', 'submit', 'act'];
}

export const isApiUrl = (url: string): boolean => url.startsWith('/api/');

export interface ApiRoute {
  method: string;
  url: string;
  scope: RouteScope | undefined;
}

const routeTables = new WeakMap<FastifyInstance, ApiRoute[]>();

/** Every /api route registered so far with the scope it declares (the test that walks the route table reads it). */
export function apiRoutesOf(app: FastifyInstance): readonly ApiRoute[] {
  return routeTables.get(app) ?? [];
}

export function registerScopeCheck(app: FastifyInstance): void {
  const table: ApiRoute[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (r) => {
    if (!isApiUrl(r.url)) return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') table.push({ method, url: r.url, scope: r.config?.scope });
  });
  // Before the body is validated: a token without the scope learns nothing about the route's input.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.viaBearer || !req.user) return;
    const scope = req.routeOptions.config.scope;
    if (scope === 'public') return;
    const scopes = req.tokenScopes ?? [];
    if (!scope || !scopes.includes(scope)) {
      throw HttpErrors.FORBIDDEN({
        vi: `Mã truy cập không có quyền "${scope ?? '?'}" cần cho thao tác này.`,
        en: `The token lacks the scope "${scope ?? '?'}" this needs.`,
        details: { required_scope: scope ?? null, token_scopes: scopes },
      });
    }
  });
}
