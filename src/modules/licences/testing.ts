// Test helpers of the licence registry: a citizen account with a citizen-ID number, a licence in the registry (the
// online renewal 3.000347 refuses a number the registry does not hold), and an assertion on an error's code.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
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

/** Puts a licence in force into the registry for the holder (citizen-ID number), e.g. before submitting 3.000347. */
export async function registryLicence(
  app: TestApp,
  l: { holderPin: string; number: string; licenceClass?: string; expiresOn: string | null; old?: boolean; fullName?: string; birthDate?: string },
): Promise<void> {
  await sql`insert into licences (number, holder_pin, full_name, birth_date, licence_class, old, issued_on, expires_on, province_code, verify_token)
    values (${l.number}, ${l.holderPin}, ${l.fullName ?? 'Người có giấy phép'}, ${l.birthDate ?? '1985-01-30'}, ${l.licenceClass ?? 'B'}, ${l.old ?? false},
            '2016-01-01', ${l.expiresOn}, ${l.number.slice(0, 2)}, ${randomBytes(24).toString('base64url')})`.execute(app.database.db);
}
