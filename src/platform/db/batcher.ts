// Gathering concurrent calls into batches: the shared core of group commit (many writes in one transaction) and
// of batched reads (many look-ups in one statement) on the rush path (issue 11, "The rush"; docs/rush.md).
// Calls that arrive while `concurrency` batches are running wait and form the next batch as soon as one ends, so
// under load batches grow by themselves and when idle a call waits at most `maxWaitMs` for company.
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface BatcherOptions<I, R> {
  /** Most items in one batch (default 200). */
  maxBatch?: number;
  /**
   * How long the first item of a batch waits for company before the batch starts (default 2 ms); 0: until the
   * event loop has handled the input already read (setImmediate), so calls parsed in one turn share a batch.
   */
  maxWaitMs?: number;
  /** Batches in flight at once (default 1). */
  concurrency?: number;
  /** Settles every item of a batch: one result per item, in the same order. */
  run: (items: I[]) => Promise<Settled<R>[]>;
}

export interface Batcher<I, R> {
  /** Resolves with the item's result once its batch has run; rejects with the item's own error. */
  submit(item: I): Promise<R>;
  /** Resolves when every item submitted so far has settled. */
  drain(): Promise<void>;
}

interface Pending<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export function createBatcher<I, R>(opts: BatcherOptions<I, R>): Batcher<I, R> {
  const maxBatch = Math.max(1, opts.maxBatch ?? 200);
  const maxWaitMs = Math.max(0, opts.maxWaitMs ?? 2);
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const queue: Pending<I, R>[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  const idle: (() => void)[] = [];

  const runBatch = async (batch: Pending<I, R>[]): Promise<void> => {
    let results: Settled<R>[];
    try {
      results = await opts.run(batch.map((p) => p.item));
      if (!Array.isArray(results) || results.length !== batch.length) {
        throw new Error(`batcher: run returned ${Array.isArray(results) ? results.length : 'no'} results for ${batch.length} items`);
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => {
      const r = results[i] as Settled<R>;
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  };

  const cancelTimer = (): void => {
    if (!timer) return;
    if (maxWaitMs === 0) clearImmediate(timer as NodeJS.Immediate);
    else clearTimeout(timer as NodeJS.Timeout);
    timer = null;
  };

  const pump = (): void => {
    cancelTimer();
    while (running < concurrency && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        // What arrived while this batch was running forms the next batch at once: it has already waited.
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
        if (queue.length >= maxBatch) pump();
        else if (!timer) timer = maxWaitMs === 0 ? setImmediate(pump) : setTimeout(pump, maxWaitMs);
      });
    },
    drain(): Promise<void> {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
