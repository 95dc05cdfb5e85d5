// Signs a test client in as any user without going through the sign-in pages (those have their own tests).
import type { Kysely } from 'kysely';
import { createSession, SESSION_COOKIE } from '../platform/auth/sessions.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import { scopesAllowed, type Scope } from '../platform/auth/scopes.ts';
import type { PlatformTables } from '../platform/db/tables.ts';
import type { TestClient } from './app.ts';

export async function signInAs(db: Kysely<PlatformTables>, client: TestClient, user: Partial<SessionUser> & { id: number }): Promise<SessionUser> {
  const full: SessionUser = {
    username: `user${user.id}`,
    displayName: `User ${user.id}`,
    kind: 'staff',
    roles: [],
    agencyId: null,
    agencyName: null,
    ...user,
  };
  const { token } = await createSession(db, full);
  client.cookies.set(SESSION_COOKIE, token);
  return full;
}

/** An API token for the user, with every scope the account may have unless `scopes` are given. */
export async function apiTokenFor(db: Kysely<PlatformTables>, user: SessionUser, scopes: Scope[] = scopesAllowed(user)): Promise<string> {
  const { token } = await createSession(db, user, { api: true, hours: 1, scopes });
  return token;
}
