// Throttling the guesser, not the account (OWASP Authentication Cheat Sheet, "Login Throttling"; issue 10). Failed
// checks are counted in `auth_throttle` under keys the caller chooses: a source ('src:<ip>'), a source and an account
// ('pair:<ip>:<who>'), an account ('own:<id>'). A key's window starts at its first failure and lasts WINDOW_MINUTES;
// a key may also carry a time before which the next attempt is refused (growing delays). Counters live in the
// database, so every app process sees the same ones.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';

export const WINDOW_MINUTES = 60;

export interface ThrottleState {
  failures: number;
  /** Seconds to wait before the next attempt; 0 when one is allowed now. */
  retryAfter: number;
}

const windowOpen = (now: Date): Date => new Date(now.getTime() - WINDOW_MINUTES * 60_000);

export async function throttleState(db: Kysely<PlatformTables>, key: string, now = new Date()): Promise<ThrottleState> {
  const row = await db
    .selectFrom('auth_throttle')
    .select(['failures', 'window_start', 'next_allowed_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || new Date(row.window_start) < windowOpen(now)) return { failures: 0, retryAfter: 0 };
  const next = row.next_allowed_at ? new Date(row.next_allowed_at).getTime() : 0;
  return { failures: row.failures, retryAfter: Math.max(0, Math.ceil((next - now.getTime()) / 1000)) };
}

/**
 * Counts one failure under the key (a new window when the last one is over) and sets the delay before the next
 * attempt to `delaySeconds(failures)`. Returns the failures in the window, this one included.
 */
export async function countFailure(db: Kysely<PlatformTables>, key: string, delaySeconds: (failures: number) => number = () => 0, now = new Date()): Promise<number> {
  const open = windowOpen(now);
  const row = await db
    .insertInto('auth_throttle')
    .values({ key, failures: 1, window_start: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when auth_throttle.window_start < ${open} then 1 else auth_throttle.failures + 1 end`,
        notified_at: sql<Date | null>`case when auth_throttle.window_start < ${open} then null else auth_throttle.notified_at end`,
        window_start: sql<Date>`case when auth_throttle.window_start < ${open} then ${now} else auth_throttle.window_start end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = delaySeconds(row.failures);
  await db
    .updateTable('auth_throttle')
    .set({ next_allowed_at: delay > 0 ? new Date(now.getTime() + delay * 1000) : null })
    .where('key', '=', key)
    .execute();
  return row.failures;
}

export async function clearThrottle(db: Kysely<PlatformTables>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

/** True once per window of the key: the caller may tell the owner now (and nobody else will in this window). */
export async function claimNotice(db: Kysely<PlatformTables>, key: string): Promise<boolean> {
  const r = await db.updateTable('auth_throttle').set({ notified_at: new Date() }).where('key', '=', key).where('notified_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a one-time value (a solved challenge) as used; false when it already was. Kept as long as a window. */
export async function claimOnce(db: Kysely<PlatformTables>, key: string): Promise<boolean> {
  const r = await db
    .insertInto('auth_throttle')
    .values({ key, failures: 0, window_start: new Date() })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!r;
}

/** Housekeeping: rows whose window ended a day ago. */
export async function purgeThrottle(db: Kysely<PlatformTables>, now = new Date()): Promise<number> {
  const r = await db.deleteFrom('auth_throttle').where('window_start', '<', new Date(now.getTime() - 24 * 3_600_000)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
