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

interface Pending<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function createGroupCommitter<DB, I, R>(opts: GroupCommitOptions<DB, I, R>): GroupCommitter<I, R> {
  const maxBatch = Math.max(1, opts.maxBatch ?? 200);
  const maxWaitMs = Math.max(0, opts.maxWaitMs ?? 2);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const queue: Pending<I, R>[] = [];
  const stats: GroupCommitStats = { commits: 0, splits: 0, committed: 0 };
  let running = 0;
  let timer: NodeJS.Timeout | null = null;
  const idle: (() => void)[] = [];

  const inTransaction = async (items: I[]): Promise<R[]> => {
    const results = await opts.db.transaction().execute((trx) => opts.run(trx, items));
    if (!Array.isArray(results) || results.length !== items.length) {
      throw new Error(`group commit: run returned ${Array.isArray(results) ? results.length : 'no'} results for ${items.length} items`);
    }
    stats.commits++;
    return results;
  };

  const settleAlone = async (p: Pending<I, R>): Promise<void> => {
    try {
      const [r] = await inTransaction([p.item]);
      stats.committed++;
      p.resolve(r as R);
    } catch (err) {
      p.reject(isDatabaseUnavailable(err) ? HttpErrors.DB_UNAVAILABLE() : err);
    }
  };

  const runBatch = async (batch: Pending<I, R>[]): Promise<void> => {
    try {
      const results = await inTransaction(batch.map((p) => p.item));
      stats.committed += batch.length;
      batch.forEach((p, i) => p.resolve(results[i] as R));
      return;
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        for (const p of batch) p.reject(HttpErrors.DB_UNAVAILABLE());
        return;
      }
      if (batch.length === 1) {
        (batch[0] as Pending<I, R>).reject(err);
        return;
      }
    }
    // The batch rolled back as a whole: each item alone, in order, so the bad one fails by itself.
    stats.splits++;
    for (const p of batch) await settleAlone(p);
  };

  const pump = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (running < concurrency && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        // What arrived while this batch was committing forms the next batch at once: it has already waited.
        if (queue.length > 0) pump();
        else if (running === 0) for (const f of idle.splice(0)) f();
      });
    }
  };

  return {
    submit(item: I): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running >= concurrency) return; // the batch now running starts the next one when it ends
        if (queue.length >= maxBatch || maxWaitMs === 0) pump();
        else if (!timer) timer = setTimeout(pump, maxWaitMs);
      });
    },
    drain(): Promise<void> {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    stats: () => ({ ...stats }),
  };
}
