// Per-process caches of small, rarely changing data the search needs on every query: word frequencies (IDF), the
// synonym table and the values of the filter selects. Changes made by this process drop them at once; another
// process (several app servers) sees a change within the time to live.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

const TTL_MS = 60_000;

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

const stores = new Map<string, WeakMap<object, Entry<unknown>>>();

function store(name: string): WeakMap<object, Entry<unknown>> {
  let s = stores.get(name);
  if (!s) {
    s = new WeakMap();
    stores.set(name, s);
  }
  return s;
}

/**
 * The cached value of `name` for this database. Only the first call waits for `load`; once the value is older than
 * the time to live it is still served while a fresh one loads in the background (a search must not pay for
 * reloading the vocabulary).
 */
export function cached<T>(db: Kysely<PlatformTables>, name: string, load: () => Promise<T>): Promise<T> {
  const s = store(name);
  const hit = s.get(db) as Entry<T> | undefined;
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = load();
  value.catch(() => {
    if (s.get(db)?.value === value) s.delete(db);
  });
  if (!hit) {
    s.set(db, { at: Date.now(), value });
    return value;
  }
  hit.at = Date.now();
  value.then(
    (v) => s.set(db, { at: Date.now(), value: Promise.resolve(v) }),
    () => undefined,
  );
  return hit.value;
}

export function invalidate(db: Kysely<PlatformTables>, ...names: string[]): void {
  for (const n of names) stores.get(n)?.delete(db);
}
