// Sessions live in the database (app servers stay stateless); the browser holds only a random token in an
// HttpOnly cookie, and the table holds its SHA-256. Integrators' bearer tokens are sessions too.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';
import type { SessionUser } from './roles.ts';
import { randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'egov_sid';
export const SESSION_HOURS = 12;
export const API_TOKEN_HOURS = 24;

export interface LoadedSession {
  id: string;
  user: SessionUser;
  secondFactorPending: boolean;
  api: boolean;
  /** A token's scopes (scopes.ts); empty for browser sessions. */
  scopes: string[];
}

/** What a token carries besides its user: its scopes and a name its owner gave it. */
interface SessionData {
  user: SessionUser;
  api?: boolean;
  scopes?: string[];
  label?: string;
}

export async function createSession(
  db: Kysely<PlatformTables>,
  user: SessionUser,
  opts: { hours?: number; api?: boolean; scopes?: string[]; label?: string; secondFactorPending?: boolean; ip?: string; userAgent?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + (opts.hours ?? SESSION_HOURS) * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: user.id,
      data: JSON.stringify({ user, api: opts.api ?? false, ...(opts.api ? { scopes: opts.scopes ?? [], label: opts.label ?? '' } : {}) }),
      second_factor_pending: opts.secondFactorPending ?? false,
      expires_at: expiresAt,
      ip: opts.ip ?? null,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

export async function loadSession(db: Kysely<PlatformTables>, token: string): Promise<LoadedSession | null> {
  const id = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'data', 'second_factor_pending', 'expires_at'])
    .where('id', '=', id)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) return null;
  const data = row.data as SessionData;
  return { id: row.id, user: data.user, secondFactorPending: row.second_factor_pending, api: data.api ?? false, scopes: data.scopes ?? [] };
}

export async function completeSecondFactor(db: Kysely<PlatformTables>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ second_factor_pending: false }).where('id', '=', sessionId).execute();
}

export async function destroySession(db: Kysely<PlatformTables>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Called when an account's roles, agency or password change: every session picks up the new state. */
export async function refreshUserSessions(db: Kysely<PlatformTables>, user: SessionUser): Promise<void> {
  const rows = await db.selectFrom('sessions').select(['id', 'data']).where('user_id', '=', user.id).execute();
  for (const r of rows) {
    const data = r.data as SessionData;
    await db
      .updateTable('sessions')
      .set({ data: JSON.stringify({ ...data, user }) })
      .where('id', '=', r.id)
      .execute();
  }
}

export async function destroyUserSessions(db: Kysely<PlatformTables>, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

export interface ApiToken {
  /** A public handle: the first 16 characters of the stored hash (never the token). */
  id: string;
  label: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** The account's live API tokens, newest first. */
export async function listApiTokens(db: Kysely<PlatformTables>, userId: number): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'data', 'created_at', 'expires_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
  return rows
    .filter((r) => (r.data as SessionData).api)
    .map((r) => {
      const d = r.data as SessionData;
      return { id: r.id.slice(0, 16), label: d.label ?? '', scopes: d.scopes ?? [], createdAt: r.created_at, expiresAt: new Date(r.expires_at), lastSeenAt: r.last_seen_at };
    });
}

/** Revokes one of the account's tokens by its public handle; false when it has none such. */
export async function revokeApiToken(db: Kysely<PlatformTables>, userId: number, handle: string): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(handle)) return false;
  const tokens = await listApiTokens(db, userId);
  if (!tokens.some((t) => t.id === handle)) return false;
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', 'like', `${handle}%`).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function purgeExpiredSessions(db: Kysely<PlatformTables>): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
