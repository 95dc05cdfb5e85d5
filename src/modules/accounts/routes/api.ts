// The API's sign-in: POST /api/v1/auth/token issues a bearer token (a 24-hour API session), and
// GET /api/v1/me tells who a token belongs to.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { SCOPES } from '../../../platform/auth/scopes.ts';
import { requireUser } from '../../../platform/auth/access.ts';
import { ROLES } from '../../../platform/auth/roles.ts';
import { issueApiToken, MAX_TOKEN_DAYS } from '../sign-in.ts';
import { listOwnTokens, revokeOwnToken, signOutEverywhere } from '../tokens.ts';
import { getOwnAccount } from '../profile.ts';
import { isVerified } from '../repo.ts';
import { LIMITS, ctxOf } from './http.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createChallenge, encodeChallenge } from '../../../platform/auth/pow.ts';
import { AccountErrors } from '../errors.ts';

const errorSchema = { $ref: 'ApiError#' };

export async function apiRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.addSchema({
    $id: 'ApiError',
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          status: { type: 'integer' },
          message: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } },
          fields: { type: 'array', items: { type: 'object', additionalProperties: true } },
          details: { type: 'object', additionalProperties: true },
        },
      },
    },
  });

  app.post(
    '/api/v1/auth/token',
    {
      config: { scope: 'public', rateLimit: { ...LIMITS.token } },
      schema: {
        tags: ['auth'],
        summary: 'Lấy mã truy cập / Get an access token',
        description:
          'Đăng nhập bằng tên đăng nhập (hoặc số điện thoại, thư điện tử) và mật khẩu; tài khoản cán bộ đã bật xác thực hai bước gửi thêm mã `totp`. ' +
          'Sign in with username (or phone, e-mail) and password; staff with two-step verification also send `totp`. ' +
          'The token is valid 24 hours; send it as `Authorization: Bearer <token>`. Failures are throttled per source, never by locking the account: ' +
          'repeated failures from a source and account bring growing waits (429, `details.retry_after_seconds`); after 3 failures from a source the request ' +
          'needs a proof of work (400 PROOF_REQUIRED with `details.altcha_challenge`: find n with SHA-256(salt + n) = challenge, send the challenge back as ' +
          '`altcha_challenge` and n as `altcha_number`).',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 254 },
            password: { type: 'string', minLength: 1, maxLength: 1000 },
            totp: { type: 'string', pattern: '^[0-9]{6}$' },
            altcha_challenge: { type: 'string', maxLength: 1000 },
            altcha_number: { type: 'string', maxLength: 10 },
            scopes: { type: 'array', items: { type: 'string', enum: [...SCOPES] }, maxItems: 4, description: 'default: every scope the account may have' },
            label: { type: 'string', maxLength: 100 },
            expires_in_days: { type: 'integer', minimum: 1, maximum: MAX_TOKEN_DAYS, description: 'default: 24 hours' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['access_token', 'token_type', 'expires_in', 'scope'],
            properties: {
              access_token: { type: 'string' },
              token_type: { type: 'string', enum: ['Bearer'] },
              expires_in: { type: 'integer', description: 'seconds' },
              scope: { type: 'string', description: 'the scopes, space-separated' },
            },
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req) => {
      const body = req.body as { username: string; password: string; totp?: string; scopes?: string[]; label?: string; expires_in_days?: number };
      const s = await issueApiToken(platform, body, ctxOf(req)).catch(async (err: unknown) => {
        // The answer carries the challenge to solve.
        if (err instanceof AppError && err.code === 'PROOF_REQUIRED') throw AccountErrors.PROOF_REQUIRED({ details: { altcha_challenge: encodeChallenge(await createChallenge(db)) } });
        throw err;
      });
      return { access_token: s.token, token_type: 'Bearer', expires_in: Math.round((s.expiresAt.getTime() - Date.now()) / 1000), scope: s.scopes.join(' ') };
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản của mã truy cập / The account of the token',
        security: [{ bearer: [] }],
        response: {
          200: {
            type: 'object',
            required: ['id', 'username', 'full_name', 'kind', 'roles', 'agency_id', 'agency_name'],
            properties: {
              id: { type: 'integer' },
              username: { type: 'string' },
              full_name: { type: 'string' },
              kind: { type: 'string', enum: ['citizen', 'staff'] },
              roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
              agency_id: { type: ['integer', 'null'] },
              agency_name: { type: ['string', 'null'] },
              email: { type: ['string', 'null'] },
              phone: { type: ['string', 'null'] },
              totp_enabled: { type: 'boolean' },
              phone_verified_at: { type: ['string', 'null'], format: 'date-time', description: 'when a code sent to the phone came back' },
              email_verified_at: { type: ['string', 'null'], format: 'date-time', description: 'when a code sent to the e-mail came back' },
              can_submit: { type: 'boolean', description: 'a citizen submits once a contact is verified (staff: always)' },
            },
          },
          401: errorSchema,
        },
      },
    },
    async (req) => {
      const a = await getOwnAccount(db, requireUser(req.user));
      return {
        id: a.id,
        username: a.username,
        full_name: a.full_name,
        kind: a.kind,
        roles: a.roles,
        agency_id: a.agency_id,
        agency_name: a.agencyName,
        email: a.email,
        phone: a.phone,
        totp_enabled: a.totp_enabled,
        phone_verified_at: a.phone_verified_at ? new Date(a.phone_verified_at).toISOString() : null,
        email_verified_at: a.email_verified_at ? new Date(a.email_verified_at).toISOString() : null,
        can_submit: isVerified(a),
      };
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['auth'],
        summary: 'Các mã truy cập của tài khoản / The account’s tokens',
        security: [{ bearer: [] }],
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                label: { type: 'string' },
                scopes: { type: 'array', items: { type: 'string' } },
                created_at: { type: 'string', format: 'date-time' },
                expires_at: { type: 'string', format: 'date-time' },
              },
            },
          },
          401: errorSchema,
        },
      },
    },
    async (req) =>
      (await listOwnTokens(db, req.user)).map((t) => ({ id: t.id, label: t.label, scopes: t.scopes, created_at: new Date(t.createdAt).toISOString(), expires_at: t.expiresAt.toISOString() })),
  );

  // Revoking only ever takes access away, so any token of the account may revoke its tokens.
  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['auth'],
        summary: 'Thu hồi một mã truy cập / Revoke a token',
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        response: { 204: { type: 'null' }, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await revokeOwnToken(db, req.user, (req.params as { id: string }).id, ctxOf(req));
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/v1/accounts/:id/sessions',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất mọi nơi / Sign out everywhere',
        description: 'Ends every session and revokes every token of the account: one’s own, or (administrators, token scope `admin`) anyone’s.',
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } },
        response: { 204: { type: 'null' }, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await signOutEverywhere(db, req.user, (req.params as { id: number }).id, { ...ctxOf(req), tokenScopes: req.viaBearer ? req.tokenScopes : null });
      return reply.status(204).send();
    },
  );
}
