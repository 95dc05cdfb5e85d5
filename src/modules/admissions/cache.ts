// The read paths of the rush (issue 11 "The rush": school lists and catchment look-ups cost almost nothing): a small
// per-database, per-process cache with a time to live. It keeps the promise, so the thousand parents who arrive in the
// same second share one query. Each process holds its own copy; a value is at most `ttlMs` old.
export interface TtlCache<V> {
  get(owner: object, key: string, load: () => Promise<V>): Promise<V>;
  /** Forget everything for this database (after the education office edits places or catchments; tests). */
  clear(owner: object): void;
}

export function ttlCache<V>(ttlMs: number): TtlCache<V> {
  const perOwner = new WeakMap<object, Map<string, { at: number; value: Promise<V> }>>();
  return {
    get(owner, key, load) {
      let m = perOwner.get(owner);
      if (!m) perOwner.set(owner, (m = new Map()));
      const hit = m.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load();
      const entry = { at: Date.now(), value };
      m.set(key, entry);
      // A failed load is not kept: the next caller tries again.
      value.catch(() => {
        if (m.get(key) === entry) m.delete(key);
      });
      return value;
    },
    clear(owner) {
      perOwner.delete(owner);
    },
  };
}
