import type { Kysely } from 'kysely';
import type { PlatformTables } from './tables.ts';

export async function getSetting<T>(db: Kysely<PlatformTables>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (row.value as T) : undefined;
}

export async function setSetting(db: Kysely<PlatformTables>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

/**
 * Stores `value` only if the key has none yet and returns what the key holds afterwards: the first writer
 * wins, so app servers starting at once agree on one value (e.g. a shared secret).
 */
export async function settingOnce<T>(db: Kysely<PlatformTables>, key: string, value: T): Promise<T> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getSetting<T>(db, key)) as T;
}
