// Group commit: many concurrent writes (one per request) gathered into one short transaction, so the rush is not
// held to one commit (one WAL flush) per row (issue 11, "The rush": "many applications in one short transaction,
// each acknowledged only after it commits"). A caller's promise settles only after the transaction that holds its
// item has committed, so an acknowledgement is never given for something that may still be rolled back.
//
// When a batch fails for any reason other than a lost database, its items are tried again one by one, each in
// its own transaction: one bad item (a unique violation, a check) fails only its own promise, with its own error.
// When the database is unreachable, every item of the batch fails with DB_UNAVAILABLE (503, "try again"): the
// client retries with its idempotency key, which also covers the one unknowable case, a connection lost during
// COMMIT, where the rows may or may not be there.
import type { Kysely, Transaction } from 'kysely';
import { HttpErrors } from '../http/errors.ts';
import { isDatabaseUnavailable } from '../http/error-handler.tsx';
import { createBatcher, type Settled } from './batcher.ts';

export interface GroupCommitOptions<DB, I, R> {
  db: Kysely<DB>;
  /** Most items in one transaction (default 200). */
  maxBatch?: number;
  /** How long the first item of a batch waits for company before the batch starts (default 2 ms). */
  maxWaitMs?: number;
  /** Batches in flight at once (default 1; more only on PostgreSQL, where the pool has several connections). */
  concurrency?: number;
  /** Writes the items inside `trx` and returns one result per item, in the same order. */
  run: (trx: Transaction<DB>, items: I[]) => Promise<R[]>;
}

export interface GroupCommitStats {
  /** Transactions that committed (a batch, or one item tried alone). */
  commits: number;
  /** Batches that failed and were split into one transaction per item. */
  splits: number;
  /** Items whose promise resolved. */
  committed: number;
}

export interface GroupCommitter<I, R> {
  /** Resolves with the item's result once its transaction has committed; rejects with the item's own error. */
  submit(item: I): Promise<R>;
  /** Resolves when every item submitted so far has settled. */
  drain(): Promise<void>;
  stats(): GroupCommitStats;
}

export function createGroupCommitter<DB, I, R>(opts: GroupCommitOptions<DB, I, R>): GroupCommitter<I, R> {
  const stats: GroupCommitStats = { commits: 0, splits: 0, committed: 0 };

  const inTransaction = async (items: I[]): Promise<R[]> => {
    const results = await opts.db.transaction().execute((trx) => opts.run(trx, items));
    if (!Array.isArray(results) || results.length !== items.length) {
      throw new Error(`group commit: run returned ${Array.isArray(results) ? results.length : 'no'} results for ${items.length} items`);
    }
    stats.commits++;
    return results;
  };

  const alone = async (item: I): Promise<Settled<R>> => {
    try {
      const [r] = await inTransaction([item]);
      stats.committed++;
      return { ok: true, value: r as R };
    } catch (err) {
      return { ok: false, error: isDatabaseUnavailable(err) ? HttpErrors.DB_UNAVAILABLE() : err };
    }
  };

  const batcher = createBatcher<I, R>({
    maxBatch: opts.maxBatch ?? 200,
    maxWaitMs: opts.maxWaitMs ?? 2,
    concurrency: opts.concurrency ?? 1,
    run: async (items) => {
      try {
        const results = await inTransaction(items);
        stats.committed += items.length;
        return results.map((value) => ({ ok: true, value }));
      } catch (err) {
        if (isDatabaseUnavailable(err)) return items.map(() => ({ ok: false, error: HttpErrors.DB_UNAVAILABLE() }));
        if (items.length === 1) return [{ ok: false, error: err }];
      }
      // The batch rolled back as a whole: each item alone, in order, so the bad one fails by itself.
      stats.splits++;
      const settled: Settled<R>[] = [];
      for (const item of items) settled.push(await alone(item));
      return settled;
    },
  });

  return { submit: batcher.submit, drain: batcher.drain, stats: () => ({ ...stats }) };
}
