// Background jobs on pg-boss, which keeps its queue in the same database (PGlite or PostgreSQL), so a job
// can be queued in the very transaction that makes the change it follows from.
import PgBoss from 'pg-boss';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/connect.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

export interface Jobs {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Queue a job; pass a transaction to commit the job with the change that caused it. Declare the queue first
   * (`work()` does, with or without workers), since a queue cannot be created from inside a transaction on PGlite.
   */
  send<T extends object>(name: string, data: T, trx?: Kysely<unknown>): Promise<string | null>;
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  schedule(name: string, cron: string): Promise<void>;
  readonly started: boolean;
}

function executorOf(db: Kysely<unknown>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const r = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows as unknown[] };
    },
  };
}

export function createJobs(database: Database, log: Logger, opts: { workers: boolean }): Jobs {
  const boss = new PgBoss({
    db: {
      executeSql: async (text, values) => {
        const r = await database.pool.query(text, values);
        return { rows: r.rows };
      },
    },
    supervise: opts.workers,
    schedule: opts.workers,
    migrate: true,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  const queues = new Set<string>();
  let started = false;

  async function ensureQueue(name: string): Promise<void> {
    if (queues.has(name)) return;
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
    queues.add(name);
  }

  return {
    get started() {
      return started;
    },
    async start() {
      await boss.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
    async send(name, data, trx) {
      await ensureQueue(name);
      return boss.send(name, data, trx ? { db: executorOf(trx) } : {});
    },
    async work(name, handler) {
      // The queue must exist before a transaction sends to it: creating it from inside a transaction would
      // need a second connection, which PGlite does not have.
      await ensureQueue(name);
      if (!opts.workers) return;
      await boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as Parameters<typeof handler>[0]);
      });
    },
    async schedule(name, cron) {
      if (!opts.workers) return;
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    },
  };
}
