// Service-quality figures are read by many leaders at once and cost a few hundred milliseconds for the whole city on a
// year of dossiers; each set (one filter, one agency) is computed at most once per EGOV_FIGURES_MAX_AGE seconds
// (60 by default, 0 in tests) and requests arriving while it is computed wait for that one computation. The access
// check runs before the cache on every request; the cache holds aggregates only, never a person's data.
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();

export async function cachedFigures<T>(key: string, maxAgeSeconds: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  if (maxAgeSeconds <= 0) return compute();
  const hit = entries.get(key);
  if (hit && now - hit.at < maxAgeSeconds * 1000) return hit.value as Promise<T>;
  const value = compute();
  entries.set(key, { at: now, value });
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}

export function clearFiguresCache(): void {
  entries.clear();
}
