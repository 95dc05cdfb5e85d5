// Test helpers of the licence registry: a citizen account with a citizen-ID number, and an assertion on an error's code.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { AppError } from '../../platform/http/errors.ts';
import type { TestApp } from '../../testing/app.ts';

export async function citizen(app: TestApp, username: string, personalId: string): Promise<SessionUser> {
  const r = await sql<{ id: number }>`insert into accounts (kind, username, personal_id, full_name, password_hash)
    values ('citizen', ${username}, ${personalId}, ${`Công dân ${username}`}, 'x') returning id`.execute(app.database.db);
  const id = Number(r.rows[0]?.id);
  return { id, username, displayName: username, kind: 'citizen', roles: [], agencyId: null, agencyName: null };
}

/** For assert.rejects: the error's code, with its message on failure; checks both languages are there. */
export const fails = (code: string) => (e: unknown) => {
  assert.equal((e as AppError).code, code, (e as Error).message);
  assert.ok((e as AppError).text.vi.length > 0 && (e as AppError).text.en.length > 0);
  return true;
};
