// Runs `fn` over `items` with at most `limit` calls at once and answers the results in the items' order: work that is
// one round trip per item (an account's day, a charge) uses a pool's connections on PostgreSQL, and runs one at a
// time on PGlite's single connection (limit 1). The first error is thrown once the calls already started have ended.
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== undefined) throw failed.error;
  return out;
}
