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
}

export async function createSession(
  db: Kysely<PlatformTables>,
  user: SessionUser,
  opts: { hours?: number; api?: boolean; secondFactorPending?: boolean; ip?: string; userAgent?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + (opts.hours ?? SESSION_HOURS) * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: user.id,
      data: JSON.stringify({ user, api: opts.api ?? false }),
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
  const data = row.data as { user: SessionUser; api?: boolean };
  return { id: row.id, user: data.user, secondFactorPending: row.second_factor_pending, api: data.api ?? false };
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
    const data = r.data as { api?: boolean };
    await db
      .updateTable('sessions')
      .set({ data: JSON.stringify({ user, api: data.api ?? false }) })
      .where('id', '=', r.id)
      .execute();
  }
}

export async function destroyUserSessions(db: Kysely<PlatformTables>, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

export async function purgeExpiredSessions(db: Kysely<PlatformTables>): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
